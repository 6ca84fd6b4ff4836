extension UnitSegmenter {
    /// Marks, in a unit's shadow, each ASCII full stop that ends a Chinese sentence before a
    /// lowercase Latin word as a sentence terminal ICU always breaks after.
    ///
    /// Chinese docs written with ASCII punctuation (LoveIt's, DoIt's) end sentences with `.`,
    /// and the next one often opens with a lowercase name or inline code: "…的替代. `link`
    /// shortcode 可以…". ICU reads `.` as an ATerm, which never ends a sentence before a
    /// lowercase word (Unicode's rule for "e.g. foo"), so two sentences were one segment. After
    /// a Han character `.` is no abbreviation, so the shadow gets `!` there (one byte for one, so
    /// every offset stays): an STerm, which ICU breaks after whatever follows. Only where white
    /// space follows (a file name such as `配置.json` has none), then any codes (U+2060 in the
    /// shadow) and spaces, then a lowercase ASCII letter; ICU cuts before the other cases already.
    static func markFullStopsAfterHan(in shadow: inout [UInt8]) {
        var index = 3
        while index < shadow.count - 1 {
            defer { index += 1 }
            guard shadow[index] == UInt8(ascii: "."), shadow[index + 1] == 0x20, isAfterHan(index, in: shadow) else { continue }
            var next = index + 1
            while next < shadow.count {
                if shadow[next] == 0x20 {
                    next += 1
                } else if next + 2 < shadow.count, shadow[next] == 0xE2, shadow[next + 1] == 0x81, shadow[next + 2] == 0xA0 {
                    next += 3
                } else {
                    break
                }
            }
            guard next < shadow.count, shadow[next] >= UInt8(ascii: "a"), shadow[next] <= UInt8(ascii: "z") else { continue }
            shadow[index] = UInt8(ascii: "!")
        }
    }

    /// Whether the character before the byte at `index` is a Han character (three bytes of
    /// UTF-8 in the BMP's blocks `UntranslatedTextFinder.isHanOrKana` names, kana excepted).
    private static func isAfterHan(_ index: Int, in bytes: [UInt8]) -> Bool {
        guard index >= 3, bytes[index - 3] & 0xF0 == 0xE0, bytes[index - 2] & 0xC0 == 0x80, bytes[index - 1] & 0xC0 == 0x80 else { return false }
        let value = UInt32(bytes[index - 3] & 0x0F) << 12 | UInt32(bytes[index - 2] & 0x3F) << 6 | UInt32(bytes[index - 1] & 0x3F)
        return UntranslatedTextFinder.isHanOrKana(value) && !(0x3040...0x30FF).contains(value)
    }
}
