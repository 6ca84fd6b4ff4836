/// A glossary term found in a segment's source, recorded so translators see it.
public struct TermNote: Codable, Equatable, Sendable {
    /// The term as it appears in the source.
    public var term: String
    /// The required target (equal to `term` for keep-terms).
    public var target: String
    /// `term`, `keep` or `forbidden`, as in the glossary.
    public var kind: String

    public init(term: String, target: String, kind: String) {
        self.term = term
        self.target = target
        self.kind = kind
    }
}
