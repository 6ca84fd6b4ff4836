/// Finds Hugo shortcodes (`{{< name … >}}`, `{{% name … %}}`) in raw bytes. Hugo expands
/// shortcodes before Markdown, so a shortcode is one opaque span even when cmark sees emphasis
/// or an autolink inside it.
enum ShortcodeScanner {
    /// Byte ranges of every shortcode in `bytes[range]`, in order. An unterminated `{{<` is not
    /// a shortcode.
    static func shortcodes(in bytes: [UInt8], range: Range<Int>) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var index = range.lowerBound
        while index + 2 < range.upperBound {
            guard bytes[index] == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "{"),
                  bytes[index + 2] == UInt8(ascii: "<") || bytes[index + 2] == UInt8(ascii: "%")
            else {
                index += 1
                continue
            }
            let closer = bytes[index + 2] == UInt8(ascii: "<") ? UInt8(ascii: ">") : UInt8(ascii: "%")
            var end = index + 3
            var found: Int?
            while end + 3 <= range.upperBound {
                if bytes[end] == closer, bytes[end + 1] == UInt8(ascii: "}"), bytes[end + 2] == UInt8(ascii: "}") {
                    found = end + 3
                    break
                }
                end += 1
            }
            if let found {
                spans.append(index..<found)
                index = found
            } else {
                index += 3
            }
        }
        return spans
    }

    /// Shortcodes whose inner content is not Markdown prose (code, diagrams, raw HTML, math):
    /// from the opening to the closing tag, all of it is one opaque span.
    static let rawContentShortcodes: Set<String> = [
        "highlight", "code", "mermaid", "chart", "echarts", "katex", "math", "raw", "rawhtml", "html", "gist", "asciinema",
        // LoveIt's and FixIt's JavaScript block (found on FixIt's example site, handed to translators as prose).
        "script",
        // A site configuration shown in every format (Hugo's documentation, hugo-theme-bootstrap):
        // its YAML was handed to translators as prose (`module:{1/}proxy:`).
        "code-toggle",
    ]

    /// Shortcodes whose content is code only when an argument says so: LoveIt's and FixIt's
    /// `typeit` types out prose, or source code with `code=java`.
    static let codeArgumentShortcodes: Set<String> = ["typeit"]

    /// Whether the content of the shortcode opened at `span` (named `name`) is never text.
    private static func hasRawContent(_ span: Range<Int>, named name: String, in bytes: [UInt8], also extra: Set<String>) -> Bool {
        if rawContentShortcodes.contains(name) || extra.contains(name) { return true }
        return codeArgumentShortcodes.contains(name) && arguments(of: span, in: bytes).contains { $0.name == "code" }
    }

    /// Every span Tandem never translates by Hugo's rules: each shortcode, and the whole of a
    /// raw-content shortcode (built in, or in `rawContent`: `tandem.yml`'s `name: raw`) with what
    /// it encloses. Sorted, not overlapping.
    static func opaqueSpans(in bytes: [UInt8], range: Range<Int>, rawContent: Set<String> = []) -> [Range<Int>] {
        let codes = shortcodes(in: bytes, range: range)
        var spans: [Range<Int>] = []
        var index = 0
        while index < codes.count {
            let code = codes[index]
            if let name = name(of: code, in: bytes), hasRawContent(code, named: name, in: bytes, also: rawContent),
               let closing = codes[(index + 1)...].firstIndex(where: { self.name(of: $0, in: bytes) == "/" + name }) {
                spans.append(code.lowerBound..<codes[closing].upperBound)
                index = closing + 1
                continue
            }
            spans.append(code)
            index += 1
        }
        return spans
    }

    /// The shortcode's name (`/name` for a closing tag, also when written `{{</ name >}}`, as
    /// Hugo allows and hugo-theme-bootstrap's pages do).
    static func name(of span: Range<Int>, in bytes: [UInt8]) -> String? {
        var index = span.lowerBound + 3
        func skipBlanks() { while index < span.upperBound, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A { index += 1 } }
        skipBlanks()
        var closing = ""
        if index < span.upperBound, bytes[index] == UInt8(ascii: "/") {
            closing = "/"
            index += 1
            skipBlanks()
        }
        let start = index
        while index < span.upperBound, ![0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ">"), UInt8(ascii: "%")].contains(bytes[index]) { index += 1 }
        return index > start ? closing + String(decoding: bytes[start..<index], as: UTF8.self) : nil
    }

    /// `bytes` with every opaque span overwritten by "x" (line breaks kept), so cmark sees
    /// neither emphasis nor links inside a shortcode, nor Markdown inside a raw one, and every
    /// position stays where it was.
    static func masking(_ spans: [Range<Int>], in bytes: [UInt8]) -> [UInt8] {
        var masked = bytes
        for span in spans {
            for index in span where masked[index] != 0x0A && masked[index] != 0x0D {
                masked[index] = UInt8(ascii: "x")
            }
        }
        return masked
    }

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
