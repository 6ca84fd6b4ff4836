/// The distinct normalized sources of one source locale, held in memory: a hash set that
/// answers "is there any exact match" without a query, and the fuzzy index over them.
struct MemoryKeyTable {
    let keys: [String]
    let ordinalOfKey: [String: Int32]
    let symbolizer: MatchSymbolizer
    let index: FuzzyIndex

    init(keys: [String]) {
        var symbolizer = MatchSymbolizer()
        var ordinalOfKey: [String: Int32] = [:]
        ordinalOfKey.reserveCapacity(keys.count)
        var sequences: [[UInt32]] = []
        sequences.reserveCapacity(keys.count)
        for (ordinal, key) in keys.enumerated() {
            ordinalOfKey[key] = Int32(ordinal)
            sequences.append(symbolizer.learnSymbols(of: key))
        }
        self.keys = keys
        self.ordinalOfKey = ordinalOfKey
        self.symbolizer = symbolizer
        self.index = FuzzyIndex(sequences: sequences, symbolSpace: symbolizer.symbolSpace)
    }
}
