import TandemKit

/// One segment drawn for a translator: where it is, the sentences around it, the source with
/// its glossary terms highlighted, the terms' required and forbidden targets, the memory's
/// matches with a diff against the source, the target (or the line being edited), messages and
/// the keys. Placeholders show as labels naming their markup (`⟨1 strong⟩…⟨/1⟩`,
/// `⟨2 code/⟩`). Fits `height` rows by leaving out the least needed lines first.
struct SegmentScreen {
    var context: SegmentContext
    /// Right of the header: how much of the pass is left.
    var status: String
    /// The line being edited, with what it edits (`target`, `note`, `search`).
    var editor: (label: String, editor: LineEditor)?
    var messages: [StyledText] = []
    var keys: String

    /// The label column's width.
    static let gutter = 8

    /// `text` in at most `width` columns: its start and end around a `…` when it is wider (a
    /// path keeps its folder and its file name); as it is when even that does not fit.
    static func elidingMiddle(_ text: String, to width: Int) -> String {
        guard DisplayWidth.of(text) > width, width >= 9 else { return text }
        let characters = Array(text)
        // Half the room to the end (the file name), the rest but the `…` to the start.
        var tailStart = characters.count, tailWidth = 0
        while tailStart > 0, tailWidth + DisplayWidth.of(characters[tailStart - 1]) <= width / 2 {
            tailWidth += DisplayWidth.of(characters[tailStart - 1])
            tailStart -= 1
        }
        var headEnd = 0, headWidth = 0
        while headEnd < tailStart, headWidth + DisplayWidth.of(characters[headEnd]) + tailWidth + 1 <= width {
            headWidth += DisplayWidth.of(characters[headEnd])
            headEnd += 1
        }
        return String(characters[..<headEnd]) + "…" + String(characters[tailStart...])
    }

