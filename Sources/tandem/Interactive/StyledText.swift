import TandemKit

/// A line of screen text in runs of one style each: drawn with ANSI attributes, or plain when
/// colour is off (then the styles that carry meaning, a diff's removed and added text, are
/// written with `[-…-]`/`{+…+}` markers by whoever builds the text).
struct StyledText {
    enum Style {
        case plain, dim, bold, heading, term, placeholder, removed, added, error, warning

        var ansi: String {
            switch self {
            case .plain: return ""
            case .dim: return "\u{1B}[2m"
            case .bold: return "\u{1B}[1m"
            case .heading: return "\u{1B}[7m"
            case .term: return "\u{1B}[4;33m"
            case .placeholder: return "\u{1B}[36m"
            case .removed: return "\u{1B}[9;31m"
            case .added: return "\u{1B}[4;32m"
            case .error: return "\u{1B}[1;31m"
            case .warning: return "\u{1B}[33m"
            }
        }
    }

    struct Run {
        var text: String
        var style: Style
    }

    var runs: [Run] = []

    init(_ text: String = "", _ style: Style = .plain) {
        if !text.isEmpty { runs = [Run(text: text, style: style)] }
    }

    var plain: String { runs.map(\.text).joined() }

    var width: Int { DisplayWidth.of(plain) }

    mutating func append(_ text: String, _ style: Style = .plain) {
        guard !text.isEmpty else { return }
        if let last = runs.last, last.style == style {
            runs[runs.count - 1].text += text
        } else {
            runs.append(Run(text: text, style: style))
        }
    }

    mutating func append(_ other: StyledText) {
        for run in other.runs { append(run.text, run.style) }
    }

    static func + (lhs: StyledText, rhs: StyledText) -> StyledText {
        var result = lhs
        result.append(rhs)
        return result
    }

    /// The text cut into lines of at most `width` columns (at line-break opportunities), each
    /// after the first starting with `indent` spaces.
    func wrapped(width: Int, indent: Int = 0, breaker: DisplayLineBreaker) -> [StyledText] {
        let bytes = Array(plain.utf8)
        let firstWidth = width
        // Never inside a placeholder's label (`⟨1 link⟩`, `⟨/1⟩`): the breaks are found in a copy
        // whose label spaces and slashes are `_`, one byte and one column as they are, and no
        // break (ICU breaks after a `/`: `⟨/` ‖ `1⟩` in review, a helper's finding).
        var unbroken = bytes
        var offset = 0
        for run in runs {
            let count = run.text.utf8.count
            if run.style == .placeholder {
                for index in offset..<(offset + count) where unbroken[index] == 0x20 || unbroken[index] == UInt8(ascii: "/") { unbroken[index] = UInt8(ascii: "_") }
            }
            offset += count
        }
        // Wrap at the narrower width so every line fits after its indent.
        let ranges = breaker.lines(of: String(decoding: unbroken, as: UTF8.self), width: max(firstWidth - indent, 10))
        return ranges.enumerated().map { number, range in
            var line = StyledText(number == 0 ? "" : String(repeating: " ", count: indent))
            line.append(slice(range, of: bytes))
            return line
        }
    }

    /// The runs covering UTF-8 `range` of the plain text.
    private func slice(_ range: Range<Int>, of bytes: [UInt8]) -> StyledText {
        var result = StyledText()
        var offset = 0
        for run in runs {
            let count = run.text.utf8.count
            let lower = max(range.lowerBound, offset), upper = min(range.upperBound, offset + count)
            if lower < upper { result.append(String(decoding: bytes[lower..<upper], as: UTF8.self), run.style) }
            offset += count
        }
        return result
    }

    /// The text cut to at most `width` columns, with `…` when cut.
    func truncated(to width: Int) -> StyledText {
        guard self.width > width else { return self }
        var result = StyledText()
        var used = 0
        for run in runs {
            var kept = ""
            for character in run.text {
                let size = DisplayWidth.of(character)
                if used + size > width - 1 { break }
                kept.append(character)
                used += size
            }
            result.append(kept, run.style)
            if used >= width - 1 || kept.count < run.text.count { break }
        }
        result.append("…", .dim)
        return result
    }

    /// The line as the terminal draws it.
    func rendered(colour: Bool) -> String {
        guard colour else { return plain }
        return runs.map { $0.style == .plain ? $0.text : $0.style.ansi + $0.text + "\u{1B}[0m" }.joined()
    }
}
