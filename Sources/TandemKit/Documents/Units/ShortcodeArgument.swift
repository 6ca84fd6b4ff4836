/// One argument of a Hugo shortcode's opening tag: `tip` and `"推荐"` in
/// `{{< admonition tip "推荐" >}}`, `caption="环境变量"` in `{{< image caption="环境变量" >}}`.
public struct ShortcodeArgument: Equatable, Sendable {
    /// The parameter's name for a named argument (`caption`), nil for a positional one.
    public var name: String?
    /// The argument's position among all arguments of the tag, from 0 (Hugo's `.Get 0`).
    public var position: Int
    /// The value as written, quotes included, in the scanned bytes.
    public var valueRange: Range<Int>
    /// The value as Hugo reads it: quotes removed, `\"` unescaped in a double-quoted value.
    public var value: String
    /// How the value is quoted: `"`, `` ` `` (raw, no escapes) or nil (a bare word).
    public var quote: UInt8?

    /// The value written back in this argument's syntax. A bare word stays bare only while it
    /// is letters, digits, `_` and `-`, what Hugo's lexer reads as one unquoted value (it
    /// refuses the whole site at a `+`, `!` or `⟦`, and reads `a/b` as a closing tag). A raw
    /// string holding a backtick becomes a double-quoted one. In a double-quoted value Hugo
    /// unescapes only `\"`, so a backslash is written as it is, except where it would escape the
    /// closing quote or a quote after it: then the value is a raw string when it can be.
    public func encoded(_ text: String) -> String {
        // Go's unicode.IsLetter and IsDigit, as Hugo's lexer asks them (a combining mark is no letter).
        let isBareWord = !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber: true
            default: scalar == "_" || scalar == "-"
            }
        }
        if quote == nil, isBareWord { return text }
        let backslashBeforeQuote = text.hasSuffix("\\") || text.contains("\\\"")
        if quote == UInt8(ascii: "`") || backslashBeforeQuote, !text.contains("`") { return "`" + text + "`" }
        var escaped = "\""
        for character in text {
            if character == "\"" { escaped += "\\\"" } else { escaped.append(character) }
        }
        return escaped + "\""
    }
}
