/// Where each segment's `"target"` value (and the segment object itself) starts in a segment
/// file's JSON text, so findings and build errors point at the line and column a reader would
/// fix. The one way Tandem finds a segment's position in its file.
///
/// A small recursive-descent scan of the JSON syntax (strings with escapes, numbers, literals,
/// nesting); the values themselves are decoded by `JSONDecoder`. Only called on files that
/// `JSONDecoder` already accepted, so malformed input just yields no positions.
struct SegmentFilePositions {
    /// Byte offset of segment `i`'s object, and of its `"target"` value when present.
    var segmentOffsets: [Int] = []
    var targetOffsets: [Int?] = []
    /// Segment `i`'s `"id"` as written (ids are hex digits: no escapes to undo).
    var ids: [String?] = []
    /// Byte offset of each top-level key (`"formatVersion"`, `"targetLocale"`, …).
    var topLevelKeyOffsets: [String: Int] = [:]

    /// Where a reader fixes segment `index`: its target, else the segment; 0 when the scan
    /// found no such segment.
    func offset(ofSegmentAt index: Int) -> Int {
        guard index < segmentOffsets.count else { return 0 }
        return targetOffsets[index] ?? segmentOffsets[index]
    }

    /// `offset(ofSegmentAt:)` of the segment whose id is `id`.
    func offset(ofSegment id: String) -> Int {
        ids.firstIndex(of: id).map { offset(ofSegmentAt: $0) } ?? 0
    }

    init(_ bytes: [UInt8]) {
        var scanner = Scanner(bytes: bytes)
        scanner.skipSpace()
        guard scanner.peek == UInt8(ascii: "{") else { return }
        _ = scanner.object { key, scanner in
            topLevelKeyOffsets[key] = scanner.keyStart
            guard key == "segments" else { return scanner.value() }
            scanner.skipSpace()
            guard scanner.peek == UInt8(ascii: "[") else { return scanner.value() }
            return scanner.array { scanner in
                scanner.skipSpace()
                let start = scanner.index
                guard scanner.peek == UInt8(ascii: "{") else { return scanner.value() }
                segmentOffsets.append(start)
                targetOffsets.append(nil)
                ids.append(nil)
                return scanner.object { key, scanner in
                    scanner.skipSpace()
                    if key == "target" { targetOffsets[targetOffsets.count - 1] = scanner.index }
                    if key == "id" {
                        var copy = scanner
                        ids[ids.count - 1] = copy.string()
                    }
                    return scanner.value()
                }
            }
        }
    }

    struct Scanner {
        let bytes: [UInt8]
        var index = 0
        /// Where the key of the member `object` is visiting starts.
        var keyStart = 0

        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipSpace() {
            while let byte = peek, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
        }

        /// Skips any value; false on malformed input.
        mutating func value() -> Bool {
            skipSpace()
            guard let byte = peek else { return false }
            switch byte {
            case UInt8(ascii: "{"): return object { _, scanner in scanner.value() }
            case UInt8(ascii: "["): return array { scanner in scanner.value() }
            case UInt8(ascii: "\""): return string() != nil
            default:
                let start = index
                while let byte = peek, !(byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]")
                                         || byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09) { index += 1 }
                return index > start
            }
        }

        /// A string's raw bytes (escapes left as written, enough to compare plain keys).
        mutating func string() -> String? {
            guard peek == UInt8(ascii: "\"") else { return nil }
            index += 1
            let start = index
            while let byte = peek {
                if byte == UInt8(ascii: "\\") { index += 2; continue }
                if byte == UInt8(ascii: "\"") {
                    let text = String(decoding: bytes[start..<index], as: UTF8.self)
                    index += 1
                    return text
                }
                index += 1
            }
            return nil
        }

        mutating func object(_ member: (String, inout Scanner) -> Bool) -> Bool {
            index += 1
            skipSpace()
            if peek == UInt8(ascii: "}") { index += 1; return true }
            while true {
                skipSpace()
                keyStart = index
                guard let key = string() else { return false }
                skipSpace()
                guard peek == UInt8(ascii: ":") else { return false }
                index += 1
                guard member(key, &self) else { return false }
                skipSpace()
                if peek == UInt8(ascii: ",") { index += 1; continue }
                if peek == UInt8(ascii: "}") { index += 1; return true }
                return false
            }
        }

        mutating func array(_ element: (inout Scanner) -> Bool) -> Bool {
            index += 1
            skipSpace()
            if peek == UInt8(ascii: "]") { index += 1; return true }
            while true {
                guard element(&self) else { return false }
                skipSpace()
                if peek == UInt8(ascii: ",") { index += 1; continue }
                if peek == UInt8(ascii: "]") { index += 1; return true }
                return false
            }
        }
    }
}
