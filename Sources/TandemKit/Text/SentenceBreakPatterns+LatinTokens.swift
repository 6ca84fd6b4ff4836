/// Rules for Latin text inside Chinese: initials, tickers and dotted names, name dots and
/// ellipses, where ICU sees a full stop that ends nothing.
extension SentenceBreakPatterns {
    /// "J. P. Morgan", "J.K. 罗琳", "U.S.": the break follows a capital letter and a full stop
    /// (and spaces) that no other letter precedes.
    func followsInitial(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let end = Self.endSkippingSpaces(offset, in: bytes)
        guard end >= 2, bytes[end - 1] == UInt8(ascii: "."), Self.isASCIIUppercase(bytes[end - 2]) else { return false }
        return end == 2 || !Self.isASCIILetter(bytes[end - 3])
    }

    /// "03690.HK", "AAPL.O", ".NET", "Node.js": a full stop with a Latin letter right after it.
    /// (Digits are `isInsideDecimal`'s.)
    func isInsideDottedName(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard offset >= 1, offset < bytes.count, bytes[offset - 1] == UInt8(ascii: ".") else { return false }
        return Self.isASCIILetter(bytes[offset])
    }

    /// "穆吉塔巴．哈米尼": a name dot with a letter right after it.
    func followsNameDot(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard nameDots.contains(where: { Self.matches($0, at: offset - $0.count, in: bytes) }),
              let next = Self.scalar(at: offset, in: bytes) else { return false }
        return next.scalar.properties.isAlphabetic
    }

    /// "清爽...难以数计", "会..拯救", "想了想。。。还是": an ellipsis followed by more of the
    /// paragraph, unless a space and a capital Latin letter follow it (a Latin sentence starting).
    func followsEllipsis(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let end = Self.endSkippingSpaces(offset, in: bytes)
        guard Self.matches(Self.twoDots, at: end - 2, in: bytes) || Self.matches(Self.ellipsisCharacter, at: end - 3, in: bytes)
                || Self.matches(Self.ideographicEllipsis, at: end - 9, in: bytes)
        else { return false }
        var next = offset
        while next < bytes.count, bytes[next] == 0x20 || bytes[next] == 0x09 { next += 1 }
        guard next < bytes.count else { return false }
        let startsLatinSentence = (next > end || end < offset) && Self.isASCIIUppercase(bytes[next])
        return !startsLatinSentence
    }

    static let asciiEllipsis = Array("...".utf8)
    /// Two dots end "...", and are an ellipsis of their own in informal Chinese ("会..拯救").
    static let twoDots = Array("..".utf8)
    static let ellipsisCharacter = Array("…".utf8)
    static let ideographicEllipsis = Array("。。。".utf8)

    /// `offset` moved back over spaces and tabs.
    static func endSkippingSpaces(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var end = offset
        while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return end
    }

    /// The Unicode scalar whose UTF-8 starts at `index`, and its length in bytes.
    static func scalar(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (scalar: Unicode.Scalar, length: Int)? {
        guard index < bytes.count else { return nil }
        let lead = bytes[index]
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard index + length <= bytes.count else { return nil }
        var value = length == 1 ? UInt32(lead) : UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<max(1, length) { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return Unicode.Scalar(value).map { ($0, length) }
    }

    static func isASCIIUppercase(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) }
}
