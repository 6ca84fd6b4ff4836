/// A glossary term found in a segment's source, with what the translation must and must not
/// say: what a translator sees beside the sentence.
public struct SegmentTerm: Equatable, Sendable, Encodable {
    /// The term as written in the source.
    public var term: String
    /// UTF-8 offsets of the term in the source (for highlighting).
    public var start: Int
    public var end: Int
    /// `term`, `keep` or `forbidden`, as in the glossary.
    public var kind: String
    /// The target the translation must contain (nil for a forbidden entry).
    public var requiredTarget: String?
    /// Spellings the translation must not contain.
    public var forbiddenTargets: [String]
    /// The glossary's comment for translators.
    public var comment: String?

    public init(term: String, start: Int, end: Int, kind: String, requiredTarget: String?, forbiddenTargets: [String], comment: String?) {
        self.term = term
        self.start = start
        self.end = end
        self.kind = kind
        self.requiredTarget = requiredTarget
        self.forbiddenTargets = forbiddenTargets
        self.comment = comment
    }
}

extension SegmentTerm {
    /// Every glossary entry `matcher` finds in `source`, in order, one per entry.
    static func terms(in source: String, matcher: GlossaryMatcher) -> [SegmentTerm] {
        let bytes = Array(source.utf8)
        var seen = Set<Int>()
        var terms: [SegmentTerm] = []
        for match in matcher.matches(in: source) {
            for index in match.entryIndices where seen.insert(index).inserted {
                let entry = matcher.entries[index]
                terms.append(SegmentTerm(
                    term: String(decoding: bytes[match.range], as: UTF8.self),
                    start: match.range.lowerBound, end: match.range.upperBound, kind: entry.kind.rawValue,
                    requiredTarget: entry.requiredTarget, forbiddenTargets: entry.forbiddenTargets,
                    comment: entry.comment))
            }
        }
        return terms
    }
}
