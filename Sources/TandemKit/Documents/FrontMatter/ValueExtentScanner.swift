/// Finds where a TOML or JSON value ends, given where it starts. The value itself is decoded by
/// a real parser (TOMLKit, JSONSerialization); this only locates its bytes for a splice.
struct ValueExtentScanner {
    let bytes: [UInt8]
    let bound: Int

    /// The end of the value starting at `start`, and how it is written.
    func extent(from start: Int, comments: Bool) -> (end: Int, style: FrontMatterField.Style) {
        guard start < bound else { return (start, .plain) }
        if matches("\"\"\"", at: start) { return (closing("\"\"\"", from: start + 3, escapes: true), .block) }
        if matches("'''", at: start) { return (closing("'''", from: start + 3, escapes: false), .block) }
        switch bytes[start] {
        case UInt8(ascii: "\""): return (closing("\"", from: start + 1, escapes: true), .doubleQuoted)
        case UInt8(ascii: "'"): return (closing("'", from: start + 1, escapes: false), .singleQuoted)
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            let end = balanced(from: start)
            let quote = firstQuote(in: start..<end)
            return (end, bytes[start] == UInt8(ascii: "[") ? .flowSequence(quote: quote) : .plain)
        default:
            var end = start
            var index = start
            while index < bound, bytes[index] != 0x0A, bytes[index] != 0x0D {
                if comments, bytes[index] == UInt8(ascii: "#") { break }
                if !comments, bytes[index] == UInt8(ascii: ",") || bytes[index] == UInt8(ascii: "}") { break }
                if bytes[index] != 0x20, bytes[index] != 0x09 { end = index + 1 }
                index += 1
            }
            return (end, .plain)
        }
    }

    private func matches(_ text: String, at index: Int) -> Bool {
        let pattern = Array(text.utf8)
        guard index + pattern.count <= bound else { return false }
        return bytes[index..<(index + pattern.count)].elementsEqual(pattern)
    }

    private func closing(_ delimiter: String, from start: Int, escapes: Bool) -> Int {
        var index = start
        while index < bound {
            if escapes, bytes[index] == UInt8(ascii: "\\") { index += 2; continue }
            if matches(delimiter, at: index) {
                var end = index + delimiter.utf8.count
                // TOML allows up to two extra quotes right before a closing """.
                while delimiter.utf8.count == 3, end < bound, bytes[end] == bytes[index] { end += 1 }
                return end
            }
            index += 1
        }
        return bound
    }

    private func balanced(from start: Int) -> Int {
        var depth = 0
        var index = start
        while index < bound {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                index = closing(String(UnicodeScalar(byte)), from: index + 1, escapes: byte == UInt8(ascii: "\""))
                continue
            }
            if byte == UInt8(ascii: "#") {
                while index < bound, bytes[index] != 0x0A { index += 1 }
                continue
            }
            if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") { depth += 1 }
            if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
                depth -= 1
                if depth == 0 { return index + 1 }
            }
            index += 1
        }
        return bound
    }

    private func firstQuote(in range: Range<Int>) -> String {
        for index in range {
            if bytes[index] == UInt8(ascii: "\"") { return "\"" }
            if bytes[index] == UInt8(ascii: "'") { return "'" }
        }
        return "\""
    }
}
