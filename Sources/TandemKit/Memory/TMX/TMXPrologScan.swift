/// A look at the bytes before a TMX file's root element: does its DOCTYPE declare entities?
///
/// This is not an XML parser; it only finds `<!DOCTYPE … [ … ]>` (skipping quoted strings and
/// comments) so that a document declaring entities is refused before libxml2 expands anything.
struct TMXPrologScan {
    /// Offset of the first `<!ENTITY` inside the DOCTYPE's internal subset.
    private(set) var entityDeclarationOffset: Int?
    /// The DOCTYPE did not end within the bytes given.
    private(set) var doctypeUnterminated = false

    init(_ bytes: [UInt8]) {
        guard let start = Self.find(Array("<!DOCTYPE".utf8), in: bytes, from: 0) else { return }
        var index = start + 9
        var quote: UInt8?
        var inSubset = false
        while index < bytes.count {
            let byte = bytes[index]
            if let q = quote {
                if byte == q { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "[") {
                inSubset = true
            } else if byte == UInt8(ascii: "]") {
                inSubset = false
            } else if inSubset, byte == UInt8(ascii: "<"), Self.matches(Array("<!ENTITY".utf8), in: bytes, at: index) {
                entityDeclarationOffset = index
                return
            } else if inSubset, byte == UInt8(ascii: "<"), Self.matches(Array("<!--".utf8), in: bytes, at: index) {
                guard let end = Self.find(Array("-->".utf8), in: bytes, from: index + 4) else { break }
                index = end + 3
                continue
            } else if !inSubset, byte == UInt8(ascii: ">") {
                return
            }
            index += 1
        }
        doctypeUnterminated = true
    }

    private static func matches(_ needle: [UInt8], in bytes: [UInt8], at index: Int) -> Bool {
        guard index + needle.count <= bytes.count else { return false }
        for k in 0..<needle.count where bytes[index + k] != needle[k] { return false }
        return true
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        var index = from
        while index + needle.count <= bytes.count {
            if matches(needle, in: bytes, at: index) { return index }
            index += 1
        }
        return nil
    }
}
