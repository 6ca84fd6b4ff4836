extension ShortcodeScanner {
    /// The arguments of the opening tag `span` (a shortcode from `shortcodes(in:range:)`), in
    /// order, by Hugo's lexer rules: arguments are separated by white space, a value is
    /// `"double-quoted"` (with `\"`), `` `raw` `` or a bare word, a named one is `name=value`.
    /// Empty for a closing tag, a comment (`{{</* … */>}}`) or a tag Hugo would reject.
    static func arguments(of span: Range<Int>, in bytes: [UInt8]) -> [ShortcodeArgument] {
        guard let name = name(of: span, in: bytes), !name.hasPrefix("/") else { return [] }
        // After the delimiter and the name; before the closing delimiter (and a self-closing "/").
        var index = span.lowerBound + 3
        while index < span.upperBound, isSpace(bytes[index]) { index += 1 }
        index += name.utf8.count
        var end = span.upperBound - 3
        while end > index, isSpace(bytes[end - 1]) { end -= 1 }
        if end > index, bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
        var arguments: [ShortcodeArgument] = []
        while true {
            while index < end, isSpace(bytes[index]) { index += 1 }
            guard index < end else { return arguments }
            var argumentName: String?
            // `name=` before the value.
            var probe = index
            while probe < end, isNameByte(bytes[probe]) { probe += 1 }
            if probe > index, probe < end, bytes[probe] == UInt8(ascii: "=") {
                argumentName = String(decoding: bytes[index..<probe], as: UTF8.self)
                index = probe + 1
            }
            guard let (value, valueEnd, quote) = self.value(at: index, end: end, in: bytes) else { return [] }
            arguments.append(ShortcodeArgument(
                name: argumentName, position: arguments.count, valueRange: index..<valueEnd, value: value, quote: quote))
            index = valueEnd
        }
    }

    /// A value starting at `index`: its decoded text, where it ends, and its quote.
    private static func value(at index: Int, end: Int, in bytes: [UInt8]) -> (String, Int, UInt8?)? {
        let first = bytes[index]
        if first == UInt8(ascii: "\"") {
            var decoded: [UInt8] = []
            var cursor = index + 1
            while cursor < end {
                if bytes[cursor] == UInt8(ascii: "\\"), cursor + 1 < end, bytes[cursor + 1] == UInt8(ascii: "\"") {
                    decoded.append(UInt8(ascii: "\""))
                    cursor += 2
                    continue
                }
                if bytes[cursor] == UInt8(ascii: "\"") { return (String(decoding: decoded, as: UTF8.self), cursor + 1, first) }
                decoded.append(bytes[cursor])
                cursor += 1
            }
            return nil  // unterminated: Hugo rejects the tag
        }
        if first == UInt8(ascii: "`") {
            guard let close = bytes[(index + 1)..<end].firstIndex(of: first) else { return nil }
            return (String(decoding: bytes[(index + 1)..<close], as: UTF8.self), close + 1, first)
        }
        var cursor = index
        while cursor < end, !isSpace(bytes[cursor]) { cursor += 1 }
        return (String(decoding: bytes[index..<cursor], as: UTF8.self), cursor, nil)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }
}
