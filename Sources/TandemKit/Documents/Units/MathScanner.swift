/// Finds TeX math in text (`$…$`, `$$…$$`, `\(…\)`, `\[…\]`, and the display environments
/// KaTeX's auto-render and MathJax read without delimiters, `\begin{equation}…\end{equation}`),
/// which is never translated.
///
/// A dollar sign opens math only when a non-space follows it, and closes it only when a
/// non-space precedes it and no digit follows (pandoc's rule), so prices such as "$999 和 $1099"
/// stay text; dollars with spaces inside are math when what they hold has a TeX command
/// (`$ \frac{1}{2} $`).
enum MathScanner {
    /// The math spans in `range`. Nothing inside `literals` (code spans, inline HTML: what the
    /// Markdown renderer reads before any math) opens math: `` `\(` `` is code, and the text
    /// after it is not math up to the next `\)`.
    static func spans(in bytes: [UInt8], range: Range<Int>, literals: [Range<Int>] = []) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var index = range.lowerBound
        let literals = literals.filter { $0.overlaps(range) }.sorted { $0.lowerBound < $1.lowerBound }
        var nextLiteral = 0
        while index < range.upperBound {
            while nextLiteral < literals.count, literals[nextLiteral].upperBound <= index { nextLiteral += 1 }
            if nextLiteral < literals.count, literals[nextLiteral].contains(index) {
                index = literals[nextLiteral].upperBound
                continue
            }
            if let end = delimited(in: bytes, at: index, limit: range.upperBound) {
                spans.append(index..<end)
                index = end
            } else {
                index += 1
            }
        }
        return spans
    }

    /// Environments KaTeX's auto-render finds by default (LoveIt, FixIt and DoIt pass them on),
    /// which MathJax reads as well, with their starred forms.
    static let environments: Set<String> = [
        "equation", "equation*", "align", "align*", "alignat", "alignat*", "gather", "gather*", "CD", "multline", "multline*",
    ]

    /// The end of `\begin{name}…\end{name}` opened at `index`, for a math environment.
    private static func environment(in bytes: [UInt8], at index: Int, limit: Int) -> Int? {
        let begin = Array("\\begin{".utf8)
        guard index + begin.count < limit, bytes[index..<(index + begin.count)].elementsEqual(begin),
              let close = bytes[(index + begin.count)..<limit].firstIndex(of: UInt8(ascii: "}")) else { return nil }
        let name = String(decoding: bytes[(index + begin.count)..<close], as: UTF8.self)
        guard environments.contains(name) else { return nil }
        let end = Array("\\end{\(name)}".utf8)
        var cursor = close + 1
        while cursor + end.count <= limit {
            if bytes[cursor] == end[0], bytes[cursor..<(cursor + end.count)].elementsEqual(end) { return cursor + end.count }
            cursor += 1
        }
        return nil
    }

    private static func delimited(in bytes: [UInt8], at index: Int, limit: Int) -> Int? {
        let dollar = UInt8(ascii: "$")
        let backslash = UInt8(ascii: "\\")
        if bytes[index] == backslash, index + 1 < limit, bytes[index + 1] == UInt8(ascii: "b") {
            return environment(in: bytes, at: index, limit: limit)
        }
        if bytes[index] == backslash, index + 1 < limit, bytes[index + 1] == UInt8(ascii: "(") || bytes[index + 1] == UInt8(ascii: "[") {
            let close: [UInt8] = [backslash, bytes[index + 1] == UInt8(ascii: "(") ? UInt8(ascii: ")") : UInt8(ascii: "]")]
            var cursor = index + 2
            while cursor + 1 < limit {
                if bytes[cursor] == close[0], bytes[cursor + 1] == close[1] {
                    // `\[招商银行\]` is two Markdown escapes around a word, as Hugo renders it
                    // (`[招商银行]`), not math: text beyond ASCII with no TeX command is prose.
                    let inside = (index + 2)..<cursor
                    if bytes[inside].contains(where: { $0 >= 0x80 }), !inside.contains(where: { isTeXCommand(at: $0, in: bytes, limit: cursor) }) {
                        return nil
                    }
                    return cursor + 2
                }
                cursor += 1
            }
            return nil
        }
        guard bytes[index] == dollar, index == 0 || bytes[index - 1] != backslash else { return nil }
        let isDisplay = index + 1 < limit && bytes[index + 1] == dollar
        let open = isDisplay ? 2 : 1
        if !isDisplay, let end = hugging(in: bytes, at: index, limit: limit) ?? spacedTeX(in: bytes, at: index, limit: limit) { return end }
        guard isDisplay, index + open < limit else { return nil }
        // Display math may sit on lines of its own.
        var cursor = index + open + 1
        while cursor < limit {
            if bytes[cursor] == dollar, bytes[cursor - 1] != backslash, cursor + 1 < limit, bytes[cursor + 1] == dollar { return cursor + 2 }
            if bytes[cursor] == 0x0A, cursor + 1 < limit, bytes[cursor + 1] == 0x0A { return nil }
            cursor += 1
        }
        return nil
    }

    /// The end of inline math that opens hugging its dollar (`$x^2$`), opened at `index`:
    /// pandoc's rule, and a closing dollar after a space too (`$\\rightarrow $`, which KaTeX and
    /// MathJax read as math; a real blog wrote it) when what came before holds a TeX command and
    /// only ASCII, so prose between two prices is never taken.
    private static func hugging(in bytes: [UInt8], at index: Int, limit: Int) -> Int? {
        let dollar = UInt8(ascii: "$")
        let backslash = UInt8(ascii: "\\")
        guard index + 1 < limit, !isSpace(bytes[index + 1]) else { return nil }
        var hasCommand = false
        var isASCII = true
        var cursor = index + 1
        while cursor < limit {
            let byte = bytes[cursor]
            if byte >= 0x80 { isASCII = false }
            if isTeXCommand(at: cursor, in: bytes, limit: limit) { hasCommand = true }
            if cursor > index + 1, byte == dollar, bytes[cursor - 1] != backslash,
               !isSpace(bytes[cursor - 1]) || hasCommand && isASCII,
               cursor + 1 >= limit || !(0x30...0x39).contains(bytes[cursor + 1]) {
                return cursor + 1
            }
            if bytes[cursor] == 0x0A, cursor + 1 < limit, bytes[cursor + 1] == 0x0A { return nil }
            cursor += 1
        }
        return nil
    }

    /// The end of inline math written with spaces inside its dollars (`$ \varphi = 1.618 $`), as
    /// KaTeX's auto-render and MathJax read it (Stack's and NexT's math posts are written so):
    /// taken for math only when it holds a TeX command (a backslash and a letter), or a sub- or
    /// superscript (`$ k_{n+1} = n^2 $`) and no text beyond ASCII, which no sentence with two
    /// prices has.
    private static func spacedTeX(in bytes: [UInt8], at index: Int, limit: Int) -> Int? {
        let dollar = UInt8(ascii: "$")
        let backslash = UInt8(ascii: "\\")
        var hasCommand = false
        var hasScript = false
        var isASCII = true
        var cursor = index + 1
        while cursor < limit {
            let byte = bytes[cursor]
            if byte == backslash, cursor + 1 < limit {
                if isTeXCommand(at: cursor, in: bytes, limit: limit) { hasCommand = true }
                cursor += 2
                continue
            }
            if byte == UInt8(ascii: "^") || byte == UInt8(ascii: "_") { hasScript = true }
            if byte >= 0x80 { isASCII = false }
            if byte == dollar {
                guard hasCommand || hasScript && isASCII, cursor + 1 >= limit || bytes[cursor + 1] != dollar && !(0x30...0x39).contains(bytes[cursor + 1]) else { return nil }
                return cursor + 1
            }
            if byte == 0x0A, cursor + 1 < limit, bytes[cursor + 1] == 0x0A { return nil }
            cursor += 1
        }
        return nil
    }

    /// Whether a TeX command (a backslash and a letter, `\\frac`) starts at `index`.
    private static func isTeXCommand(at index: Int, in bytes: [UInt8], limit: Int) -> Bool {
        guard bytes[index] == UInt8(ascii: "\\"), index + 1 < limit else { return false }
        let letter = bytes[index + 1] | 0x20
        return letter >= UInt8(ascii: "a") && letter <= UInt8(ascii: "z")
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
}
