/// What a memory holds.
public struct MemoryStatistics: Equatable, Sendable, Codable {
    /// Units per locale pair.
    public struct Pair: Equatable, Sendable, Codable {
        public var sourceLocale: String
        public var targetLocale: String
        public var units: Int
        public init(sourceLocale: String, targetLocale: String, units: Int) {
            self.sourceLocale = sourceLocale
            self.targetLocale = targetLocale
            self.units = units
        }
    }

    public var units: Int
    /// Distinct normalized sources, over every locale pair.
    public var distinctSources: Int
    public var pairs: [Pair]

    public init(units: Int, distinctSources: Int, pairs: [Pair]) {
        self.units = units
        self.distinctSources = distinctSources
        self.pairs = pairs
    }
}
