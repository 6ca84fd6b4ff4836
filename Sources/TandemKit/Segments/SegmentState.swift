/// How far a segment's translation has come, in the order a translation moves through.
public enum SegmentState: String, Codable, Sendable, CaseIterable, Comparable {
    /// No target yet.
    case new
    /// A target that needs checking: the source changed since it was translated, or it came
    /// from a fuzzy TM match.
    case fuzzy
    /// Translated (by a person, an exact TM match or an import).
    case translated
    /// Checked by a second person.
    case reviewed
    /// Signed off: the last state a translation reaches. Like every translated state, never
    /// replaced by `extract` or `pseudo`.
    case final

    /// Whether the target may be published.
    public var isTranslated: Bool { self >= .translated }

    public static func < (lhs: SegmentState, rhs: SegmentState) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
