/// Writes values back into front matter in the style they were found in, so a translated
/// `title:` or an updated `translations:` changes nothing else in the block.
public enum FrontMatterWriter {
    /// `value` encoded as a scalar of `field`'s style in `syntax`.
    public static func scalar(_ value: String, like field: FrontMatterField, syntax: FrontMatterBlock.Syntax) -> String {
        switch syntax {
        case .json:
            return doubleQuoted(value)
        case .toml:
            if field.style == .singleQuoted, !value.contains("'"), !value.contains(where: \.isNewline) { return "'\(value)'" }
            return doubleQuoted(value)
        case .yaml:
            switch field.style {
            case .singleQuoted where !value.contains(where: \.isNewline):
                return "'" + value.replacingEvery("'", with: "''") + "'"
            case .plain where isSafePlainYAML(value):
                return value
            default:
                return doubleQuoted(value)
            }
        }
    }

    /// `value` as a YAML block scalar written as `source` was (the bytes of the value it
    /// replaces: its header `|`, `|-`, `>`, `>-` and its lines' indentation), lines ending in
    /// `newline`; nil when that header cannot hold `value` the same way (then the value is
    /// written double-quoted). A `summary: |` paragraph was written back as one double-quoted
    /// line with `\n` escapes: the same value, but no longer the shape its author wrote.
    public static func yamlBlockScalar(_ value: String, source: ArraySlice<UInt8>, newline: String) -> String? {
        guard let headerEnd = source.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) else { return nil }
        let header = String(decoding: source[source.startIndex..<headerEnd], as: UTF8.self).trimmingCharacters(in: .whitespaces)
        // `|` or `>`, then at most a chomping mark (`-`); keep (`+`), an indentation digit or a
        // comment need more care than they are worth.
        guard ["|", "|-", ">", ">-"].contains(header) else { return nil }
        var lineStart = headerEnd
        while lineStart < source.endIndex, source[lineStart] == 0x0A || source[lineStart] == 0x0D { lineStart += 1 }
        var indentEnd = lineStart
        while indentEnd < source.endIndex, source[indentEnd] == 0x20 { indentEnd += 1 }
        let indent = String(decoding: source[lineStart..<indentEnd], as: UTF8.self)
        var text = value
        while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        // Read back, the lines must give `text`: none may begin with a space or tab (it would
        // need an indentation digit), none may hold a control character, and a folded scalar
        // joins lines, so it takes one line only.
        guard !indent.isEmpty, !text.isEmpty, header.hasPrefix("|") || lines.count == 1,
              !lines.contains(where: { $0.first == " " || $0.first == "\t" }),
              !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\r" && $0 != "\t" })
        else { return nil }
        return header + lines.map { $0.isEmpty ? newline : newline + indent + $0 }.joined()
    }

    /// A list of strings written as `field` was (block or flow sequence), lines ending in
    /// `newline`.
    public static func list(_ values: [String], like field: FrontMatterField, syntax: FrontMatterBlock.Syntax, newline: String) -> String {
        func item(_ value: String, quote: String) -> String {
            if syntax == .yaml, quote == "'" { return "'" + value.replacingEvery("'", with: "''") + "'" }
            if syntax == .yaml, quote.isEmpty, isSafePlainYAML(value) { return value }
            if quote == "'", syntax == .toml, !value.contains("'") { return "'\(value)'" }
            return doubleQuoted(value)
        }
        switch field.style {
        case .blockSequence(let prefix, let quote):
            return values.map { prefix + "- " + item($0, quote: quote) }.joined(separator: newline)
        case .flowSequence(let quote):
            return "[" + values.map { item($0, quote: quote) }.joined(separator: ", ") + "]"
        default:
            return "[" + values.map { item($0, quote: "\"") }.joined(separator: ", ") + "]"
        }
    }

    /// A double-quoted string valid in YAML, TOML and JSON alike.
    static func doubleQuoted(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// Whether `value` reads back as the same string when written plain in YAML.
    static func isSafePlainYAML(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last else { return false }
        if " \t".unicodeScalars.contains(first) || " \t".unicodeScalars.contains(last) { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
        if value.contains(": ") || value.contains(" #") || value.contains(where: \.isNewline) || value.hasSuffix(":") { return false }
        // Words YAML would read as another type.
        let lowered = value.lowercased()
        if ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"].contains(lowered) { return false }
        if Double(value) != nil || value.first?.isNumber == true { return false }
        return true
    }
}

extension String {
    fileprivate func replacingEvery(_ target: String, with replacement: String) -> String {
        components(separatedBy: target).joined(separator: replacement)
    }
}
