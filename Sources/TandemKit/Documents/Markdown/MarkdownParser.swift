import Foundation
internal import CCmarkGFM
import Synchronization

/// Parses Markdown with cmark-gfm: CommonMark plus GFM tables, strikethrough, autolinks, task
/// lists and footnotes, as Hugo's goldmark renders them.
public enum MarkdownParser {
    /// How deep nodes may nest: a top-level paragraph is at level 1 and its text at level 2, a
    /// paragraph in a blockquote at level 2. Far beyond any real post, but a 200 KB post can
    /// nest 100,000 levels: the limit keeps the work on nested markup (pairs of codes within
    /// pairs) and the recursive release of a dropped tree small.
    public static let nestingLimit = 1_000

    /// The tree of `bytes`, positions as byte offsets into `bytes`.
    ///
    /// cmark replaces NUL with U+FFFD and skips a leading BOM, either of which would shift
    /// positions: a NUL is rejected by the caller (`HugoDocument`), a BOM is accounted for here.
    /// Throws when the tree nests deeper than `nestingLimit`.
    public static func parse(_ bytes: [UInt8]) throws(MarkdownNestingError) -> MarkdownNode {
        guard let root = parsedTree(bytes) else { return MarkdownNode(kind: .document, range: 0..<bytes.count) }
        defer { cmark_node_free(root) }
        let bomLength = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let lines = LineTable(bytes)
        return try convert(root, lines: lines, bomLength: bomLength, bytes: bytes)
    }

    /// One parse at a time in the process: cmark-gfm 0.29 keeps the inline parser's table of
    /// special characters in a global, which attaching an extension writes (`~` for
    /// strikethrough) and freeing a parser clears, so a parser freed on another thread left one
    /// still parsing without strikethrough (a test of `~~…~~` failed one run in a few under the
    /// parallel test runner; github/cmark-gfm#176). The tree is converted outside the lock.
    private static let cmarkLock = Mutex(())

