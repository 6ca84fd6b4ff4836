import Foundation
internal import CCmarkGFM

/// Where the inlines on a paragraph's later lines really start, for cmark-gfm's source positions.
///
/// cmark-gfm gives an inline on a paragraph's second or later line the column it would have if
/// that line's content began at the paragraph's own start column: it measures from the content
/// it kept after stripping the line's container markers and indentation, and adds the
/// paragraph's first-line column. That is right only when the line begins where the first one
/// did. A lazy continuation line of a list item or a block quote (`- 第一项` then `第二行。`, not
/// indented) begins further left, so cmark places its text past where it is, into the next
/// character or beyond the line's end (the text was then dropped from its segment); an indented
/// continuation line (`t` then ` 世`) begins further right, so cmark places it on the spaces
/// (found by `MarkdownRoundTripFuzzer`).
///
/// The fix moves every inline on such a line by the difference between where the line's content
/// really begins and the paragraph's column. Where the content begins is read from the bytes:
/// past the spaces, tabs and `>` markers that lead the line, or, when the line's first inline is
/// plain text, at the last of those positions where its literal stands (so content that itself
/// begins with `>`, possible after deep indentation, is found too).
///
/// A backslash hard line break (`第一句。\` then `第二句。`) is the other way cmark goes wrong:
/// cmark-gfm 0.29 does not count it as a new line, so what follows is placed on the backslash's
/// line, at a column that goes on counting the content cmark kept past the line's end, and every
/// later line of the paragraph is numbered one short. At the top level the second line's text
/// then landed on the first's and the third line's on the second's; inside a block quote or a
/// list item, where the content cmark keeps skips each line's `> ` or indentation, it landed that
/// many bytes early, cutting characters and links in half. So when a block has such a break,
/// cmark's lines are mapped to the real ones (`realLines`) and a column past a line's end is
/// carried on to the next line's content.
///
/// Table rows are the third case: cmark-gfm places every cell of a row as if the row's content
/// (past its indentation, or its `> `) began at the table's column, which holds only for rows
/// indented as the header is. A row indented less (` 张三 | 23` under a header indented three
/// spaces) was placed two bytes late, so its first cell became `\u{FFFD}三` and a build wrote part
/// of it twice. Each row, its cells and their inlines move by the row's own difference.
struct ContinuationLineColumns {
    private let bytes: [UInt8]
    private let lines: LineTable
    /// The length of a byte order mark at the start of `bytes`, which cmark skips: its columns on
    /// the first line start after it.
    private let bomLength: Int
    /// The paragraph, heading or table cell whose inlines are being read: its first and last line
    /// and its column (cmark's, 1-based).
    private var block: (line: Int, lastLine: Int, column: Int)?
    /// For a block with a backslash hard line break, the real line on which each of cmark's lines
    /// begins; empty for every other block, whose lines cmark numbers right.
    private var realLines: [Int: Int] = [:]
    /// Whether the last inline was a line break, so the next one starts a line.
    private var afterBreak = false
    /// Where each later line's content begins, as a byte offset, once worked out.
    private var contentStarts: [Int: Int] = [:]
    /// The column of the table being read (cmark's, 1-based).
    private var tableColumn: Int?
    /// How far the cells of the table row being read lie from where cmark places them.
    private var rowShift = 0
    /// The backslashes of the escaped pipes (`\|`) in the table cell being read, as byte
    /// offsets: cmark-gfm takes them out of the cell's content before reading its inlines, so
    /// every inline after one lands a byte early per escape (a build cut characters in two).
    private var cellEscapes: [Int] = []

    init(bytes: [UInt8], lines: LineTable, bomLength: Int) {
        self.bytes = bytes
        self.lines = lines
        self.bomLength = bomLength
    }

