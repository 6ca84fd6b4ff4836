import TandemKit

/// The text being typed for a target, as characters and whole placeholders: a placeholder is
/// one unit that moves, deletes and inserts as a whole (`insertNextPlaceholder`), and cannot be
/// typed (`{` and `}` are refused), so a target never holds a half or invented code. Cursor
/// keys, Home/End, Backspace/Delete, Ctrl-U/Ctrl-K and a history of earlier entries.
struct LineEditor {
    enum Token: Equatable {
        case character(Character)
        case placeholder(Placeholder)
    }

    private(set) var tokens: [Token]
    /// The index in `tokens` the cursor stands before.
    private(set) var cursor: Int
    /// The source's placeholders, in the order the source has them.
    let placeholders: [Placeholder]
    private let history: [String]
    /// The entry of `history` shown, when browsing it; the text typed before browsing.
    private var historyIndex: Int?
    private var draft: [Token] = []

    init(text: String, placeholders: [Placeholder], history: [String] = []) {
        tokens = Self.tokens(of: text)
        cursor = tokens.count
        self.placeholders = placeholders
        self.history = history
    }

    /// The text with placeholders as their tokens (`{1}`), as a segment file holds it.
    var text: String {
        tokens.map { token in
            switch token {
            case .character(let character): return String(character)
            case .placeholder(let placeholder): return placeholder.token
            }
        }.joined()
    }

    /// Applies an editing key; false when the key is not an editing key (or cannot be typed).
    @discardableResult
    mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let character):
            // Braces would let a placeholder be typed by hand.
            guard character != "{", character != "}", !character.isNewline else { return false }
            insert(.character(character))
        case .left, .control("b"): cursor = max(cursor - 1, 0)
        case .right, .control("f"): cursor = min(cursor + 1, tokens.count)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = tokens.count
        case .backspace:
            guard cursor > 0 else { return true }
            tokens.remove(at: cursor - 1)
            cursor -= 1
        case .delete, .control("d"):
            guard cursor < tokens.count else { return true }
            tokens.remove(at: cursor)
        case .control("u"):
            tokens.removeFirst(cursor)
            cursor = 0
        case .control("k"):
            tokens.removeLast(tokens.count - cursor)
        case .control("t"), .tab:
            return insertNextPlaceholder()
        case .up: browseHistory(by: -1)
        case .down: browseHistory(by: 1)
        default:
            return false
        }
        return true
    }

    /// Inserts the first placeholder of the source the text does not hold yet; false when it
    /// holds them all.
    @discardableResult
    mutating func insertNextPlaceholder() -> Bool {
        let present = Set(tokens.compactMap { if case .placeholder(let p) = $0 { return p } else { return nil } })
        guard let next = placeholders.first(where: { !present.contains($0) }) else { return false }
        insert(.placeholder(next))
        return true
    }

    private mutating func insert(_ token: Token) {
        tokens.insert(token, at: cursor)
        cursor += 1
    }

    /// Up shows earlier entries, Down later ones and finally what was being typed.
    private mutating func browseHistory(by step: Int) {
        guard !history.isEmpty else { return }
        if historyIndex == nil {
            guard step < 0 else { return }
            draft = tokens
            historyIndex = history.count
        }
        let target = historyIndex! + step
        guard target >= 0, target <= history.count else { return }
        historyIndex = target
        tokens = target == history.count ? draft : Self.tokens(of: history[target])
        if target == history.count { historyIndex = nil }
        cursor = tokens.count
    }

    private static func tokens(of text: String) -> [Token] {
        CodedText(text).pieces.flatMap { piece -> [Token] in
            switch piece {
            case .text(let run): return run.map { Token.character($0) }
            case .placeholder(let placeholder): return [.placeholder(placeholder)]
            }
        }
    }
}