    /// cmark's tree of `bytes` (the caller frees it), or nil when cmark cannot allocate.
    private static func parsedTree(_ bytes: [UInt8]) -> OpaquePointer? {
        cmarkLock.withLock { _ in
            cmark_gfm_core_extensions_ensure_registered()
            let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES
            guard let parser = cmark_parser_new(options) else { return nil }
            defer { cmark_parser_free(parser) }
            for name in ["table", "strikethrough", "tasklist"] {
                if let extensionHandle = cmark_find_syntax_extension(name) {
                    cmark_parser_attach_syntax_extension(parser, extensionHandle)
                }
            }
            bytes.withUnsafeBufferPointer { buffer in
                // An empty array may have no storage at all; nothing to feed then.
                guard let base = buffer.baseAddress else { return }
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                    cmark_parser_feed(parser, pointer, buffer.count)
                }
            }
            return cmark_parser_finish(parser)
        }
    }

    /// A node being converted: its children are complete, its own EXIT has not come yet.
    private struct Frame {
        let pointer: OpaquePointer
        var node: MarkdownNode
    }

    /// cmark's tree as `MarkdownNode`s, walked with cmark's iterator and an explicit stack, not
    /// recursion: cmark parses 100,000 nested `>` without trouble, and a stack frame per level
    /// would overflow the thread's stack before the nesting limit is even checked.
    private static func convert(_ root: OpaquePointer, lines: LineTable, bomLength: Int, bytes: [UInt8]) throws(MarkdownNestingError) -> MarkdownNode {
        let byteCount = bytes.count
        guard let iterator = cmark_iter_new(root) else { return MarkdownNode(kind: .document, range: 0..<byteCount) }
        defer { cmark_iter_free(iterator) }
        var stack: [Frame] = []
        var result: MarkdownNode?
        var columns = ContinuationLineColumns(bytes: bytes, lines: lines, bomLength: bomLength)
        /// Hands a finished node to its parent, or makes it the result when it is the root.
        func finish(_ node: MarkdownNode) {
            if stack.isEmpty { result = node } else { stack[stack.count - 1].node.children.append(node) }
        }
        while true {
            let event = cmark_iter_next(iterator)
            guard event != CMARK_EVENT_DONE, event != CMARK_EVENT_NONE, let pointer = cmark_iter_get_node(iterator) else { break }
            if event == CMARK_EVENT_ENTER {
                let node = makeNode(pointer, lines: lines, bomLength: bomLength, bytes: bytes, columns: &columns)
                // The stack holds the node's ancestors, the document first.
                if stack.count > nestingLimit {
                    let offset = node.range?.lowerBound ?? stack.last(where: { $0.node.range != nil })?.node.range?.lowerBound ?? 0
                    throw MarkdownNestingError(offset: offset, limit: nestingLimit)
                }
                // A node without children is finished now: for leaves (text, code, …) cmark sends
                // no EXIT at all, and the EXIT of an empty container is skipped below.
                if cmark_node_first_child(pointer) == nil {
                    finish(node)
                } else {
                    stack.append(Frame(pointer: pointer, node: node))
                }
            } else if event == CMARK_EVENT_EXIT, let top = stack.last, top.pointer == pointer {
                stack.removeLast()
                finish(try withParagraphsBeforeTables(
                    withLinkStart(withStrikethroughRange(withAutolinkRange(top.node, bytes: bytes), bytes: bytes), bytes: bytes), bytes: bytes))
            }
        }
        return result ?? MarkdownNode(kind: .document, range: 0..<byteCount)
    }

    /// `node` without its children.
    private static func makeNode(
        _ node: OpaquePointer, lines: LineTable, bomLength: Int, bytes: [UInt8], columns: inout ContinuationLineColumns
    ) -> MarkdownNode {
        let kind = kind(of: node)
        columns.enter(node, kind: kind)
        let shifts = columns.shifts(
            of: node, kind: kind, startLine: Int(cmark_node_get_start_line(node)), endLine: Int(cmark_node_get_end_line(node)))
        var range = range(of: node, lines: lines, bomLength: bomLength, byteCount: bytes.count, shifts: shifts)
        if kind == .text, range == nil || cmark_node_get_end_column(node) == 0, let literal = textRangeFromLiteral(
            node, lines: lines, bomLength: bomLength, bytes: bytes, shift: shifts.start) { range = literal }
        if kind == .strikethrough, range == nil, let start = startOffset(of: node, lines: lines, bomLength: bomLength, byteCount: bytes.count, shift: shifts.start) {
            // Its end lies before its start (`0~n 再到` ‖ `n~0`): where it ends is known at its
            // exit, from its children (`withStrikethroughRange`).
            range = start..<start
        }
        if let found = range {
            if kind == .code {
                range = withBackticks(found, bytes: bytes)
            } else if kind == .text, let literal = cmark_node_get_literal(node), let fixed = unmatchedBackticks(found, literal: literal, bytes: bytes) {
                range = fixed
            }
        }
        var destination: String?
        var title: String?
        if kind == .link || kind == .image {
            destination = cmark_node_get_url(node).map { String(cString: $0) }
            title = cmark_node_get_title(node).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        return MarkdownNode(
            kind: kind, range: range,
            destination: destination, title: title)
    }

    /// An inline code's range with its backticks: cmark's position covers only what lies
    /// between them, so a link or emphasis that starts with code (`` [`figure` shortcode] ``)
    /// had the opening backtick in its own opening code, and the code the closing one. As many
    /// backticks are taken on the left as follow on the right (an escaped backtick before the
    /// code is not its own).
    private static func withBackticks(_ range: Range<Int>, bytes: [UInt8]) -> Range<Int> {
        let backtick = UInt8(ascii: "`")
        var closing = 0
        while range.upperBound + closing < bytes.count, bytes[range.upperBound + closing] == backtick { closing += 1 }
        var opening = 0
        while opening < closing, range.lowerBound - opening > 0, bytes[range.lowerBound - opening - 1] == backtick { opening += 1 }
        guard opening == closing else { return range }
        return (range.lowerBound - opening)..<(range.upperBound + closing)
    }

    /// The true range of a text node that is a run of backticks no code span closed (`` <b>`</b> ``):
    /// cmark-gfm 0.29 places it one byte after the run (`make_str` from the position past it),
    /// over the next node's first byte. Nil when `range` is right already.
    private static func unmatchedBackticks(_ range: Range<Int>, literal: UnsafePointer<CChar>, bytes: [UInt8]) -> Range<Int>? {
        let length = strlen(literal)
        guard length > 0, (0..<length).allSatisfy({ literal[$0] == CChar(UInt8(ascii: "`")) }) else { return nil }
        let start = range.lowerBound - length
        guard start >= 0, range.lowerBound <= bytes.count, !(range.lowerBound < bytes.count && bytes[range.lowerBound] == UInt8(ascii: "`")),
              bytes[start..<range.lowerBound].allSatisfy({ $0 == UInt8(ascii: "`") }) else { return nil }
        return start..<range.lowerBound
    }

    /// The node's kind, from cmark-gfm's type name. cmark-gfm 0.29 names footnotes `<unknown>`,
    /// so those two are told by their type code.
    private static func kind(of node: OpaquePointer) -> MarkdownNode.Kind {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_FOOTNOTE_REFERENCE: return .footnoteReference
        case CMARK_NODE_FOOTNOTE_DEFINITION: return .footnoteDefinition
        default: return MarkdownNode.Kind(rawValue: String(cString: cmark_node_get_type_string(node))) ?? .unknown
        }
    }

    /// cmark's 1-based line and byte column (end inclusive) as a byte range, each end moved by
    /// its shift (`ContinuationLineColumns`).
    private static func range(
        of node: OpaquePointer, lines: LineTable, bomLength: Int, byteCount: Int, shifts: (start: Int, end: Int)
    ) -> Range<Int>? {
        let startLine = Int(cmark_node_get_start_line(node))
        let startColumn = Int(cmark_node_get_start_column(node))
        let endLine = Int(cmark_node_get_end_line(node))
        let endColumn = Int(cmark_node_get_end_column(node))
        guard startLine > 0, startColumn > 0, endLine >= startLine,
              startLine <= lines.starts.count, endLine <= lines.starts.count
        else { return nil }
        func offset(line: Int, column: Int) -> Int {
            lines.starts[line - 1] + column - 1 + (line == 1 ? bomLength : 0)
        }
        let start = offset(line: startLine, column: startColumn) + shifts.start
        // A block's end column 0 means "ends at the previous line break".
        let end = endColumn > 0 ? offset(line: endLine, column: endColumn) + 1 + shifts.end : lines.starts[endLine - 1]
        guard 0 <= start, start <= end, end <= byteCount else { return nil }
        return start..<end
    }
}
