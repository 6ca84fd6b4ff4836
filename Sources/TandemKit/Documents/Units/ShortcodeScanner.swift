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
}
