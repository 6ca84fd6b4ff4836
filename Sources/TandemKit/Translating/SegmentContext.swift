/// Everything a translator needs beside one segment: where it is, the sentences around it, its
/// glossary terms and what the memory offers.
public struct SegmentContext: Equatable, Sendable, Encodable {
    public var reference: SegmentReference
    public var segment: SegmentEntry
    /// 1-based position of the segment in its file, and how many segments the file has.
    public var position: Int
    public var count: Int
    /// The sentence before (nil at the start of the post), with its translation when it has one.
    public var previous: SegmentEntry?
    /// The sentence after (nil at the end of the post).
    public var next: SegmentEntry?
    /// Glossary terms of the source, in order.
    public var terms: [SegmentTerm]
    /// Memory matches, best first: the memory's answer now, then those the segment file keeps.
    public var candidates: [MatchCandidate]

    public init(
        reference: SegmentReference, segment: SegmentEntry, position: Int, count: Int,
        previous: SegmentEntry?, next: SegmentEntry?, terms: [SegmentTerm], candidates: [MatchCandidate]
    ) {
        self.reference = reference
        self.segment = segment
        self.position = position
        self.count = count
        self.previous = previous
        self.next = next
        self.terms = terms
        self.candidates = candidates
    }

    /// The segment's inline codes (what a target must keep).
    public var codes: InlineCodeSet { segment.inlineCodes }

    /// The placeholders of the source a target does not hold yet, in the order the source has
    /// them: what a placeholder key inserts next.
    public func missingPlaceholders(in target: String) -> [Placeholder] {
        let present = Set(CodedText(target).placeholders)
        return CodedText(segment.source).placeholders.filter { !present.contains($0) }
    }

    private enum CodingKeys: String, CodingKey {
        case reference, segment, position, count, previous, next, terms, candidates
    }
}
