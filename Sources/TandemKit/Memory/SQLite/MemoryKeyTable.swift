/// The distinct normalized sources of one source locale, held in memory: a hash set that
/// answers "is there any exact match" without a query, and the fuzzy index over them.
struct MemoryKeyTable {
    let keys: [String]
    let ordinalOfKey: [String: Int32]
    let symbolizer: MatchSymbolizer
    let index: FuzzyIndex

    /// `keys` (distinct) and the position of each.
    init(keys: [String], ordinalOfKey: [String: Int32]) {
        var symbolizer = MatchSymbolizer()
        var sequences: [[UInt32]] = []
        sequences.reserveCapacity(keys.count)
        for key in keys { sequences.append(symbolizer.learnSymbols(of: key)) }
        self.keys = keys
        self.ordinalOfKey = ordinalOfKey
        self.symbolizer = symbolizer
        self.index = FuzzyIndex(sequences: sequences, symbolSpace: symbolizer.symbolSpace)
    }
}
