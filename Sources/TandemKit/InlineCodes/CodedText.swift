/// A segment's text cut into plain runs and placeholders, by `Placeholder`'s grammar (as
/// Okapi's `TextFragment` holds coded text). A run is text exactly as written: braces that are
/// not a placeholder stay in it.
public struct CodedText: Equatable, Sendable {
    /// One piece of a text: characters or a placeholder.
    public enum Piece: Equatable, Sendable {
        case text(String)
        case placeholder(Placeholder)
    }

    public private(set) var pieces: [Piece]

    public init(_ text: String) {
        var text = text
        pieces = text.withUTF8 { bytes in
            var pieces: [Piece] = []
            var runStart = 0
            Placeholder.forEach(in: bytes) { placeholder, range in
                if runStart < range.lowerBound {
                    pieces.append(.text(String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<range.lowerBound]), as: UTF8.self)))
                }
                pieces.append(.placeholder(placeholder))
                runStart = range.upperBound
            }
            if runStart < bytes.count {
                pieces.append(.text(String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart...]), as: UTF8.self)))
            }
            return pieces
        }
    }

    public init(pieces: [Piece]) { self.pieces = pieces }

    /// The placeholders, in order of appearance.
    public var placeholders: [Placeholder] {
        pieces.compactMap { if case .placeholder(let placeholder) = $0 { return placeholder } else { return nil } }
    }

    /// The text without placeholders (for counting words and comparing sentences).
    public var plainText: String {
        pieces.reduce(into: "") { if case .text(let run) = $1 { $0 += run } }
    }

    /// The text with placeholders written as tokens: the inverse of `init(_:)`.
    public var text: String {
        pieces.reduce(into: "") { output, piece in
            switch piece {
            case .text(let run): output += run
            case .placeholder(let placeholder): output += placeholder.token
            }
        }
    }

    /// Pairs whose opening and closing placeholders are both here, opening first: the rest of
    /// the pair placeholders are isolated (their partner is in another sentence), which
    /// exchange formats write differently (`<bx>`/`<ex>` rather than `<g>`, `<it>` rather than
    /// `<bpt>`/`<ept>`).
    public var pairedNumbers: Set<Int> {
        var opened = Set<Int>()
        var paired = Set<Int>()
        for case .placeholder(let placeholder) in pieces {
            switch placeholder {
            case .open(let n): opened.insert(n)
            case .close(let n) where opened.contains(n): paired.insert(n)
            default: break
            }
        }
        return paired
    }

    /// The pairs of `pairedNumbers` that also nest properly (no pair closes while one opened
    /// inside it is open): those can be one element of an XML format (`<g>`, `<pc>`); the
    /// ends of the other pairs are written as isolated codes.
    public var nestedPairNumbers: Set<Int> {
        let paired = pairedNumbers
        var open: [Int] = []
        var nested = Set<Int>()
        for case .placeholder(let placeholder) in pieces {
            switch placeholder {
            case .open(let n) where paired.contains(n) && !open.contains(n):
                open.append(n)
            case .close(let n) where open.contains(n):
                if open.last == n { nested.insert(n) }
                open.removeAll { $0 == n }
            default:
                break
            }
        }
        return nested
    }
}
