/// A `FuzzyIndex` being made one sequence at a time: the symbols are kept in the order they
/// come and each sequence's bigrams are counted as it is added, so a caller that has its
/// sequences over a while (an import, batch by batch) does that share of the work then;
/// `appendSections(to:)` lays out the rest (length order, the postings).
///
/// The postings need two passes over the bigrams, a count and a fill: their layout is only
/// known once every sequence is counted. The count is here, per sequence; the fill, in id
/// order so each bigram's postings come out sorted, is in `appendSections`.
struct FuzzyIndexBuild {
    /// Symbols of every sequence, in the order added (entry order).
    private var symbols: [UInt32] = []
    /// Start of each entry's symbols; `count + 1` entries.
    private var starts: [UInt32] = [0]
    private var maxLength = 0
    /// Postings per bigram (counted as sequences come, then where each posting goes).
    private let grams: GramPostingTable
    private var gramScratch: [UInt64] = []

    init() { grams = GramPostingTable(capacity: 1 << 10) }

    /// A build sized for about `expectedSequences` sentences (about as many distinct bigrams:
    /// 1.19 million over the benchmark's million Chinese sentences; fewer per sentence in larger
    /// memories, so the guess stops at two million and the table grows past it as needed).
    init(expectedSequences: Int) {
        grams = GramPostingTable(capacity: min(max(1 << 10, expectedSequences + expectedSequences / 4), 1 << 21))
    }

    /// Number of sequences added.
    var count: Int { starts.count - 1 }

    /// Adds the next sequence (entry `count`).
    mutating func add(_ sequence: [UInt32]) {
        precondition(count < 1 << 29, "the index holds fewer than 2^29 sequences")
        let from = symbols.count
        symbols.append(contentsOf: sequence)
        precondition(symbols.count <= Int(UInt32.max), "the index holds fewer than 2^32 symbols")
        starts.append(UInt32(symbols.count))
        maxLength = max(maxLength, sequence.count)
        let grams = grams
        symbols.withUnsafeBufferPointer { symbols in
            Self.forEachDistinctGram(symbols, from: from, to: symbols.count, scratch: &gramScratch) { gram, _ in
                grams.countPosting(of: gram)
            }
        }
    }

    /// Appends the index as `FuzzyIndex.sectionCount` sections (the layout `FuzzyIndex` reads)
    /// and empties the build.
    mutating func appendSections(to sink: inout some FlatImageSink) {
        // Ids in length order (stable), so a length band is an id range.
        var lengthCounts = [UInt32](repeating: 0, count: maxLength + 2)
        for entry in 0..<count { lengthCounts[Int(starts[entry + 1] - starts[entry]) + 1] += 1 }
        for length in 1..<lengthCounts.count { lengthCounts[length] += lengthCounts[length - 1] }
        let firstIdOfLength = lengthCounts
        var next = lengthCounts
        var entryOfId = [UInt32](repeating: 0, count: count)
        for entry in 0..<count {
            let length = Int(starts[entry + 1] - starts[entry])
            entryOfId[Int(next[length])] = UInt32(entry)
            next[length] += 1
        }
        var idSymbols: [UInt32] = []
        idSymbols.reserveCapacity(symbols.count)
        var idStarts: [UInt32] = [0]
        idStarts.reserveCapacity(count + 1)
        symbols.withUnsafeBufferPointer { symbols in
            for entry in entryOfId {
                idSymbols.append(contentsOf: UnsafeBufferPointer(rebasing: symbols[Int(starts[Int(entry)])..<Int(starts[Int(entry) + 1])]))
                idStarts.append(UInt32(idSymbols.count))
            }
        }
        symbols = []
        starts = [0]
        sink.append(firstIdOfLength)
        sink.append(idStarts)
        sink.append(idSymbols)
        sink.append(entryOfId)

        // Grams in order, so a query finds its grams by binary search.
        let (sortedGrams, gramStarts) = grams.layOut()
        sink.append(sortedGrams)
        sink.append(gramStarts)
        var postings = [UInt32](repeating: 0, count: Int(gramStarts.last ?? 0))
        let grams = grams
        idSymbols.withUnsafeBufferPointer { symbols in
            idStarts.withUnsafeBufferPointer { starts in
                postings.withUnsafeMutableBufferPointer { postings in
                    for id in 0..<entryOfId.count {
                        Self.forEachDistinctGram(symbols, from: Int(starts[id]), to: Int(starts[id + 1]), scratch: &gramScratch) { gram, count in
                            postings[grams.takePosition(of: gram)] = UInt32(id) << 3 | UInt32(min(count, 7))
                        }
                    }
                }
            }
        }
        sink.append(postings)
        maxLength = 0
    }

    /// Calls `body` with each distinct bigram of `symbols[from..<to]` and how often it occurs.
    @inline(__always)
    private static func forEachDistinctGram(
        _ symbols: UnsafeBufferPointer<UInt32>, from: Int, to: Int, scratch grams: inout [UInt64], _ body: (UInt64, Int) -> Void
    ) {
        grams.removeAll(keepingCapacity: true)
        if to - from < 2 { return }
        for i in from..<(to - 1) { grams.append(UInt64(symbols[i]) << 32 | UInt64(symbols[i + 1])) }
        grams.withUnsafeMutableBufferPointer { grams in
            // Most keys are sentences of a few dozen symbols: an insertion sort beats the
            // library's merge sort, which allocates, on these.
            if grams.count <= 48 {
                for i in 1..<grams.count {
                    let value = grams[i]
                    var j = i
                    while j > 0 && grams[j - 1] > value {
                        grams[j] = grams[j - 1]
                        j -= 1
                    }
                    grams[j] = value
                }
            } else {
                grams.sort()
            }
            var i = 0
            while i < grams.count {
                var j = i + 1
                while j < grams.count, grams[j] == grams[i] { j += 1 }
                body(grams[i], j - i)
                i = j
            }
        }
    }
}
