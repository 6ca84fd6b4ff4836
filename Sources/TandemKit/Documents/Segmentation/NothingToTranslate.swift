/// Tells a sentence with nothing to translate: once its placeholders, URLs and emoji codes
/// (`:smile:`) are set aside, no letter is left (numbers, punctuation and symbols read the same
/// in every language). `extract` copies such a sentence as its own translation.
public enum NothingToTranslate {
    /// Whether `text` (with `{n}` placeholders) holds nothing a translator would change.
    public static func matches(_ text: String) -> Bool {
        let plainText = CodedText(text).plainText
        // URLs and emoji codes are ASCII: a letter outside ASCII (any Chinese sentence) settles it
        // without looking for them.
        if plainText.unicodeScalars.contains(where: { !$0.isASCII && $0.properties.isAlphabetic }) { return false }
        let plain = Array(plainText.utf8)
        var masked = plain
        for url in BareURLScanner.urls(in: plain, range: 0..<plain.count) {
            for index in url { masked[index] = 0x20 }
        }
        for emoji in emojiCodes(in: masked) {
            for index in emoji { masked[index] = 0x20 }
        }
        return !String(decoding: masked, as: UTF8.self).unicodeScalars.contains { $0.properties.isAlphabetic }
    }

    /// `:name:` spans as Hugo's emoji shortcodes are written: lower-case letters, digits, `_`,
    /// `+` and `-` between two colons.
    static func emojiCodes(in bytes: [UInt8]) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: ":") else { index += 1; continue }
            var end = index + 1
            while end < bytes.count, isNameByte(bytes[end]) { end += 1 }
            if end > index + 1, end < bytes.count, bytes[end] == UInt8(ascii: ":") {
                spans.append(index..<(end + 1))
                index = end + 1
            } else {
                index = end
            }
        }
        return spans
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }
}
