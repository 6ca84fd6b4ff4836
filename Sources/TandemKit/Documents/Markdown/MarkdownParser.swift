internal import CCmarkGFM

/// Parses Markdown with cmark-gfm: CommonMark plus GFM tables, strikethrough, autolinks, task
/// lists and footnotes, as Hugo's goldmark renders them.
public enum MarkdownParser {
    /// The tree of `bytes`, positions as byte offsets into `bytes`.
    ///
    /// cmark replaces NUL with U+FFFD and skips a leading BOM, either of which would shift
    /// positions: a NUL is rejected by the caller (`HugoDocument`), a BOM is accounted for here.
    public static func parse(_ bytes: [UInt8]) -> MarkdownNode {
        cmark_gfm_core_extensions_ensure_registered()
        let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES
        guard let parser = cmark_parser_new(options) else { return MarkdownNode(kind: "document", range: 0..<bytes.count) }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "tasklist"] {
            if let extensionHandle = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionHandle)
            }
        }
        let bomLength = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                cmark_parser_feed(parser, pointer, buffer.count)
            }
        }
        guard let root = cmark_parser_finish(parser) else { return MarkdownNode(kind: "document", range: 0..<bytes.count) }
        defer { cmark_node_free(root) }
        let lines = LineTable(bytes)
        return convert(root, lines: lines, bomLength: bomLength, byteCount: bytes.count)
    }

    private static func convert(_ node: OpaquePointer, lines: LineTable, bomLength: Int, byteCount: Int) -> MarkdownNode {
        let kind = String(cString: cmark_node_get_type_string(node))
        var children: [MarkdownNode] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            children.append(convert(current, lines: lines, bomLength: bomLength, byteCount: byteCount))
            child = cmark_node_next(current)
        }
        var destination: String?
        if kind == "link" || kind == "image", let url = cmark_node_get_url(node) {
            destination = String(cString: url)
        }
        return MarkdownNode(
            kind: kind, range: range(of: node, lines: lines, bomLength: bomLength, byteCount: byteCount),
            children: children, destination: destination)
    }

    /// cmark's 1-based line and byte column (end inclusive) as a byte range.
    private static func range(of node: OpaquePointer, lines: LineTable, bomLength: Int, byteCount: Int) -> Range<Int>? {
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
        let start = offset(line: startLine, column: startColumn)
        // A block's end column 0 means "ends at the previous line break".
        let end = endColumn > 0 ? offset(line: endLine, column: endColumn) + 1 : lines.starts[endLine - 1]
        guard start <= end, end <= byteCount else { return nil }
        return start..<end
    }
}
