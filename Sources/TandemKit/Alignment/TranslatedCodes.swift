/// Writes a human translation's sentences with their source's placeholders: each code of the
/// translation (`**`, `](https://…)`, `` `x` ``) takes the source placeholder holding the same
/// bytes, or failing that the next free one of its shape (open, close, standalone).
struct TranslatedCodes {
    /// A piece of a translation: text, or a code with its bytes and shape.
    enum Piece {
        case text(String)
        case code(Placeholder, bytes: String, sentence: Int)
    }

    /// `pieces` as coded text numbered like `source` (whose codes are `sourceCodes`), and whether
    /// every code found the source code with its own bytes and every source code was used.
    static func coded(_ pieces: [Piece], source: String, sourceCodes: [String: String]) -> (text: String, exact: Bool) {
        let available = CodedText(source).placeholders
        var used = Set<Placeholder>()
        var pairs: [String: Int] = [:]  // "sentence:number" of a translation's pair → source number
        var exact = true
        var output: [CodedText.Piece] = []
        func shapeMatches(_ candidate: Placeholder, _ placeholder: Placeholder) -> Bool {
            switch (candidate, placeholder) {
            case (.open, .open), (.close, .close), (.standalone, .standalone): return true
            default: return false
            }
        }
        for piece in pieces {
            switch piece {
            case .text(let text):
                output.append(.text(text))
            case .code(let placeholder, let bytes, let sentence):
                var chosen: Placeholder?
                if case .close(let n) = placeholder, let number = pairs["\(sentence):\(n)"], !used.contains(.close(number)),
                   available.contains(.close(number)) {
                    chosen = .close(number)
                }
                if chosen == nil {
                    chosen = available.first { !used.contains($0) && shapeMatches($0, placeholder) && sourceCodes[$0.key] == bytes }
                }
                if chosen == nil {
                    exact = false
                    chosen = available.first { !used.contains($0) && shapeMatches($0, placeholder) }
                } else if let chosen, sourceCodes[chosen.key] != bytes {
                    exact = false
                }
                guard let chosen else { exact = false; continue }
                used.insert(chosen)
                if case .open(let n) = placeholder, case .open(let number) = chosen { pairs["\(sentence):\(n)"] = number }
                output.append(.placeholder(chosen))
            }
        }
        if used.count != available.count { exact = false }
        return (CodedText(pieces: output).text, exact)
    }

    /// A sentence's coded text and codes as pieces, its pairs told apart from another
    /// sentence's by `sentence`.
    static func pieces(of text: String, codes: [String: String], sentence: Int) -> [Piece] {
        CodedText(text).pieces.map { piece in
            switch piece {
            case .text(let run): return .text(run)
            case .placeholder(let placeholder): return .code(placeholder, bytes: codes[placeholder.key] ?? "", sentence: sentence)
            }
        }
    }
}
