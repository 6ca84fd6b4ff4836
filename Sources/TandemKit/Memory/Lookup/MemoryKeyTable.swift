/// The distinct normalized sources of one source locale, held in memory: a hash set that
/// answers "is there any exact match" without a query, and the fuzzy index over them.
struct MemoryKeyTable {
    let keys: [String]
    let ordinals: KeyOrdinals
    let symbolizer: MatchSymbolizer
    let index: FuzzyIndex

    /// The distinct keys in `ordinals`.
    init(_ ordinals: KeyOrdinals) {
        let keys = ordinals.keys
        var symbolizer = MatchSymbolizer()
        var sequences: [[UInt32]] = []
        sequences.reserveCapacity(keys.count)
        for key in keys { sequences.append(symbolizer.learnSymbols(of: key)) }
        self.keys = keys
        self.ordinals = ordinals
        self.symbolizer = symbolizer
        self.index = FuzzyIndex(sequences: sequences, symbolSpace: symbolizer.symbolSpace)
    }
}
