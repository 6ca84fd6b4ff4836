/// What makes a target's text unsafe to splice into a post whatever its placeholders: a
/// sentence replaces a sentence inside a paragraph, heading, table cell or front-matter value,
/// so it may not carry a NUL or another control character, end the block with a blank line, or
/// open a code fence. Build refuses such a target and lint reports it (`problems(in:)` is the
/// one judgement both use), so `build` never writes a post the source did not have the shape of.
public enum TargetTextProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// A control character other than tab, line feed and carriage return (NUL included), at a
    /// UTF-8 offset.
    case controlCharacter(UInt32, offset: Int)
    /// An empty (or blank) line, which would end the paragraph the sentence belongs to.
    case blankLine(offset: Int)
    /// A line starting with ``` or ~~~, which would open a code block swallowing the rest.
    case codeFence(offset: Int)

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
        }
    }

    /// UTF-8 offset in the target.
    public var offset: Int {
        switch self {
        case .controlCharacter(_, let offset), .blankLine(let offset), .codeFence(let offset): return offset
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
        }
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: Swift.max(0, width - count)) + self }
}
