/// A column of a TSV or CSV term base, as named in its header line.
enum GlossaryColumn: String, CaseIterable {
    case source, target, comment, type, forbidden, caseSensitive = "case", partOfSpeech = "pos", note
    /// `Hans` or `Hant`: the entry matches only text in that Chinese script (empty: both).
    case script
    case notPrecededBy, notFollowedBy

    /// OmegaT's three columns, assumed when a file has no header.
    static let omegaT: [GlossaryColumn] = [.source, .target, .comment]

    /// Every column, in the order Tandem writes them.
    static let full: [GlossaryColumn] = [
        .source, .target, .comment, .type, .forbidden, .caseSensitive, .partOfSpeech, .note, .notPrecededBy, .notFollowedBy,
    ]

    /// The columns Tandem writes for `entries`: `full`, and `script` when an entry has one.
    static func full(for entries: [GlossaryEntry]) -> [GlossaryColumn] {
        entries.contains { $0.script != nil } ? full + [.script] : full
    }

    /// Reads a header cell; several spellings are accepted.
    init?(header: String) {
        switch header.trimmingCharacters(in: .whitespaces).lowercased() {
        case "source", "source term", "term": self = .source
        case "target", "target term", "translation": self = .target
        case "comment", "comments": self = .comment
        case "type", "kind": self = .type
        case "forbidden", "forbidden variants", "forbidden-variants": self = .forbidden
        case "case", "case-sensitive", "case sensitive", "casesensitive": self = .caseSensitive
        case "pos", "part of speech", "part-of-speech", "partofspeech": self = .partOfSpeech
        case "note", "notes": self = .note
        case "script": self = .script
        case "notprecededby", "not-preceded-by", "not preceded by": self = .notPrecededBy
        case "notfollowedby", "not-followed-by", "not followed by": self = .notFollowedBy
        default: return nil
        }
    }

    /// Separates forbidden variants (and `notPrecededBy`/`notFollowedBy` contexts) inside one cell.
    static let variantSeparator: Character = "|"
}
