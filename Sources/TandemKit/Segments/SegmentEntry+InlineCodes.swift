extension SegmentEntry {
    /// The segment's inline codes: from its `codes` table, or, in a hand-made file without one,
    /// from the source's placeholders (enough to judge a target's).
    public var inlineCodes: InlineCodeSet {
        codes.map(InlineCodeSet.init(codes:)) ?? InlineCodeSet(placeholdersOf: source)
    }
}
