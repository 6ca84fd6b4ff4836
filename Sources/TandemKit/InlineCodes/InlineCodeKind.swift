/// What the markup behind a placeholder is. Extraction keeps only the original bytes in a
/// segment file; the kind is read back from them, so files written before kinds existed need
/// no migration. Exchange formats use it (XLIFF `ctype`/`type`/`subType`, TMX `type`), and it
/// decides what a translator may do with the code (`InlineCode`).
public enum InlineCodeKind: String, Codable, Sendable, CaseIterable {
    /// `*…*`, `_…_`.
    case emphasis
    /// `**…**`, `__…__`.
    case strong
    /// `~~…~~`.
    case strikethrough
    /// `[…](url)`, `[…][ref]`.
    case link
    /// `![alt](src)`.
    case image
    /// Inline code `` `…` ``.
    case code
    /// A Hugo shortcode `{{< … >}}`, `{{% … %}}`.
    case shortcode
    /// Inline HTML, an HTML comment.
    case html
    /// `[^1]`.
    case footnoteReference
    /// A line break inside a paragraph, with the container prefix after it (`\n> `).
    case lineBreak
    /// A hard line break (`  \n`, `\\\n`): shown in the page, so never left out.
    case hardBreak
    /// A Markdown backslash escape (`\*`, `\_`): the character after the backslash.
    case escape
    /// A bare URL or an autolink `<https://…>`.
    case url
    /// Inline math `$…$`, `\(…\)`.
    case math
    /// A heading's attributes `{#id .class}`.
    case attributes
    /// Text of the document that reads like a placeholder (`{1}`), kept as a code so it stays text.
    case literal
    /// Anything else (kept byte for byte).
    case other

    /// The kind of a code whose original bytes are `data`, at position `placeholder`.
    /// For the closing end of a pair, pass the opening end's bytes as `opening` when known.
    public init(classifying data: String, as placeholder: Placeholder, opening: String? = nil) {
        switch placeholder {
        case .open:
            self = Self.pairKind(opening: data)
        case .close:
            if let opening { self = Self.pairKind(opening: opening) } else { self = Self.pairKind(closing: data) }
        case .standalone:
            self = Self.standaloneKind(data)
        }
    }

    private static func pairKind(opening data: String) -> InlineCodeKind {
        if data.hasPrefix("![") { return .image }
        if data.hasPrefix("[") { return .link }
        if data == "**" || data == "__" { return .strong }
        if data == "*" || data == "_" { return .emphasis }
        if data.hasPrefix("~") { return .strikethrough }
        if data.hasPrefix("<") { return .html }
        if data.hasPrefix("{{") { return .shortcode }
        return .other
    }

    private static func pairKind(closing data: String) -> InlineCodeKind {
        if data.hasPrefix("]") { return .link }
        return pairKind(opening: data)
    }

    private static func standaloneKind(_ data: String) -> InlineCodeKind {
        if data.hasPrefix("{{<") || data.hasPrefix("{{%") { return .shortcode }
        if data.hasPrefix("`") { return .code }
        if data.hasPrefix("[^") { return .footnoteReference }
        if data.hasPrefix("<http://") || data.hasPrefix("<https://") || data.hasPrefix("<mailto:") { return .url }
        if data.hasPrefix("http://") || data.hasPrefix("https://") || data.hasPrefix("www.") { return .url }
        if data.hasPrefix("<") { return .html }
        if isEscapes(data) { return .escape }
        if data.hasPrefix("$") || data.hasPrefix("\\(") || data.hasPrefix("\\[") { return .math }
        if data.hasPrefix("{#") || data.hasPrefix("{.") { return .attributes }
        if let newline = data.firstIndex(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            let marker = data[..<newline]
            return marker == "\\" || (marker.count >= 2 && marker.allSatisfy { $0 == " " }) ? .hardBreak : .lineBreak
        }
        if Placeholder(key: data.dropFirst().dropLast()) != nil, data.hasPrefix("{") { return .literal }
        return .other
    }

    /// Whether `data` is one or more backslash escapes and nothing else (adjacent codes are
    /// merged into one, so `\*\*` is one code).
    private static func isEscapes(_ data: String) -> Bool {
        let bytes = Array(data.utf8)
        guard !bytes.isEmpty, bytes.count % 2 == 0 else { return false }
        return stride(from: 0, to: bytes.count, by: 2).allSatisfy { bytes[$0] == UInt8(ascii: "\\") && UnitExtractor.isASCIIPunctuation(bytes[$0 + 1]) }
    }
}
