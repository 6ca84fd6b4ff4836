/// A glossary term found in a segment's source, recorded so translators see it.
public struct TermNote: Codable, Equatable, Sendable {
    /// The term as it appears in the source.
    public var term: String
    /// The required target (equal to `term` for keep-terms).
    public var target: String
    /// `term`, `keep` or `forbidden`, as in the glossary.
    public var kind: String
    /// The glossary's comment for translators (why this target, what the term is).
    public var comment: String?
    /// Target spellings the translation must not contain (the entry's forbidden variants).
    public var forbidden: [String]?

    public init(term: String, target: String, kind: String, comment: String? = nil, forbidden: [String]? = nil) {
        self.term = term
        self.target = target
        self.kind = kind
        self.comment = comment
        self.forbidden = forbidden
    }
}
