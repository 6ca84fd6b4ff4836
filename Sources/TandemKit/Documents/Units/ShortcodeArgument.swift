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

    /// The value written back in this argument's syntax: a bare word stays bare only while it
    /// holds no white space, quote or delimiter (Hugo would cut it there), and a raw string
    /// holding a backtick becomes a double-quoted one.
    public func encoded(_ text: String) -> String {
        let needsQuotes = text.isEmpty || text.unicodeScalars.contains { scalar in
            scalar.properties.isWhitespace || "\"`'=<>%{}".unicodeScalars.contains(scalar)
        }
        if quote == nil, !needsQuotes { return text }
        if quote == UInt8(ascii: "`"), !text.contains("`") { return "`" + text + "`" }
        var escaped = "\""
        for character in text {
            if character == "\"" { escaped += "\\\"" } else { escaped.append(character) }
        }
        return escaped + "\""
    }
}
