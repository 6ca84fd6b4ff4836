internal import CTandemICU

/// The Simplified form of every BMP Han character and which characters belong to one script
/// only, as ICU's `Hant-Hans` and `Hans-Hant` transforms give them.
///
/// Each character goes through the transforms on its own (one call over all of them, separated
/// by line feeds), and running text is folded through the table: a lookup per character
/// instead of a transform per sentence. `Hant-Hans` is nearly context-free: over the corpus the
/// only Han character it folds otherwise in running text is 著 (着 after 随, 著 in 著名; the
/// table keeps 著, itself a Simplified character). It also turns 「」 into “”, which the table
/// leaves alone: only Han characters fold (see BENCHMARKS.md).
/// Only a mapping from one Han character to one other Han character is kept, so folded text
/// has the same length in UTF-16 and UTF-8 as the original and offsets map back one to one.
///
/// ICU is the source of truth, but a process does not run it: the table ICU gives is kept in a
/// file per ICU version (`HanVariantTable+Cache.swift` says why and where) and read back.
struct HanVariantTable: Sendable, Equatable {
    /// Flag: `Hant-Hans` changes the character (it is written in Traditional text only: 們, 蘋).
    static let traditionalOnly: UInt8 = 1
    /// Flag: `Hans-Hant` changes the character and `Hant-Hans` does not (苹, 们).
    static let simplifiedOnly: UInt8 = 2

    /// Per BMP unit: its Simplified form (the unit itself when it has none).
    let simplified: [UInt16]
    /// Per BMP unit: `traditionalOnly`, `simplifiedOnly` or 0.
    let scriptFlags: [UInt8]

    /// The table of the linked ICU: read from the user's cache, made by ICU (and cached) when
    /// the cache has none for this ICU version.
    static let shared = HanVariantTable.cached(in: TandemCacheDirectory.url)

    init(simplified: [UInt16], scriptFlags: [UInt8]) {
        self.simplified = simplified
        self.scriptFlags = scriptFlags
    }

    /// The BMP blocks of Han ideographs: Extension A, the unified block, compatibility ideographs.
    static func isHan(_ unit: UInt16) -> Bool {
        (0x3400...0x4DBF).contains(unit) || (0x4E00...0x9FFF).contains(unit) || (0xF900...0xFAFF).contains(unit)
    }

    private static var hanUnits: [UInt16] { (0...0xFFFF).map { UInt16($0) }.filter(isHan) }

    /// The table computed now from ICU's transforms, every Han character through both (what
    /// the cache holds); nil when ICU cannot run them.
    static func computedByICU() -> HanVariantTable? {
        let han = hanUnits
        guard let toSimplified = transformEach(han, id: "Hant-Hans"), let toTraditional = transformEach(han, id: "Hans-Hant")
        else { return nil }
        var simplified = (0...0xFFFF).map { UInt16($0) }
        var flags = [UInt8](repeating: 0, count: 0x10000)
        for (index, unit) in han.enumerated() {
            let mapped = toSimplified[index]
            if mapped != [unit] {
                flags[Int(unit)] = traditionalOnly
                if mapped.count == 1, isHan(mapped[0]) { simplified[Int(unit)] = mapped[0] }
            } else if toTraditional[index] != [unit] {
                flags[Int(unit)] = simplifiedOnly
            }
        }
        return HanVariantTable(simplified: simplified, scriptFlags: flags)
    }

    /// The table that folds nothing (when ICU cannot run the transforms).
    static let identity = HanVariantTable(
        simplified: (0...0xFFFF).map { UInt16($0) }, scriptFlags: [UInt8](repeating: 0, count: 0x10000))

    /// What ICU's transform `id` makes of the whole of `text` (context and all), or nil when ICU
    /// cannot run it: the oracle the table is checked against.
    static func transform(_ text: String, id: String) -> String? {
        var units = Array(text.utf16)
        let length = Int32(units.count)
        units += [UInt16](repeating: 0, count: units.count * 3 + 16)
        var outLength: Int32 = 0
        let code = units.withUnsafeMutableBufferPointer { buffer in
            tandem_transliterate_utf16(id, buffer.baseAddress, length, Int32(buffer.count), &outLength)
        }
        guard code <= 0 else { return nil }
        return String(decoding: units[..<Int(outLength)], as: UTF16.self)
    }

    /// What transform `id` makes of each of `units` alone, or nil when ICU cannot run it.
    private static func transformEach(_ units: [UInt16], id: String) -> [[UInt16]]? {
        var text: [UInt16] = []
        text.reserveCapacity(units.count * 2)
        for unit in units {
            text.append(unit)
            text.append(0x0A)
        }
        let length = Int32(text.count)
        // A character may become a few; room for four each.
        text += [UInt16](repeating: 0, count: text.count * 2)
        var outLength: Int32 = 0
        let code = text.withUnsafeMutableBufferPointer { buffer in
            tandem_transliterate_utf16(id, buffer.baseAddress, length, Int32(buffer.count), &outLength)
        }
        guard code <= 0 else { return nil }
        let pieces = text[..<Int(outLength)].split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map(Array.init)
        return pieces.count == units.count ? pieces : nil
    }
}

extension HanVariantTable {
    /// `text` with every Traditional character that has a Simplified form replaced by it (the
    /// same length in bytes). Text in which nothing changes (ASCII, Simplified Chinese) comes
    /// back as is after one pass over its bytes, without allocating.
    func simplifying(_ text: String) -> String {
        var text = text
        let folded = text.withUTF8 { bytes in
            simplified.withUnsafeBufferPointer { table -> String? in
                // The three-byte character at `index` (its lead byte E3…E9 or EF: U+3000…U+9FFF,
                // U+F000…U+FFFF, the only blocks with a fold), its Simplified form if it differs.
                @inline(__always) func change(at index: Int) -> UInt16? {
                    let lead = bytes[index]
                    guard lead >= 0xE3 && (lead <= 0xE9 || lead == 0xEF) && index + 2 < bytes.count else { return nil }
                    let unit = UInt16(lead & 0x0F) << 12 | UInt16(bytes[index + 1] & 0x3F) << 6 | UInt16(bytes[index + 2] & 0x3F)
                    let mapped = table[Int(unit)]
                    return mapped == unit ? nil : mapped
                }
                var first = 0
                while first < bytes.count && change(at: first) == nil { first += 1 }
                guard first < bytes.count else { return nil }
                return String(unsafeUninitializedCapacity: bytes.count) { output in
                    _ = output.initialize(from: bytes)
                    var index = first
                    while index < bytes.count {
                        guard let mapped = change(at: index) else {
                            index += 1
                            continue
                        }
                        output[index] = 0xE0 | UInt8(mapped >> 12)
                        output[index + 1] = 0x80 | UInt8((mapped >> 6) & 0x3F)
                        output[index + 2] = 0x80 | UInt8(mapped & 0x3F)
                        index += 3
                    }
                    return bytes.count
                }
            }
        }
        return folded ?? text
    }

    /// How many characters of `text` are written in one script only.
    func scriptCount(of text: String) -> ScriptCount {
        var count = ScriptCount()
        let flags = scriptFlags
        for unit in text.utf16 {
            let flag = flags[Int(unit)]
            if flag == Self.traditionalOnly {
                count.traditional += 1
            } else if flag == Self.simplifiedOnly {
                count.simplified += 1
            } else if unit >= 0x3041 && unit <= 0x30FF && unit != 0x30FB {
                // Hiragana and katakana, not the katakana middle dot that Chinese uses in names.
                count.kana += 1
            }
        }
        return count
    }
}
