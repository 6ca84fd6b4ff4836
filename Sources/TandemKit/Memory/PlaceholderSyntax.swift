/// Tandem's inline-code placeholders in segment text: `{1}` opens a pair, `{/1}` closes it,
/// `{2/}` stands alone. Anything else in braces is plain text. (`PlaceholderText` expands them
/// into a document's bytes; this cuts text into runs and codes, as TMX and fuzzy matching need.)
public enum PlaceholderSyntax {
    /// One piece of a text: plain characters or a placeholder.
    public enum Piece: Equatable, Sendable {
        case text(String)
        case open(Int)
        case close(Int)
        case standalone(Int)
    }

    /// The index just past the placeholder starting at `start` (which holds `{`), or nil.
    static func end(of scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start + 1
        var sawSlashFirst = false
        if index < scalars.count, scalars[index] == "/" {
            sawSlashFirst = true
            index += 1
        }
        let digitsStart = index
        while index < scalars.count, ("0"..."9").contains(scalars[index]), index - digitsStart < 4 { index += 1 }
        guard index > digitsStart, index < scalars.count else { return nil }
        if !sawSlashFirst, scalars[index] == "/" { index += 1 }
        guard index < scalars.count, scalars[index] == "}" else { return nil }
        return index + 1
    }

    /// `text` cut into plain runs and placeholders.
    public static func pieces(of text: String) -> [Piece] {
        let scalars = Array(text.unicodeScalars)
        var pieces: [Piece] = []
        var run = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "{", let end = end(of: scalars, from: index) {
                if !run.isEmpty {
                    pieces.append(.text(String(run)))
                    run.removeAll()
                }
                let inner = String(String.UnicodeScalarView(scalars[(index + 1)..<(end - 1)]))
                if inner.hasPrefix("/") {
                    pieces.append(.close(Int(inner.dropFirst())!))
                } else if inner.hasSuffix("/") {
                    pieces.append(.standalone(Int(inner.dropLast())!))
                } else {
                    pieces.append(.open(Int(inner)!))
                }
                index = end
                continue
            }
            run.append(scalars[index])
            index += 1
        }
        if !run.isEmpty { pieces.append(.text(String(run))) }
        return pieces
    }
}