    /// Notes the node cmark enters next, before its position is read: a block that holds
    /// inlines starts a new paragraph; any other block ends it.
    mutating func enter(_ node: OpaquePointer, kind: MarkdownNode.Kind) {
        switch kind {
        case .paragraph, .heading, .tableCell:
            let line = Int(cmark_node_get_start_line(node))
            block = (line, Int(cmark_node_get_end_line(node)), Int(cmark_node_get_start_column(node)))
            contentStarts = [:]
            afterBreak = false
            realLines = Self.realLines(of: node, firstLine: line, bytes: bytes, lines: lines)
            cellEscapes = kind == .tableCell ? escapedPipes(inCell: node) : []
        case .table:
            block = nil
            tableColumn = Int(cmark_node_get_start_column(node))
            rowShift = 0
        case .tableHeader, .tableRow:
            block = nil
            rowShift = 0
            let line = Int(cmark_node_get_start_line(node))
            if let tableColumn, line >= 1, line <= lines.starts.count {
                rowShift = contentStartInBytes(line: line, firstInline: nil, kind: kind) - cmarkOffset(line: line, column: tableColumn)
            }
        case .document, .list, .blockQuote, .item, .codeBlock, .htmlBlock, .customBlock, .thematicBreak,
             .footnoteDefinition, .taskListItem:
            block = nil
            tableColumn = nil
            rowShift = 0
        default:
            break
        }
    }

    /// How far `node`'s start and end, as cmark gives them, lie from the real ones, in bytes
    /// (0 outside a paragraph's later lines and the rows of a table that are not indented as its
    /// header is).
    ///
    /// The end of a code span or inline HTML that crosses a line break is the exception: cmark
    /// counts its column from the start of the content it kept on that line, without the
    /// paragraph's column.
    mutating func shifts(of node: OpaquePointer, kind: MarkdownNode.Kind, startLine: Int, endLine: Int) -> (start: Int, end: Int) {
        let shifts = inlineShifts(of: node, kind: kind, startLine: startLine, endLine: endLine)
        guard !cellEscapes.isEmpty, kind != .tableCell, startLine >= 1, endLine >= 1, startLine <= lines.starts.count, endLine <= lines.starts.count
        else { return (shifts.start + rowShift, shifts.end + rowShift) }
        let start = cmarkOffset(line: startLine, column: Int(cmark_node_get_start_column(node))) + shifts.start + rowShift
        let end = cmarkOffset(line: endLine, column: Int(cmark_node_get_end_column(node))) + shifts.end + rowShift
        return (shifts.start + rowShift + escapesBefore(start), shifts.end + rowShift + escapesBefore(end))
    }

    /// How many escape backslashes of the cell lie before the byte cmark places at `offset`
    /// in the content it kept without them.
    private func escapesBefore(_ offset: Int) -> Int {
        var real = offset
        var count = 0
        for escape in cellEscapes where escape <= real {
            real += 1
            count += 1
        }
        return count
    }

