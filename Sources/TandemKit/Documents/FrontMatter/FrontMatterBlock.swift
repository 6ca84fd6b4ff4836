/// Where a Hugo front matter block sits in a file, found from its delimiters alone.
///
/// Hugo recognizes YAML between `---` lines, TOML between `+++` lines and a JSON object
/// starting the file. This finds the block's byte range without decoding it.
public struct FrontMatterBlock: Equatable, Sendable {
    /// The syntax of a front matter block.
    public enum Syntax: String, Sendable, Codable { case yaml, toml, json }

    public var syntax: Syntax
    /// The whole block, delimiters and the newline after the closing one included.
    public var range: Range<Int>
    /// The content between the delimiter lines.
    public var contentRange: Range<Int>

    /// Finds the block at the start of `utf8` (after an optional BOM), or `nil` when the file
    /// has none. An opening delimiter without a closing one is not front matter here;
    /// `unclosedOpening(in:)` tells that case apart (Hugo refuses such a file).
    public static func locate(in utf8: [UInt8]) -> FrontMatterBlock? {
        if case .block(let block) = scan(utf8) { return block }
        return nil
    }

    /// The syntax of a front matter block that `utf8` opens and never closes: a first line
    /// `---` or `+++` with no matching line after it, or a JSON object whose braces never
    /// balance. Hugo stops the whole site on such a file ("EOF looking for end … delimiter"),
    /// so Tandem refuses it rather than translating the metadata as body text.
    public static func unclosedOpening(in utf8: [UInt8]) -> Syntax? {
        if case .unclosed(let syntax) = scan(utf8) { return syntax }
        return nil
    }

    private enum ScanResult { case none, block(FrontMatterBlock), unclosed(Syntax) }

    private static func scan(_ utf8: [UInt8]) -> ScanResult {
        var start = 0
        // Byte order marks, one or more (a file saved twice by a Windows editor has two,
        // and Hugo still reads its front matter).
        while utf8[start...].starts(with: [0xEF, 0xBB, 0xBF]) { start += 3 }
        guard let first = LineTable.line(in: utf8, startingAt: start) else { return .none }
        let firstText = Array(utf8[first.content])
        let syntax: Syntax
        switch firstText {
        case Array("---".utf8): syntax = .yaml
        case Array("+++".utf8): syntax = .toml
        default:
            // JSON front matter is an object: "{" then a key or "}" (not "{{<", a shortcode).
            if firstText.first == UInt8(ascii: "{"),
               let next = firstText.dropFirst().first(where: { $0 != 0x20 && $0 != 0x09 }) ?? (utf8.count > first.full.upperBound ? utf8[first.full.upperBound...].first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) : nil),
               next == UInt8(ascii: "\"") || next == UInt8(ascii: "}") {
                return locateJSON(in: utf8, from: start).map(ScanResult.block) ?? .unclosed(.json)
            }
            return .none
        }
        var lineStart = first.full.upperBound
        while let line = LineTable.line(in: utf8, startingAt: lineStart) {
            if utf8[line.content].elementsEqual(firstText) {
                return .block(FrontMatterBlock(syntax: syntax, range: start..<line.full.upperBound,
                                               contentRange: first.full.upperBound..<line.full.lowerBound))
            }
            lineStart = line.full.upperBound
        }
        return .unclosed(syntax)
    }

    /// A JSON object: ends at the brace that balances the first one (strings respected).
    private static func locateJSON(in utf8: [UInt8], from start: Int) -> FrontMatterBlock? {
        var depth = 0
        var inString = false
        var escaped = false
        var index = start
        while index < utf8.count {
            let byte = utf8[index]
            if inString {
                if escaped { escaped = false }
                else if byte == UInt8(ascii: "\\") { escaped = true }
                else if byte == UInt8(ascii: "\"") { inString = false }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == UInt8(ascii: "{") {
                depth += 1
            } else if byte == UInt8(ascii: "}") {
                depth -= 1
                if depth == 0 {
                    var end = index + 1
                    if end < utf8.count, utf8[end] == 0x0D { end += 1 }
                    if end < utf8.count, utf8[end] == 0x0A { end += 1 }
                    return FrontMatterBlock(syntax: .json, range: start..<end, contentRange: start..<(index + 1))
                }
            }
            index += 1
        }
        return nil
    }
}
