import Foundation

/// A top-level entry of YAML or TOML front matter as written: the key's line and every line up
/// to the next entry (a block value, its comments), or for TOML a `[table]` (or `[[table]]`)
/// section and its lines, grouped under the table's first key. What `tandem align` keeps of a
/// translated page's own front matter, and what `build` replaces with it.
public struct FrontMatterEntry: Equatable, Sendable {
    public var key: String
    /// The byte ranges in the file, in order: one, or for a TOML table written in several
    /// sections (`[params]` … `[params.author]`), one per section.
    public var ranges: [Range<Int>]
    /// Whether it is a TOML table section (written after every plain key).
    public var isTable: Bool

    /// The entry's text in `bytes`, line breaks as LF.
    public func text(in bytes: [UInt8]) -> String {
        let joined = ranges.map { String(decoding: bytes[$0], as: UTF8.self) }.joined()
        return joined.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// The entry's text without the blank lines and trailing blanks after it, ending in one LF:
    /// what `OwnFrontMatter` keeps, and how two entries are compared (a blank line between
    /// entries is no part of a value).
    public func keptText(in bytes: [UInt8]) -> String {
        var text = Substring(text(in: bytes))
        while let last = text.last, last == "\n" || last == " " || last == "\t" { text.removeLast() }
        return text + "\n"
    }
}

extension Array where Element == FrontMatterEntry {
    /// The entry of `key` (a TOML table's when `isTable`): its exact spelling first, else in any
    /// case, as Hugo reads keys.
    func named(_ key: String, isTable: Bool) -> FrontMatterEntry? {
        first { $0.key == key && $0.isTable == isTable } ?? first { $0.key.lowercased() == key.lowercased() && $0.isTable == isTable }
    }
}
