/// Measures a fuzzy hit again from the two keys' text, independently of the index that found
/// it: a mapped index file's contents are not checksummed (see `FlatImage`), so a hit's
/// similarity is trusted only once recomputed here. A damaged file can then make a lookup miss
/// a match, but never offer one with a wrong score. Costs one small edit distance per hit.
struct FuzzyHitCheck {
    private var symbolizer = MatchSymbolizer()
    private let query: [UInt32]
    private var previousRow: [Int] = []
    private var row: [Int] = []

    init(queryKey: String) {
        query = symbolizer.learnSymbols(of: queryKey)
    }

    /// ⌊100 · (1 − distance / length)⌋ between the query and `key` (Levenshtein over symbols).
    mutating func similarity(of key: String) -> Int {
        let candidate = symbolizer.learnSymbols(of: key)
        let length = max(query.count, candidate.count)
        if length == 0 { return 100 }
        if query.isEmpty || candidate.isEmpty { return 0 }
        previousRow = Array(0...candidate.count)
        row = previousRow
        for i in 1...query.count {
            row[0] = i
            for j in 1...candidate.count {
                let substitution = previousRow[j - 1] + (query[i - 1] == candidate[j - 1] ? 0 : 1)
                row[j] = min(substitution, previousRow[j] + 1, row[j - 1] + 1)
            }
            swap(&previousRow, &row)
        }
        let distance = previousRow[candidate.count]
        return (100 * (length - distance)) / length
    }
}
