/// The encoding of an XML document's bytes, as its first bytes announce it (XML 1.0,
/// appendix F): a byte order mark, or `<?` written in UTF-16 without one.
///
/// Tandem's XML readers hand libxml2 UTF-8 only. Files in UTF-16 (TMX 1.4b allows it; Trados,
/// Okapi and OmegaT's own UI memories use it) are transcoded first by `UTF16Transcoder`, and
/// their declaration is made to say UTF-8, so the checks that scan bytes before libxml2
/// (`XMLPrologScan`, `TMXByteStream`'s control characters) see the same text libxml2 parses.
public enum XMLByteEncoding: Equatable, Sendable {
    /// UTF-8 (bytes that are not UTF-8 are refused before libxml2 sees them: `refuseInvalidUTF8`,
    /// or as `TMXByteStream` reads each chunk).
    case utf8
    case utf16LittleEndian
    case utf16BigEndian

    /// The encoding of a document starting with `prefix` (at least its first 4 bytes, when it
    /// has them), and the length of its byte order mark.
    public static func detect(_ prefix: some Collection<UInt8>) -> (encoding: XMLByteEncoding, byteOrderMark: Int) {
        let bytes = Array(prefix.prefix(4))
        func starts(_ head: [UInt8]) -> Bool { bytes.count >= head.count && Array(bytes.prefix(head.count)) == head }
        if starts([0xFF, 0xFE]) { return (.utf16LittleEndian, 2) }
        if starts([0xFE, 0xFF]) { return (.utf16BigEndian, 2) }
        if starts([0x3C, 0x00, 0x3F, 0x00]) { return (.utf16LittleEndian, 0) }
        if starts([0x00, 0x3C, 0x00, 0x3F]) { return (.utf16BigEndian, 0) }
        return (.utf8, 0)
    }

    /// The whole document `bytes` in UTF-8 with a declaration saying so (unchanged when it
    /// is UTF-8 already and its declaration does not claim UTF-16).
    public static func utf8Document(_ bytes: [UInt8]) -> [UInt8] {
        let (encoding, mark) = detect(bytes)
        switch encoding {
        case .utf8:
            return declaringUTF8(bytes)
        case .utf16LittleEndian, .utf16BigEndian:
            var transcoder = UTF16Transcoder(bigEndian: encoding == .utf16BigEndian)
            return declaringUTF8(transcoder.transcode(bytes[mark...], final: true))
        }
    }

    /// `document` whose XML declaration names UTF-16 made to name UTF-8 (after transcoding, or
    /// when a tool wrote UTF-8 under a UTF-16 label); any other declaration is left alone.
    public static func declaringUTF8(_ document: [UInt8]) -> [UInt8] {
        guard let declared = declaredEncoding(document) else { return document }
        let value = String(decoding: document[declared], as: UTF8.self).uppercased()
        guard value.hasPrefix("UTF-16") || value.hasPrefix("UTF16") || value == "UNICODE" else { return document }
        var output = Array(document[..<declared.lowerBound])
        output += Array("UTF-8".utf8)
        output += document[declared.upperBound...]
        return output
    }

    /// Throws `TandemError.invalidUTF8` at the first byte of `document` (UTF-8 already, as
    /// `utf8Document` gives it) that is not UTF-8. libxml2 lets some bad bytes through (an
    /// overlong sequence in an element name), and FoundationXML then traps making the name a
    /// String; a declaration naming another encoding is no way out, as libxml2 falls back to
    /// UTF-8 when the declaration is malformed. Both found by `TBXGlossaryFuzzer`.
    public static func refuseInvalidUTF8(_ document: [UInt8], path: String) throws {
        try refuseOtherEncoding(document, path: path)
        _ = try TextFile.decodeUTF8(document, path: path)
    }

    /// Throws when the declaration of `document` (UTF-8 already) names an encoding other than
    /// UTF-8 (or ASCII, its subset): libxml2 would convert the UTF-8 bytes as that encoding, and
    /// its UTF-7 conversion crashes (a SEGV in libxml2, found by `TMXFuzzer`).
    static func refuseOtherEncoding(_ document: [UInt8], path: String) throws {
        guard let declared = declaredEncoding(document) else { return }
        let value = String(decoding: document[declared], as: UTF8.self)
        guard !["UTF-8", "UTF8", "US-ASCII", "ASCII"].contains(value.uppercased()) else { return }
        let location = SourceLocation(file: path, text: String(decoding: document[..<declared.lowerBound], as: UTF8.self), utf8Offset: declared.lowerBound)
        throw TandemError.invalidValue(location, message: "the XML declaration names the encoding '\(value)'; XML is read in UTF-8 or UTF-16 only")
    }

    /// Where the value of the XML declaration's `encoding` is, when there is one.
    private static func declaredEncoding(_ document: [UInt8]) -> Range<Int>? {
        var start = 0
        if document.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        guard document[start...].starts(with: Array("<?xml".utf8)),
              let end = firstIndex(of: Array("?>".utf8), in: document, from: start),
              let name = firstIndex(of: Array("encoding".utf8), in: document[..<end], from: start)
        else { return nil }
        var index = name + 8
        while index < end, document[index] == 0x20 || document[index] == 0x3D || document[index] == 0x09 { index += 1 }
        guard index < end, document[index] == 0x22 || document[index] == 0x27 else { return nil }
        let quote = document[index]
        let valueStart = index + 1
        guard let valueEnd = document[valueStart..<end].firstIndex(of: quote) else { return nil }
        return valueStart..<valueEnd
    }

    private static func firstIndex(of needle: [UInt8], in haystack: some Collection<UInt8>, from start: Int) -> Int? {
        let bytes = Array(haystack)
        guard bytes.count >= needle.count + start else { return nil }
        for index in start...(bytes.count - needle.count) where bytes[index] == needle[0] {
            if Array(bytes[index..<(index + needle.count)]) == needle { return index }
        }
        return nil
    }
}
