/// Goldmark's attribute lists (`{#id .class key="value"}`), which Hugo reads after a heading
/// (`## 标题 {#intro}`) and, with `markup.goldmark.parser.attribute.block`, on the line after a
/// block: markup, never text to translate.
enum AttributeListScanner {
    /// A paragraph's last line when it is a goldmark block attribute list (`{.note}`,
    /// `{#intro style="color: red"}`), which Hugo's `markup.goldmark.parser.attribute.block`
    /// puts on the block before it: markup, never a sentence. The line with the break before it.
    static func blockAttributeLine(in bytes: [UInt8], range: Range<Int>) -> Range<Int>? {
        var end = range.upperBound
        while end > range.lowerBound, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[end - 1]) { end -= 1 }
        var start = end
        while start > range.lowerBound, bytes[start - 1] != 0x0A { start -= 1 }
        var open = start
        while open < end, bytes[open] == 0x20 || bytes[open] == 0x09 || bytes[open] == UInt8(ascii: ">") { open += 1 }
        guard isAttributeList(bytes[open..<end]) else { return nil }
        // With the line break before it, so the sentence before ends at its own text.
        var from = start
        if from > range.lowerBound, bytes[from - 1] == 0x0A { from -= 1 }
        if from > range.lowerBound, bytes[from - 1] == 0x0D { from -= 1 }
        return from..<end
    }

    /// Whether `text` is `{` attributes `}`: `#id`, `.class` and `key=value` (the value bare or
    /// quoted), separated by spaces, as goldmark's attribute parser takes them; not a shortcode.
    static func isAttributeList(_ text: ArraySlice<UInt8>) -> Bool {
        guard text.count >= 3, text.first == UInt8(ascii: "{"), text.last == UInt8(ascii: "}"),
              text[text.startIndex + 1] != UInt8(ascii: "{") else { return false }
        var index = text.startIndex + 1
        let end = text.endIndex - 1
        func isNameByte(_ byte: UInt8) -> Bool {
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":")
        }
        var count = 0
        while true {
            while index < end, text[index] == 0x20 || text[index] == 0x09 { index += 1 }
            guard index < end else { return count > 0 }
            if text[index] == UInt8(ascii: "#") || text[index] == UInt8(ascii: ".") {
                index += 1
                let nameStart = index
                while index < end, isNameByte(text[index]) { index += 1 }
                guard index > nameStart else { return false }
            } else {
                let nameStart = index
                while index < end, isNameByte(text[index]) { index += 1 }
                guard index > nameStart, index < end, text[index] == UInt8(ascii: "=") else { return false }
                index += 1
                guard index < end else { return false }
                if text[index] == UInt8(ascii: "\"") || text[index] == UInt8(ascii: "'") {
                    let quote = text[index]
                    index += 1
                    while index < end, text[index] != quote { index += 1 }
                    guard index < end else { return false }
                    index += 1
                } else {
                    let valueStart = index
                    while index < end, text[index] != 0x20, text[index] != 0x09 { index += 1 }
                    guard index > valueStart else { return false }
                }
            }
            count += 1
            guard index == end || text[index] == 0x20 || text[index] == 0x09 else { return false }
        }
    }

    /// A heading's trailing attribute block (`{#id}`, `{.class}`), as goldmark reads it.
    static func headingAttributes(in bytes: [UInt8], range: Range<Int>) -> [Range<Int>] {
        var end = range.upperBound
        while end > range.lowerBound, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        guard end > range.lowerBound, bytes[end - 1] == UInt8(ascii: "}") else { return [] }
        guard let open = bytes[range.lowerBound..<end].lastIndex(of: UInt8(ascii: "{")), open + 1 < end,
              bytes[open + 1] == UInt8(ascii: "#") || bytes[open + 1] == UInt8(ascii: ".")
        else { return [] }
        return [open..<end]
    }
}
