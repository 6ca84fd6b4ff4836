/// How a memory unit matched a query, best first.
public enum MatchKind: String, Codable, Sendable, Comparable {
    /// Same normalized source and the same neighbours (scored 101).
    case inContext = "in-context"
    /// Same normalized source (scored 100).
    case exact
    /// Similar source (scored below 100).
    case fuzzy

    private var rank: Int {
        switch self {
        case .inContext: return 0
        case .exact: return 1
        case .fuzzy: return 2
        }
    }

    public static func < (lhs: MatchKind, rhs: MatchKind) -> Bool { lhs.rank < rhs.rank }
}
