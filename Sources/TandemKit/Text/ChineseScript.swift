/// The two scripts Chinese is written in, named by their ISO 15924 codes.
public enum ChineseScript: String, Codable, Sendable, CaseIterable {
    /// Simplified Chinese (mainland China, Singapore).
    case simplified = "Hans"
    /// Traditional Chinese (Taiwan, Hong Kong, Macau).
    case traditional = "Hant"

    /// How people call it: "Simplified" or "Traditional".
    public var name: String {
        switch self {
        case .simplified: return "Simplified"
        case .traditional: return "Traditional"
        }
    }
}
