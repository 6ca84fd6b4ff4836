/// Where a glossary term written in Han or kana may begin and end.
public enum TermEdgeRule: Sendable {
    /// Anywhere: a CJK term matches wherever its characters occur (阿里 in 阿里山). What the
    /// matcher did before word edges; kept to measure the rule against.
    case anywhere
    /// Not inside a longer word: ICU's dictionary word breaks, the name-dot rule and the
    /// entries' `notPrecededBy`/`notFollowedBy` decide (see `TermWordEdges`).
    case wordEdges
}
