import Foundation

/// What makes a target's text unsafe to splice into a post whatever its placeholders: a
/// sentence replaces a sentence inside a paragraph, heading, table cell or front-matter value,
/// so it may not carry a NUL or another control character, end the block with a blank line,
/// open a code fence, or start a line with what CommonMark reads as the start of another block
/// (a heading, a thematic break or setext underline, a block quote, a list item, HTML). Build refuses such a target and lint reports it (`problems(in:)` is the
/// one judgement both use), so `build` never writes a post the source did not have the shape of.
public enum TargetTextProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// A control character other than tab, line feed and carriage return (NUL included), at a
    /// UTF-8 offset.
    case controlCharacter(UInt32, offset: Int)
    /// An empty (or blank) line, which would end the paragraph the sentence belongs to.
    case blankLine(offset: Int)
    /// A line starting with ``` or ~~~, which would open a code block swallowing the rest.
    case codeFence(offset: Int)
    /// A line that CommonMark lets interrupt a paragraph (`# `, `---`, `===`, `> `, `- `, `1. `,
    /// `<div`…): the sentence would split its block and change the page's structure.
    case blockStart(String, offset: Int)
    /// A Hugo shortcode opener (`{{<`, `{{%`) typed in the text: Hugo runs it as a shortcode
    /// before Markdown, and one it does not know stops the whole site ("template for shortcode
    /// not found"). The source's shortcodes are codes; a translator's cannot be.
    case shortcode(offset: Int)

    /// The problems of `target` its source does not have already: a control character the
    /// source holds (a post may carry a BEL or ESC in its text) is carried over, which changes
    /// nothing in the post's shape. Found by `MarkdownRoundTripFuzzer`: build refused the
    /// identity translation of a post extract had accepted.
    public static func problems(in target: String, source: String) -> [TargetTextProblem] {
        let sourceScalars = Set(source.unicodeScalars.map(\.value))
        // A source that holds a shortcode opener as text (a front matter value) lets it through.
        let sourceHasOpener = source.contains("{{<") || source.contains("{{%")
        return problems(in: target).filter { problem in
            if case .shortcode = problem { return !sourceHasOpener }
            guard case .controlCharacter(let value, _) = problem else { return true }
            return !sourceScalars.contains(value)
        }
    }

    /// Everything unsafe in `target`, in text order.
    public static func problems(in target: String) -> [TargetTextProblem] {
        var problems: [TargetTextProblem] = []
        let bytes = Array(target.utf8)
        var offset = 0
        for scalar in target.unicodeScalars {
            let value = scalar.value
            if (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || value == 0x7F || (0x80...0x9F).contains(value) {
                problems.append(.controlCharacter(value, offset: offset))
            }
            offset += UTF8.width(scalar)
        }
        // `{{<` and `{{%`, except a shortcode comment (`{{</* … */>}}`), which Hugo writes out as text.
        for index in bytes.indices.dropLast(2) where bytes[index] == UInt8(ascii: "{") && bytes[index + 1] == UInt8(ascii: "{")
            && (bytes[index + 2] == UInt8(ascii: "<") || bytes[index + 2] == UInt8(ascii: "%")) {
            let rest = bytes[(index + 3)...].drop { $0 == 0x20 || $0 == 0x09 }
            if rest.starts(with: Array("/*".utf8)) { continue }
            problems.append(.shortcode(offset: index))
        }
        // Line by line, after the first line break (the first line continues the source's).
        var lineStart: Int? = nil
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            if let start = lineStart { check(line: bytes[start..<index], at: start, into: &problems) }
            lineStart = index + 1
        }
        // A last line that is empty only ends the sentence with a line break: the text after it
        // continues the line.
        if let start = lineStart, bytes[start...].contains(where: { ![0x20, 0x09, 0x0D].contains($0) }) {
            check(line: bytes[start...], at: start, into: &problems)
        }
        return problems.sorted { $0.offset < $1.offset }
    }

    private static func check(line: ArraySlice<UInt8>, at start: Int, into problems: inout [TargetTextProblem]) {
        let content = line.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        if content.isEmpty {
            problems.append(.blankLine(offset: start))
        } else if line.prefix { $0 == 0x20 }.count <= 3,
                  content.starts(with: Array("```".utf8)) || content.starts(with: Array("~~~".utf8)) {
            problems.append(.codeFence(offset: start))
        } else if line.prefix(while: { $0 == 0x20 }).count <= 3, let marker = blockMarker(String(decoding: content, as: UTF8.self)) {
            problems.append(.blockStart(marker, offset: start))
        }
    }

    /// The marker when `line` (without its indentation) begins a block that may interrupt a
    /// paragraph (CommonMark 0.31, §4.1–4.6, §5.1–5.3).
    private static func blockMarker(_ line: String) -> String? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        // ATX heading: 1–6 '#' then a space or the end of the line.
        let hashes = trimmed.prefix { $0 == "#" }.count
        if (1...6).contains(hashes), trimmed.count == hashes || trimmed.dropFirst(hashes).first == " " {
            return String(repeating: "#", count: hashes)
        }
        // Thematic break or setext underline: three or more of one of - * _ =, spaces between.
        let marks = trimmed.filter { $0 != " " && $0 != "\t" }
        if marks.count >= 3, let first = marks.first, "-*_=".contains(first), marks.allSatisfy({ $0 == first }) {
            return String(repeating: first, count: 3)
        }
        if trimmed.hasPrefix(">") { return ">" }
        // A bullet, or an ordered list starting at 1, with text after it.
        for bullet in ["- ", "* ", "+ ", "1. ", "1) "] where trimmed.hasPrefix(bullet) && trimmed.count > bullet.count {
            return String(bullet.dropLast())
        }
        // HTML blocks of kinds 1–6 (script, comment, processing instruction, declaration,
        // CDATA, and the block-level tags): any '<' followed by a letter, '!', '?' or '/'.
        if trimmed.hasPrefix("<"), let next = trimmed.dropFirst().first, next.isLetter || "!?/".contains(next) {
            return "<" + String(trimmed.dropFirst().prefix { $0.isLetter || "!?/".contains($0) })
        }
        return nil
    }

    /// UTF-8 offset in the target.
    public var offset: Int {
        switch self {
        case .controlCharacter(_, let offset), .blankLine(let offset), .codeFence(let offset), .blockStart(_, let offset), .shortcode(let offset): return offset
        }
    }

    public var description: String {
        switch self {
        case .controlCharacter(let value, let offset):
            let name = value == 0 ? "a NUL character" : "control character U+\(String(value, radix: 16, uppercase: true).leftPadded(to: 4))"
            return "the target holds \(name) (byte \(offset)); a post may not"
        case .blankLine(let offset):
            return "the target holds a blank line (byte \(offset)), which would end the paragraph; keep one sentence's text on its lines"
        case .codeFence(let offset):
            return "a line of the target starts a code fence (byte \(offset)), which would turn the rest of the post into code"
        case .blockStart(let marker, let offset):
            return "a line of the target starts with '\(marker)' (byte \(offset)), which Markdown reads as a new block (heading, rule, quote, list or HTML); join the line to the one before"
        case .shortcode(let offset):
            return "the target holds a Hugo shortcode opener (byte \(offset)), which Hugo would run (a shortcode it does not know stops the site); use the source's placeholders for its shortcodes, or write {{</* … */>}} to show one as text"
        }
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: Swift.max(0, width - count)) + self }
}
