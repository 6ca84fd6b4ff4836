/// A translation that begins a line of a paragraph with what Markdown reads as the start of
/// another block: `1、首先…` translated "1. First…" became an ordered list on the page (a helper
/// wrote that translation on a real blog), "# of users" a heading, "---" a rule. The marker's
/// first character is escaped with a backslash, which the page does not show.
///
/// Not `TargetTextProblem`'s check, on purpose: that one refuses a target whose own later lines
/// start a block, and only markers that may interrupt a paragraph count there (`1.`, not `2.`);
/// here the line is where a paragraph or a line of one begins, where any list number starts a
/// list, and escaping is invisible, so the wider set is escaped rather than refused.
enum BlockMarkerEscape {
    /// `markdown` (a sentence's translation, codes expanded) with a block marker at its start
    /// escaped; unchanged when it has none.
    static func escapingLeadingMarker(_ markdown: String) -> String {
        let bytes = Array(markdown.utf8)
        guard let first = bytes.first, let at = markerEscapeOffset(bytes, first: first) else { return markdown }
        return String(decoding: bytes[..<at] + [UInt8(ascii: "\\")] + bytes[at...], as: UTF8.self)
    }

    /// Where the backslash goes, when `bytes` begins with a block marker.
    private static func markerEscapeOffset(_ bytes: [UInt8], first: UInt8) -> Int? {
        func isEndOrSpace(_ index: Int) -> Bool { index >= bytes.count || bytes[index] == 0x20 || bytes[index] == 0x09 }
        func run(of byte: UInt8) -> Int { bytes.prefix { $0 == byte }.count }
        func restIsBlank(from index: Int) -> Bool { bytes[index...].allSatisfy { $0 == 0x20 || $0 == 0x09 } }
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            // An ordered list item: up to nine digits, `.` or `)`, then a space or the end.
            let digits = bytes.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
            guard digits <= 9, digits < bytes.count, bytes[digits] == UInt8(ascii: ".") || bytes[digits] == UInt8(ascii: ")"),
                  isEndOrSpace(digits + 1) else { return nil }
            return digits
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "="):
            // A bullet (`- `), or a rule or setext underline alone (`---`, `***`, `===`).
            if first != UInt8(ascii: "_") && first != UInt8(ascii: "="), isEndOrSpace(1) { return 0 }
            let count = run(of: first)
            let isRule = first == UInt8(ascii: "=") ? count >= 1 : count >= 3
            return isRule && restIsBlank(from: count) ? 0 : nil
        case UInt8(ascii: "#"):
            let count = run(of: first)
            return count <= 6 && isEndOrSpace(count) ? 0 : nil
        case UInt8(ascii: ">"):
            return 0
        case UInt8(ascii: "`"):
            // A fence's info string holds no backtick: "```x``` is…" is inline code, and the
            // escape broke it into literal backticks on the page (a helper's finding on a real
            // docs site).
            let count = run(of: first)
            return count >= 3 && !bytes[count...].prefix(while: { $0 != 0x0A }).contains(first) ? 0 : nil
        case UInt8(ascii: "~"):
            return run(of: first) >= 3 ? 0 : nil
        default:
            return nil
        }
    }

    /// Whether `offset` in `text` begins a line's content: only spaces, tabs and `>` between it
    /// and the line's start (or the unit's, where its block's content begins).
    static func beginsLine(_ offset: Int, in text: [UInt8]) -> Bool {
        var index = offset
        while index > 0 {
            let byte = text[index - 1]
            if byte == 0x0A { return true }
            guard byte == 0x20 || byte == 0x09 || byte == UInt8(ascii: ">") else { return false }
            index -= 1
        }
        return true
    }
}
