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
struct ContinuationLineColumns {
    private let bytes: [UInt8]
    private let lines: LineTable
    /// The paragraph, heading or table cell whose inlines are being read: its first line and
    /// column (cmark's, 1-based).
    private var block: (line: Int, column: Int)?
    /// Whether the last inline was a line break, so the next one starts a line.
    private var afterBreak = false
    /// Where each later line's content begins, as a byte offset, once worked out.
    private var contentStarts: [Int: Int] = [:]

    init(bytes: [UInt8], lines: LineTable) {
        self.bytes = bytes
        self.lines = lines
    }

    /// Notes the node cmark enters next, before its position is read: a block that holds
    /// inlines starts a new paragraph; any other block ends it.
    mutating func enter(_ node: OpaquePointer, kind: MarkdownNode.Kind) {
        switch kind {
        case .paragraph, .heading, .tableCell:
            block = (Int(cmark_node_get_start_line(node)), Int(cmark_node_get_start_column(node)))
            contentStarts = [:]
            afterBreak = false
        case .document, .list, .table, .blockQuote, .item, .codeBlock, .htmlBlock, .customBlock, .thematicBreak,
             .footnoteDefinition, .taskListItem, .tableHeader, .tableRow:
            block = nil
        default:
            break
        }
    }

    /// How far `node`'s start and end, as cmark gives them, lie from the real ones, in bytes
    /// (0 outside a paragraph's later lines).
    ///
    /// The end of a code span or inline HTML that crosses a line break is the exception: cmark
    /// counts its column from the start of the content it kept on that line, without the
    /// paragraph's column.
    mutating func shifts(of node: OpaquePointer, kind: MarkdownNode.Kind, startLine: Int, endLine: Int) -> (start: Int, end: Int) {
        guard let block, kind != .paragraph, kind != .heading, kind != .tableCell else { return (0, 0) }
        let startsLine = afterBreak
        afterBreak = kind == .softBreak || kind == .lineBreak
        var start = 0
        var end = 0
        if startLine > block.line, startLine <= lines.starts.count {
            start = contentStart(line: startLine, firstInline: startsLine ? node : nil, kind: kind)
                - (lines.starts[startLine - 1] + block.column - 1)
        }
        if endLine > block.line, endLine <= lines.starts.count {
            let crossesBreak = endLine != startLine && (kind == .code || kind == .htmlInline)
            end = contentStart(line: endLine, firstInline: nil, kind: kind)
                - (lines.starts[endLine - 1] + (crossesBreak ? 0 : block.column - 1))
        }
        return (start, end)
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
        let start = lines.starts[line - 1]
        var end = start
        while end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 || bytes[end] == 0x3E { end += 1 }
        guard let firstInline, kind == .text, let literal = cmark_node_get_literal(firstInline),
              cmark_node_get_start_line(firstInline) == cmark_node_get_end_line(firstInline)
        else { return end }
        let length = Int(strlen(literal))
        let sourceLength = Int(cmark_node_get_end_column(firstInline)) - Int(cmark_node_get_start_column(firstInline)) + 1
        guard length > 0, sourceLength == length else { return end }
        for candidate in stride(from: end, through: start, by: -1) where candidate + length <= bytes.count {
            if (0..<length).allSatisfy({ bytes[candidate + $0] == UInt8(bitPattern: literal[$0]) }) { return candidate }
        }
        return end
    }
}