    /// The lines and, while editing, the cursor's row and column (0-based).
    func layout(width: Int, height: Int?, colour: Bool, breaker: DisplayLineBreaker) -> (lines: [StyledText], cursor: (row: Int, column: Int)?) {
        // Each line with how much it may be left out: 0 never, higher first; and the block of a
        // source or target shown whole while there is room.
        var lines: [(text: StyledText, drop: Int, block: Int?)] = []
        var blocks = 0
        var cursorLine: (index: Int, column: Int)?
        let textWidth = width - Self.gutter
        let codes = context.codes
        func add(_ label: String, _ text: StyledText, drop: Int, wrap: Bool = true, maximumLines: Int = 4, whole: Bool = false) {
            let head = StyledText(label.padding(toLength: Self.gutter, withPad: " ", startingAt: 0), .dim)
            let body = wrap ? text.wrapped(width: textWidth, breaker: breaker) : [text.truncated(to: textWidth)]
            // A source or target is shown whole: the lines past `maximumLines` are left out last
            // of all (drop 1; every other line's is higher), the end first, and the last line
            // kept then ends in `…`. A reviewer approved targets whose end was cut off with
            // empty rows left on the screen (a helper's finding).
            let block: Int? = whole ? blocks : nil
            if whole { blocks += 1 }
            let shown = whole ? body.count : min(body.count, maximumLines)
            for (number, line) in body.prefix(shown).enumerated() {
                let cut = !whole && number == maximumLines - 1 && body.count > maximumLines ? line.truncated(to: textWidth - 1) + StyledText("…", .dim) : line
                let lineDrop = drop == 0 ? (number < maximumLines ? 0 : 1) : drop + 1
                lines.append(((number == 0 ? head : StyledText(String(repeating: " ", count: Self.gutter))) + cut, lineDrop, block))
            }
        }

        let segment = context.segment
        // The id is what `set` needs and the position what a translator checks: a long post path
        // gives way first, cut in its middle, so they stay on the line.
        let right = " \(status) "
        var details = "  \(segment.location)  \(context.position)/\(context.count)  \(segment.state.rawValue)  id \(segment.id.prefix(10))"
        // On a narrow screen the location gives way before the id, which `set` needs.
        if DisplayWidth.of(details) + DisplayWidth.of(right) > width {
            details = "  \(context.position)/\(context.count)  \(segment.state.rawValue)  id \(segment.id.prefix(10))"
        }
        let room = width - DisplayWidth.of(right) - DisplayWidth.of(details) - 1
        // Too narrow for even a cut path: the details alone (the post is on `show --json`).
        let post = room >= 9 ? " " + Self.elidingMiddle(context.reference.post, to: room) : ""
        var header = StyledText(post.isEmpty ? String(details.dropFirst()) : post + details, .heading)
        header = header.truncated(to: width - DisplayWidth.of(right))
        header.append(String(repeating: " ", count: max(0, width - header.width - DisplayWidth.of(right))), .heading)
        header.append(right, .heading)
        lines.append((header, 0, nil))

        if let previous = context.previous {
            add("before", Self.coded(previous.source, codes: previous.inlineCodes, style: .dim), drop: 3, wrap: false)
            if let target = previous.target {
                add("", Self.coded(target, codes: previous.inlineCodes, style: .dim), drop: 5, wrap: false)
            }
        }
        let termRanges = context.terms.map { $0.start..<$0.end }
        add("source", Self.coded(segment.source, codes: codes, highlights: termRanges, style: .bold), drop: 0, maximumLines: 5, whole: true)
        if let next = context.next {
            add("after", Self.coded(next.source, codes: next.inlineCodes, style: .dim), drop: 3, wrap: false)
        }
        for (number, term) in context.terms.enumerated() {
            var text = StyledText(term.term, .term)
            if let required = term.requiredTarget { text.append(" → "); text.append(required, .bold) }
            if !term.forbiddenTargets.isEmpty {
                text.append("  not: ", .dim)
                text.append(term.forbiddenTargets.joined(separator: ", "), .removed)
            }
            if let comment = term.comment, !comment.isEmpty { text.append("  (\(comment))", .dim) }
            add(number == 0 ? "terms" : "", text, drop: number == 0 ? 2 : 4, wrap: false)
        }
        for (number, candidate) in context.candidates.prefix(9).enumerated() {
            var text = StyledText("\(number + 1)", .bold)
            text.append(" \(candidate.score)% ".padding(toLength: 6, withPad: " ", startingAt: 0))
            text.append(Self.coded(candidate.target, codes: codes))
            add(number == 0 ? "memory" : "", text, drop: number == 0 ? 1 : 4 + number, wrap: false)
            if candidate.source != segment.source {
                var diff = StyledText("       ")
                diff.append(Self.diff(from: candidate.source, to: segment.source, codes: codes, colour: colour))
                add("", diff, drop: number == 0 ? 3 : 5 + number, wrap: false)
            }
        }
        if let (label, editor) = editor {
            let (rows, cursor) = Self.editorRows(editor, codes: codes, width: textWidth)
            if label != "target", let target = segment.target {
                add("target", Self.coded(target, codes: codes), drop: 0)
            }
            for (number, row) in rows.enumerated() {
                if number == cursor.row { cursorLine = (lines.count, Self.gutter + cursor.column) }
                let head = StyledText((number == 0 ? label + ">" : "").padding(toLength: Self.gutter, withPad: " ", startingAt: 0), .bold)
                lines.append((head + row, 0, nil))
            }
        } else if let target = segment.target {
            add("target", Self.coded(target, codes: codes), drop: 0, maximumLines: 5, whole: true)
        } else {
            add("target", StyledText("(none yet)", .dim), drop: 0)
        }
        for note in segment.notes ?? [] { add("note", StyledText(note, .dim), drop: 4, wrap: false) }
        for message in messages { add("", message, drop: 0) }
        if !keys.isEmpty { lines.append((StyledText(keys, .dim).truncated(to: width), 0, nil)) }

        // Leave out the least needed lines until the screen fits.
        if let height {
            var cutBlocks: Set<Int> = []
            while lines.count > height, let worst = lines.indices.filter({ lines[$0].drop > 0 }).max(by: { lines[$0].drop <= lines[$1].drop }) {
                if let block = lines[worst].block { cutBlocks.insert(block) }
                lines.remove(at: worst)
                if let line = cursorLine, line.index > worst { cursorLine = (line.index - 1, line.column) }
            }
            for block in cutBlocks {
                guard let last = lines.lastIndex(where: { $0.block == block }) else { continue }
                lines[last].text = lines[last].text.truncated(to: width - 1) + StyledText("…", .dim)
            }
        }
        return (lines.map(\.text), cursorLine.map { ($0.index, $0.column) })
    }

