/// Counts of what `Leverage.apply(to:)` did to a segment file.
public struct LeverageSummary: Equatable, Sendable, Codable {
    /// Targets filled from in-context (101%) matches.
    public var inContext = 0
    /// Targets filled from exact (100%) matches.
    public var exact = 0
    /// Segments given fuzzy candidates.
    public var fuzzy = 0
    /// Segments the memory had nothing for.
    public var none = 0

    public init() {}
}
