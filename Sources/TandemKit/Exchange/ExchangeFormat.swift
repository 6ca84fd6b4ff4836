/// The files Tandem hands to translators and takes back.
public enum ExchangeFormat: String, Codable, Sendable, CaseIterable {
    /// XLIFF 1.2 (strict schema): what OmegaT, Trados, memoQ and Okapi read best.
    case xliff12
    /// XLIFF 2.1 (core with the matches, glossary and metadata modules), for tools built on
    /// XLIFF 2 (Okapi, Xliff Manager, memoQ and Trados read it too).
    case xliff21
    /// GNU gettext PO, for Poedit, Weblate and Translate Toolkit.
    case po

    /// The usual file extension.
    public var fileExtension: String {
        switch self {
        case .xliff12, .xliff21: return "xlf"
        case .po: return "po"
        }
    }

    /// The format of a returned file, from its first bytes: XML is XLIFF (2.x when the root's
    /// `version` starts with 2, else 1.2), anything else PO. The reader checks the root again.
    /// UTF-16 files (Trados and memoQ write them) are looked at as the UTF-8 the readers see.
    public static func detect(_ document: [UInt8]) -> ExchangeFormat {
        let bytes = XMLByteEncoding.detect(document).encoding == .utf8 ? document : XMLByteEncoding.utf8Document(document)
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        guard start < bytes.count && bytes[start] == UInt8(ascii: "<") else { return .po }
        return rootVersion(bytes, from: start)?.first == UInt8(ascii: "2") ? .xliff21 : .xliff12
    }

    /// The value of `version` on the first `<xliff` or `<prefix:xliff` start tag in the first
    /// 64 KiB (past the prolog, comments and a DOCTYPE), or nil.
    static func rootVersion(_ bytes: [UInt8], from start: Int) -> ArraySlice<UInt8>? {
        let end = min(bytes.count, start + (64 << 10))
        let name = Array("xliff".utf8)
        var index = start
        while index < end {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "<") else { continue }
            // `<xliff` or `<p:xliff`, followed by white space, `>` or `/`.
            var nameStart = index + 1
            var cursor = nameStart
            while cursor < end, cursor - nameStart < 64, bytes[cursor] != UInt8(ascii: ":"),
                  !isDelimiter(bytes[cursor]) { cursor += 1 }
            if cursor < end, bytes[cursor] == UInt8(ascii: ":") { nameStart = cursor + 1 }
            guard nameStart + name.count < end, Array(bytes[nameStart..<(nameStart + name.count)]) == name,
                  isDelimiter(bytes[nameStart + name.count]) else { continue }
            // Attributes up to the tag's end.
            var cursor2 = nameStart + name.count
            let key = Array("version".utf8)
            while cursor2 < end, bytes[cursor2] != UInt8(ascii: ">") {
                if isDelimiter(bytes[cursor2 - 1]), cursor2 + key.count < end, Array(bytes[cursor2..<(cursor2 + key.count)]) == key {
                    var value = cursor2 + key.count
                    while value < end, isSpace(bytes[value]) { value += 1 }
                    guard value < end, bytes[value] == UInt8(ascii: "=") else { cursor2 += 1; continue }
                    value += 1
                    while value < end, isSpace(bytes[value]) { value += 1 }
                    guard value < end, bytes[value] == UInt8(ascii: "\"") || bytes[value] == UInt8(ascii: "'") else { return nil }
                    let quote = bytes[value]
                    guard let close = bytes[(value + 1)..<end].firstIndex(of: quote) else { return nil }
                    return bytes[(value + 1)..<close]
                }
                cursor2 += 1
            }
            return nil
        }
        return nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
    private static func isDelimiter(_ byte: UInt8) -> Bool { isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") }
}
