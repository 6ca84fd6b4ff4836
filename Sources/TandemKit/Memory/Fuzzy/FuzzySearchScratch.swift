/// Working memory for `FuzzyIndex.search`, reused across queries so a search allocates nothing
/// per candidate. One per thread.
public struct FuzzySearchScratch {
    struct GramRun {
        var lower: Int
        var upper: Int
        var count: Int
    }

    /// Shared bigrams per key id; zero again after each search (only the touched ones are reset).
    var counters = ZeroFilledCounters(count: 0)
    var touched: [UInt32] = []
    var queryGrams: [UInt64] = []
    var gramRuns: [GramRun] = []
    var editDistance = BitParallelEditDistance(symbolSpace: 0)

    public init() {}

    mutating func prepare(query: [UInt32], symbolSpace: Int, entries: Int) {
        if counters.count < entries { counters = ZeroFilledCounters(count: entries) }
        if editDistance.symbolSpaceCount < symbolSpace { editDistance = BitParallelEditDistance(symbolSpace: symbolSpace) }
        editDistance.prepare(pattern: query)
    }
}
