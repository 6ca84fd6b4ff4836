import Foundation
internal import CCmarkGFM

/// Positions cmark-gfm 0.29 gets wrong for a whole node, mended from what is right around it (the
/// positions of inlines on a paragraph's later lines are `ContinuationLineColumns`'s): each was
/// found on a real site, where the wrong range cut a character or dropped text.
extension MarkdownParser {
    /// Where `node` starts, from cmark's start line and column moved by `shift`.
    static func startOffset(of node: OpaquePointer, lines: LineTable, bomLength: Int, byteCount: Int, shift: Int) -> Int? {
        let line = Int(cmark_node_get_start_line(node))
        let column = Int(cmark_node_get_start_column(node))
        guard line >= 1, line <= lines.starts.count, column >= 1 else { return nil }
        let start = lines.starts[line - 1] + column - 1 + (line == 1 ? bomLength : 0) + shift
        return (0...byteCount).contains(start) ? start : nil
    }

    /// The range of a text node cmark gave no valid end: a text that ends in a `~` no
    /// strikethrough took (`一起进步~`, `Hello world~`) is joined to the text before it with end
    /// column 0 (cmark-gfm 0.29), and the whole paragraph was dropped from its segments (the
    /// footer of 101 of 130 posts on one real blog). It ends where its literal does, when the
    /// bytes from its start are the literal.
    static func textRangeFromLiteral(
        _ node: OpaquePointer, lines: LineTable, bomLength: Int, bytes: [UInt8], shift: Int
    ) -> Range<Int>? {
        guard let start = startOffset(of: node, lines: lines, bomLength: bomLength, byteCount: bytes.count, shift: shift),
              let literal = cmark_node_get_literal(node) else { return nil }
        let length = Int(strlen(literal))
        guard length > 0 else { return nil }
        // The literal has its backslash escapes resolved (`\~/.vimrc 文件~` is `~/.vimrc 文件~`,
        // a real blog's paragraph that was dropped): a backslash before the ASCII punctuation
        // the literal holds next is skipped.
        var index = start
        for position in 0..<length {
            let expected = UInt8(bitPattern: literal[position])
            if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == expected, isASCIIPunctuation(expected) {
                index += 1
            }
            guard index < bytes.count, bytes[index] == expected else { return nil }
            index += 1
        }
        return start..<index
    }

