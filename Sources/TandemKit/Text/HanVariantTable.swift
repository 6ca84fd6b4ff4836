internal import CTandemICU

/// The Simplified form of every BMP Han character and which characters belong to one script
/// only, computed once per process from ICU's `Hant-Hans` and `Hans-Hant` transforms.
///
/// Each character goes through the transforms on its own (one call over all of them, separated
/// by line feeds): `Hant-Hans` maps character to character without context, so the table
/// folds running text exactly as the transform would (measured over the corpus, see
/// BENCHMARKS.md), at a table lookup per character instead of a transform per sentence.
/// Only a mapping from one Han character to one other Han character is kept, so folded text
/// has the same length in UTF-16 and UTF-8 as the original and offsets map back one to one.
struct HanVariantTable: Sendable {
    /// Flag: `Hant-Hans` changes the character (it is written in Traditional text only: 們, 蘋).
    static let traditionalOnly: UInt8 = 1
    /// Flag: `Hans-Hant` changes the character and `Hant-Hans` does not (苹, 们).
    static let simplifiedOnly: UInt8 = 2

    /// Per BMP unit: its Simplified form (the unit itself when it has none).
    let simplified: [UInt16]
    /// Per BMP unit: `traditionalOnly`, `simplifiedOnly` or 0.
    let flags: [UInt8]

    static let shared = HanVariantTable()

    /// The BMP blocks of Han ideographs: Extension A, the unified block, compatibility ideographs.
    static func isHan(_ unit: UInt16) -> Bool {
        (0x3400...0x4DBF).contains(unit) || (0x4E00...0x9FFF).contains(unit) || (0xF900...0xFAFF).contains(unit)
    }

    private init() {
        var simplified = (0...0xFFFF).map { UInt16($0) }
        var flags = [UInt8](repeating: 0, count: 0x10000)
        let han = (0...0xFFFF).map { UInt16($0) }.filter(Self.isHan)
        let toSimplified = Self.transformEach(han, id: "Hant-Hans")
        let toTraditional = Self.transformEach(han, id: "Hans-Hant")
        for (index, unit) in han.enumerated() {
            let mapped = toSimplified?[index] ?? [unit]
            if mapped != [unit] {
                flags[Int(unit)] = Self.traditionalOnly
                if mapped.count == 1, Self.isHan(mapped[0]) { simplified[Int(unit)] = mapped[0] }
            } else if let other = toTraditional?[index], other != [unit] {
                flags[Int(unit)] = Self.simplifiedOnly
            }
        }
        self.simplified = simplified
        self.flags = flags
    }

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
    /// same length in bytes). Text without Han characters of the CJK blocks comes back as is,
    /// after one pass over its bytes.
    func simplifying(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            // U+3400…U+9FFF lead with E3…E9 and U+F900…U+FAFF with EF in UTF-8.
            guard let first = bytes.firstIndex(where: { (0xE3...0xE9).contains($0) || $0 == 0xEF }) else { return nil }
            var changed = false
            let folded = [UInt8](unsafeUninitializedCapacity: bytes.count) { output, count in
                _ = output.initialize(from: bytes)
                var index = first
                while index + 2 < bytes.count {
                    let lead = bytes[index]
                    guard (0xE3...0xE9).contains(lead) || lead == 0xEF else {
                        index += 1
                        continue
                    }
                    let unit = UInt16(lead & 0x0F) << 12 | UInt16(bytes[index + 1] & 0x3F) << 6 | UInt16(bytes[index + 2] & 0x3F)
                    let mapped = simplified[Int(unit)]
                    if mapped != unit {
                        output[index] = 0xE0 | UInt8(mapped >> 12)
                        output[index + 1] = 0x80 | UInt8((mapped >> 6) & 0x3F)
                        output[index + 2] = 0x80 | UInt8(mapped & 0x3F)
                        changed = true
                    }
                    index += 3
                }
                count = bytes.count
            }
            return changed ? String(decoding: folded, as: UTF8.self) : nil
        } ?? text
    }

    /// How many characters of `text` are written in one script only.
    func scriptCount(of text: String) -> ScriptCount {
        var count = ScriptCount()
        for unit in text.utf16 {
            let flag = flags[Int(unit)]
            if flag == Self.traditionalOnly {
                count.traditional += 1
            } else if flag == Self.simplifiedOnly {
                count.simplified += 1
            }
        }
        return count
    }
}
