/// A unit found for a query, with how well it matched.
public struct MemoryMatch: Equatable, Sendable {
    public var unit: MemoryUnit
    /// 101 in context, 100 exact, otherwise the fuzzy score after penalties (0–99).
    public var score: Int
    public var kind: MatchKind

    public init(unit: MemoryUnit, score: Int, kind: MatchKind) {
        self.unit = unit
        self.score = score
        self.kind = kind
    }

    /// The form a segment file keeps (`candidates`), with the diff from the stored source to
    /// `segmentSource`, the sentence the match was found for.
    public func candidate(for segmentSource: String) -> MatchCandidate {
        MatchCandidate(
            score: score, source: unit.source, target: unit.target, origin: unit.originDescription,
            diff: unit.source == segmentSource ? nil : CharacterDiff.plain(from: unit.source, to: segmentSource))
    }
}