    /// The characters CommonMark lets a backslash escape.
    private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }

    /// An autolink (`<https://e.com/a>`, `<a@b.org>`) with the range its text gives it.
    ///
    /// cmark-gfm 0.29 places an autolink by its offset in the paragraph's content, counted from
    /// the paragraph's start across line breaks and without the line's `> ` or indentation, as if
    /// it stood on the paragraph's first line: on a later line it landed past itself, into the
    /// next paragraph (a helper's finding on a real blog: a build spliced the translation into
    /// the wrong paragraph, or cut a character in two). Its text is placed right: the autolink is
    /// that text between its `<` and `>`.
    static func withAutolinkRange(_ node: MarkdownNode, bytes: [UInt8]) -> MarkdownNode {
        guard node.kind == .link, node.children.count == 1, let child = node.children.first, child.kind == .text,
              let text = child.range, text.lowerBound > 0, text.upperBound < bytes.count,
              bytes[text.lowerBound - 1] == UInt8(ascii: "<"), bytes[text.upperBound] == UInt8(ascii: ">"),
              let destination = node.destination
        else { return node }
        let literal = String(decoding: bytes[text], as: UTF8.self)
        guard destination == literal || destination == "mailto:" + literal else { return node }
        var fixed = node
        fixed.range = (text.lowerBound - 1)..<(text.upperBound + 1)
        return fixed
    }

    /// A strikethrough that crosses a line break (`~~甲\n乙~~`) with the range its children give it.
    /// cmark-gfm 0.29 ends it at its opening `~~`, before its own text: the node was kept whole
    /// as one code, so its text could not be translated. It ends after its last child and as
    /// many `~` as opened it.
    static func withStrikethroughRange(_ node: MarkdownNode, bytes: [UInt8]) -> MarkdownNode {
        guard node.kind == .strikethrough, let range = node.range,
              let lastChild = node.children.compactMap(\.range).map(\.upperBound).max(), lastChild > range.upperBound
        else { return node }
        let tilde = UInt8(ascii: "~")
        var opening = 0
        while range.lowerBound + opening < bytes.count, bytes[range.lowerBound + opening] == tilde { opening += 1 }
        guard opening > 0, lastChild + opening <= bytes.count, bytes[lastChild..<(lastChild + opening)].allSatisfy({ $0 == tilde }) else { return node }
        var fixed = node
        fixed.range = range.lowerBound..<(lastChild + opening)
        return fixed
    }

    /// A link or image whose text crosses a line break (`[期权交易的\n基本原理](u)`, common in
    /// hard-wrapped posts) with the start its text gives it. cmark-gfm 0.29 starts it on the line
    /// its text ends on, at the column of its `[`: after its own first child, so the node was
    /// kept whole as one code and its text could not be translated (and was called raw HTML).
    /// It starts at the `[` (or `![`) just before its first child.
    static func withLinkStart(_ node: MarkdownNode, bytes: [UInt8]) -> MarkdownNode {
        guard node.kind == .link || node.kind == .image, let range = node.range,
              let firstChild = node.children.compactMap(\.range).first, firstChild.lowerBound < range.lowerBound,
              firstChild.lowerBound >= 1, bytes[firstChild.lowerBound - 1] == UInt8(ascii: "[")
        else { return node }
        var start = firstChild.lowerBound - 1
        if node.kind == .image {
            guard start >= 1, bytes[start - 1] == UInt8(ascii: "!") else { return node }
            start -= 1
        }
        var fixed = node
        fixed.range = start..<range.upperBound
        return fixed
    }

    /// `node` with the paragraph cmark-gfm leaves without a position placed and read: lines of
    /// text right above a table, with no blank line between (`**支持的平台：**` then `| 平台 |`,
    /// common in real posts). cmark-gfm's table extension splits them off into a paragraph
    /// whose nodes have no source position at all, so the line had no segment and stayed
    /// Chinese (and was called raw HTML), and starts the table on that paragraph's line. The
    /// paragraph is the bytes from the table's start to its header line, read again alone.
    static func withParagraphsBeforeTables(_ node: MarkdownNode, bytes: [UInt8]) throws(MarkdownNestingError) -> MarkdownNode {
        guard node.children.count > 1,
              node.children.indices.dropFirst().contains(where: { node.children[$0].kind == .table && node.children[$0 - 1].kind == .paragraph && node.children[$0 - 1].range == nil })
        else { return node }
        var fixed = node
        for index in fixed.children.indices.dropFirst() {
            let table = fixed.children[index]
            guard table.kind == .table, let tableRange = table.range, fixed.children[index - 1].kind == .paragraph, fixed.children[index - 1].range == nil,
                  let headerLineStart = headerLineStart(of: table, bytes: bytes), headerLineStart > tableRange.lowerBound
            else { continue }
            let slice = Array(bytes[tableRange.lowerBound..<headerLineStart])
            let alone = try parse(slice)
            guard alone.children.count == 1, alone.children[0].kind == .paragraph else { continue }
            fixed.children[index - 1] = shifted(alone.children[0], by: tableRange.lowerBound)
            fixed.children[index].range = headerLineStart..<tableRange.upperBound
            if let header = table.children.first, header.kind == .tableHeader, let range = header.range, range.lowerBound < headerLineStart {
                // cmark places the header's cells by their offset in the content it kept, which
                // lacks the header line's indentation or `> ` (a table in a list item): moved by
                // what that lacks, from where the first cell really starts.
                var contentStart = headerLineStart
                while contentStart < bytes.count, [0x20, 0x09, UInt8(ascii: ">")].contains(bytes[contentStart]) { contentStart += 1 }
                let firstCell = contentStart < bytes.count && bytes[contentStart] == UInt8(ascii: "|") ? contentStart + 1 : contentStart
                var moved = header
                if let cellStart = header.children.first?.range?.lowerBound, cellStart != firstCell {
                    moved = shifted(header, by: firstCell - cellStart)
                }
                moved.range = headerLineStart..<max(headerLineStart, range.upperBound + (moved.children.first?.range?.lowerBound ?? 0) - (header.children.first?.range?.lowerBound ?? 0))
                fixed.children[index].children[0] = moved
            }
        }
        return fixed
    }

    /// Where the line of `table`'s header starts: two lines above its first row (the delimiter
    /// row between), or the line above its last line when it has no rows.
    private static func headerLineStart(of table: MarkdownNode, bytes: [UInt8]) -> Int? {
        func lineStart(_ offset: Int) -> Int {
            var start = offset
            while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
            return start
        }
        let delimiterLineStart: Int
        if let row = table.children.first(where: { $0.kind == .tableRow }), let range = row.range {
            let rowLine = lineStart(range.lowerBound)
            guard rowLine > 0 else { return nil }
            delimiterLineStart = lineStart(rowLine - 1)
        } else if let range = table.range, range.upperBound > 0 {
            delimiterLineStart = lineStart(range.upperBound - 1)
        } else {
            return nil
        }
        guard delimiterLineStart > 0 else { return nil }
        return lineStart(delimiterLineStart - 1)
    }

    /// `node` and its descendants with every range moved by `offset`.
    private static func shifted(_ node: MarkdownNode, by offset: Int) -> MarkdownNode {
        var moved = node
        moved.range = node.range.map { ($0.lowerBound + offset)..<($0.upperBound + offset) }
        moved.children = node.children.map { shifted($0, by: offset) }
        return moved
    }
}
