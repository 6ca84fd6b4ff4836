/// The bands of a CAT analysis, as Trados and memoQ quote them, best first: what a translator
/// is paid for each segment depends on its band.
public enum MatchBand: String, Codable, Sendable, CaseIterable {
    /// A later occurrence of a source already counted in the analysed set: translated once.
    case repetition = "repetitions"
    /// An exact match with the same neighbours (101%).
    case inContext = "101"
    /// An exact match (100%).
    case exact = "100"
    case fuzzy95 = "95-99"
    case fuzzy85 = "85-94"
    case fuzzy75 = "75-84"
    case fuzzy50 = "50-74"
    case noMatch = "no-match"

    /// The band of a memory match scored `score` (101 in context, 100 exact, else fuzzy).
    public init(score: Int) {
        switch score {
        case 101...: self = .inContext
        case 100: self = .exact
        case 95...99: self = .fuzzy95
        case 85...94: self = .fuzzy85
        case 75...84: self = .fuzzy75
        case 50...74: self = .fuzzy50
        default: self = .noMatch
        }
    }

    /// The lowest fuzzy score that still makes a band.
    public static let lowestFuzzyScore = 50

    /// How reports name it.
    public var label: String {
        switch self {
        case .repetition: return "Repetitions"
        case .inContext: return "In context (101%)"
        case .exact: return "100%"
        case .fuzzy95: return "95–99%"
        case .fuzzy85: return "85–94%"
        case .fuzzy75: return "75–84%"
        case .fuzzy50: return "50–74%"
        case .noMatch: return "No match"
        }
    }
}