    /// How a placeholder shows: `⟨1 strong⟩`, `⟨/1⟩`, `⟨2 code/⟩`.
    static func label(_ placeholder: Placeholder, codes: InlineCodeSet) -> String {
        let kind = codes[placeholder]?.kind.rawValue ?? "code"
        switch placeholder {
        case .open(let n): return "⟨\(n) \(kind)⟩"
        case .close(let n): return "⟨/\(n)⟩"
        case .standalone(let n): return "⟨\(n) \(kind)/⟩"
        }
    }

    /// Segment text with placeholders as labels; UTF-8 `highlights` of the text drawn as terms.
    static func coded(_ text: String, codes: InlineCodeSet, highlights: [Range<Int>] = [], style: StyledText.Style = .plain) -> StyledText {
        var result = StyledText()
        var offset = 0
        for piece in CodedText(text).pieces {
            switch piece {
            case .placeholder(let placeholder):
                result.append(label(placeholder, codes: codes), .placeholder)
                offset += placeholder.token.utf8.count
            case .text(let run):
                for character in run {
                    let size = character.utf8.count
                    let highlighted = highlights.contains { $0.contains(offset) }
                    result.append(String(character), highlighted ? .term : style)
                    offset += size
                }
            }
        }
        return result
    }

    /// The stored source against the current one: removed and added text struck and underlined,
    /// or between `[-…-]` and `{+…+}` without colour.
    static func diff(from stored: String, to current: String, codes: InlineCodeSet, colour: Bool) -> StyledText {
        var result = StyledText()
        for run in CharacterDiff.runs(from: stored, to: current) {
            switch run {
            case .same(let text): result.append(coded(text, codes: codes, style: .dim))
            case .removed(let text):
                if !colour { result.append("[-") }
                result.append(coded(text, codes: codes, style: .removed))
                if !colour { result.append("-]") }
            case .added(let text):
                if !colour { result.append("{+") }
                result.append(coded(text, codes: codes, style: .added))
                if !colour { result.append("+}") }
            }
        }
        return result
    }

    /// The editor's text in rows of `width` columns, cut between tokens (a placeholder label is
    /// never split), and where the cursor is.
    static func editorRows(_ editor: LineEditor, codes: InlineCodeSet, width: Int) -> (rows: [StyledText], cursor: (row: Int, column: Int)) {
        var rows = [StyledText()]
        var column = 0
        var cursor = (row: 0, column: 0)
        for (index, token) in editor.tokens.enumerated() {
            let (text, style): (String, StyledText.Style) = switch token {
            case .character(let character): (String(character), .plain)
            case .placeholder(let placeholder): (label(placeholder, codes: codes), .placeholder)
            }
            let size = DisplayWidth.of(text)
            if column + size > width - 1, column > 0 {
                rows.append(StyledText())
                column = 0
            }
            if index == editor.cursor { cursor = (rows.count - 1, column) }
            rows[rows.count - 1].append(text, style)
            column += size
        }
        if editor.cursor == editor.tokens.count {
            if column >= width - 1 {
                rows.append(StyledText())
                column = 0
            }
            cursor = (rows.count - 1, column)
        }
        return (rows, cursor)
    }
}