    /// The backslashes of `\|` in the table cell `node`, from its bytes (the cell's own range,
    /// which cmark places right, moved as its row).
    private func escapedPipes(inCell node: OpaquePointer) -> [Int] {
        let line = Int(cmark_node_get_start_line(node))
        let endLine = Int(cmark_node_get_end_line(node))
        guard line >= 1, line == endLine, line <= lines.starts.count else { return [] }
        let start = cmarkOffset(line: line, column: Int(cmark_node_get_start_column(node))) + rowShift
        let end = min(bytes.count, cmarkOffset(line: line, column: Int(cmark_node_get_end_column(node))) + 1 + rowShift)
        guard start >= 0, start < end else { return [] }
        var escapes: [Int] = []
        var index = start
        while index + 1 < end {
            if bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "|") {
                escapes.append(index)
                index += 2
            } else {
                index += 1
            }
        }
        return escapes
    }

    private mutating func inlineShifts(of node: OpaquePointer, kind: MarkdownNode.Kind, startLine: Int, endLine: Int) -> (start: Int, end: Int) {
        guard let block, kind != .paragraph, kind != .heading, kind != .tableCell else { return (0, 0) }
        let startsLine = afterBreak
        afterBreak = kind == .softBreak || kind == .lineBreak
        var start = 0
        var end = 0
        if startLine > block.line || (!realLines.isEmpty && startLine >= 1), startLine <= lines.starts.count {
            let column = Int(cmark_node_get_start_column(node))
            start = realOffset(line: startLine, column: column, firstInline: startsLine ? node : nil, kind: kind, crossesBreak: false)
                - cmarkOffset(line: startLine, column: column)
        }
        if endLine > block.line || (!realLines.isEmpty && endLine >= 1), endLine <= lines.starts.count {
            let column = Int(cmark_node_get_end_column(node))
            let crossesBreak = endLine != startLine && (kind == .code || kind == .htmlInline)
            end = realOffset(line: endLine, column: column, firstInline: nil, kind: kind, crossesBreak: crossesBreak)
                - cmarkOffset(line: endLine, column: column)
        }
        return (start, end)
    }

    /// The byte offset cmark's line and column name, as `MarkdownParser` reads it.
    private func cmarkOffset(line: Int, column: Int) -> Int {
        lines.starts[line - 1] + column - 1 + (line == 1 ? bomLength : 0)
    }

    /// The byte offset of the inline position cmark gives as `line` and `column` in the current
    /// block: `column` counts from the block's column at the start of the content of the line
    /// (from 1 at the end of a code span or inline HTML that crosses a line break), and, after a
    /// backslash hard line break, runs on into the following lines' content.
    private mutating func realOffset(
        line cmarkLine: Int, column: Int, firstInline: OpaquePointer?, kind: MarkdownNode.Kind, crossesBreak: Bool
    ) -> Int {
        guard let block else { return cmarkOffset(line: cmarkLine, column: column) }
        var line = realLines[cmarkLine] ?? cmarkLine
        var distance = column - (crossesBreak ? 1 : block.column)
        var base = line == block.line
            ? cmarkOffset(line: line, column: block.column)
            : contentStart(line: line, firstInline: realLines.isEmpty ? firstInline : nil, kind: kind)
        guard !realLines.isEmpty else { return base + distance }
        // Past the end of the line cmark counted from: the content of the next line, which
        // begins after its `> ` or indentation. cmark's content ends each line with one byte,
        // a CRLF too.
        while line < block.lastLine, line < lines.starts.count {
            let lineEnd = Self.contentEnd(line: line, bytes: bytes, lines: lines)
            guard base + distance > lineEnd else { break }
            distance -= lineEnd + 1 - base
            line += 1
            base = contentStart(line: line, firstInline: nil, kind: kind)
        }
        return base + distance
    }

    /// Where `line` (1-based, not the last) ends, before its LF, CR or CRLF.
    private static func contentEnd(line: Int, bytes: [UInt8], lines: LineTable) -> Int {
        var end = lines.starts[line]
        if end > 0, bytes[end - 1] == 0x0A { end -= 1 }
        if end > 0, bytes[end - 1] == 0x0D { end -= 1 }
        return end
    }

    /// cmark's line numbers in `node`, a block that holds inlines, mapped to the real lines they
    /// begin on; empty when `node` has no backslash hard line break, so cmark's numbers hold.
    ///
    /// cmark starts a new line at a soft break, at a hard break made of trailing spaces, and at
    /// the end of a code span or inline HTML that crosses lines; a backslash hard break moves on
    /// to the next real line without starting one.
    private static func realLines(of node: OpaquePointer, firstLine: Int, bytes: [UInt8], lines: LineTable) -> [Int: Int] {
        // Most blocks have no line that ends in a backslash: their inlines need no second walk.
        let lastLine = Int(cmark_node_get_end_line(node))
        guard firstLine < lastLine, (firstLine..<lastLine).contains(where: { endsWithBackslash(line: $0, bytes: bytes, lines: lines) }),
              let iterator = cmark_iter_new(node) else { return [:] }
        defer { cmark_iter_free(iterator) }
        var map = [firstLine: firstLine]
        var hasBackslashBreak = false
        var cmarkLine = firstLine
        var realLine = firstLine
        while true {
            let event = cmark_iter_next(iterator)
            guard event != CMARK_EVENT_DONE, event != CMARK_EVENT_NONE else { break }
            guard event == CMARK_EVENT_ENTER, let inline = cmark_iter_get_node(iterator), inline != node else { continue }
            switch cmark_node_get_type(inline) {
            case CMARK_NODE_SOFTBREAK:
                cmarkLine += 1
                realLine += 1
            case CMARK_NODE_LINEBREAK:
                if endsWithBackslash(line: realLine, bytes: bytes, lines: lines) {
                    hasBackslashBreak = true
                    realLine += 1
                    continue
                }
                cmarkLine += 1
                realLine += 1
            case CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
                let crossed = Int(cmark_node_get_end_line(inline)) - Int(cmark_node_get_start_line(inline))
                guard crossed > 0 else { continue }
                cmarkLine += crossed
                realLine += crossed
            default:
                continue
            }
            map[cmarkLine] = realLine
        }
        return hasBackslashBreak ? map : [:]
    }

    /// Whether `line` (1-based) ends in a backslash that escapes its line break: an odd number of
    /// them before the line's end (`\\` is an escaped backslash and a soft break).
    private static func endsWithBackslash(line: Int, bytes: [UInt8], lines: LineTable) -> Bool {
        guard line >= 1, line < lines.starts.count else { return false }
        let end = contentEnd(line: line, bytes: bytes, lines: lines)
        var count = 0
        while end - count > lines.starts[line - 1], bytes[end - count - 1] == UInt8(ascii: "\\") { count += 1 }
        return count % 2 == 1
    }

    /// Where `line`'s content begins: past its leading spaces, tabs and `>`, or, when the line's
    /// first inline is text whose source is its literal, the last such position where the
    /// literal stands.
    private mutating func contentStart(line: Int, firstInline: OpaquePointer?, kind: MarkdownNode.Kind) -> Int {
        // The line's first inline refines what an earlier node spanning into the line found.
        if firstInline == nil, let known = contentStarts[line] { return known }
        let found = contentStartInBytes(line: line, firstInline: firstInline, kind: kind)
        contentStarts[line] = found
        return found
    }

    private func contentStartInBytes(line: Int, firstInline: OpaquePointer?, kind: MarkdownNode.Kind) -> Int {
        let start = lines.starts[line - 1] + (line == 1 ? bomLength : 0)
        var end = start
        while end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 || bytes[end] == 0x3E { end += 1 }
        guard let firstInline, kind == .text, let literal = cmark_node_get_literal(firstInline),
              cmark_node_get_start_line(firstInline) == cmark_node_get_end_line(firstInline)
        else { return end }
        let length = Int(strlen(literal))
        let sourceLength = Int(cmark_node_get_end_column(firstInline)) - Int(cmark_node_get_start_column(firstInline)) + 1
        guard length > 0, sourceLength == length else { return end }
        // cmark's column for this text counts from the block's column at the start of the
        // content it kept for the line, and that content may begin before the text: the spaces
        // of a lazy continuation line (`- 第一行。` then ` 解决方法`, indented less than the
        // item's text) are kept and skipped only by the inline parser. Where the text stands,
        // less that distance, is where the kept content begins (the text landed one byte late
        // and was cut in half).
        let skipped = max(0, Int(cmark_node_get_start_column(firstInline)) - (block?.column ?? 0))
        for candidate in stride(from: end, through: start, by: -1) where candidate + length <= bytes.count {
            if (0..<length).allSatisfy({ bytes[candidate + $0] == UInt8(bitPattern: literal[$0]) }) { return max(start, candidate - skipped) }
        }
        return end
    }
}
