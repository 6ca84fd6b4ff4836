/// An in-memory index over symbol sequences that finds every sequence within a similarity
/// threshold of a query: the same set comparing the query with each one would find.
///
/// Candidate search, cheapest test first, each one a bound that can only rule out sequences
/// that cannot reach the threshold:
/// 1. Length band: sequences are stored by length, so the lengths that can reach the threshold
///    are one contiguous id range.
/// 2. Q-gram count lemma (q = 2): sequences at edit distance d from a query of length m share at
///    least max(m, n) − 1 − 2d symbol bigrams with it. Posting lists of bigrams are read rarest
///    first; once the bigrams not yet read could not lift an unseen sequence to that bound, no
///    further list is read and only sequences already seen stay candidates.
/// 3. Bit-parallel edit distance with an early exit at the largest allowed distance.
///
/// Storage is flat: all symbols in one `UInt32` array, and one `UInt32` array of postings
/// (`id << 3 | count`, count saturating at 7 which is then read as "any"), laid out as sections
/// of a `FlatImage`, so the same index is searched in memory or in a mapped file
/// (`MemoryIndexSegment`). Immutable and `@unchecked Sendable`: its buffers are never written
/// after the build, and `storage` keeps them alive.
public struct FuzzyIndex: @unchecked Sendable {
    /// One sequence within the threshold.
    public struct Hit: Equatable, Sendable {
        /// The position of the sequence in the array the index was built from.
        public var entry: Int
        public var distance: Int
        /// max(query length, sequence length): the denominator of the similarity.
        public var length: Int
        /// ⌊100 · (1 − distance / length)⌋.
        public var similarity: Int { length == 0 ? 100 : (100 * (length - distance)) / length }
    }

    /// Symbols of every sequence, in id (length) order.
    private let symbols: UnsafeBufferPointer<UInt32>
    /// Start of each id's symbols in `symbols`; `count + 1` entries.
    private let starts: UnsafeBufferPointer<UInt32>
    /// Id → position in the caller's array.
    private let entryOfId: UnsafeBufferPointer<UInt32>
    /// First id of each length; `maxLength + 2` entries.
    private let firstIdOfLength: UnsafeBufferPointer<UInt32>
    /// Sorted distinct bigrams and where their postings start (`gramKeys.count + 1` entries).
    private let gramKeys: UnsafeBufferPointer<UInt64>
    private let gramStarts: UnsafeBufferPointer<UInt32>
    private let postings: UnsafeBufferPointer<UInt32>
    /// What the buffers point into: a copy in memory, or a mapped index file.
    private let storage: IndexStorage
    /// Symbols are below this value (the edit distance tables are this large).
    public let symbolSpace: Int

    /// The number of image sections an index takes (`appendSections`).
    static let sectionCount = 7

    /// Number of sequences.
    public var count: Int { entryOfId.count }

    /// Bytes held by the index's arrays.
    public var memoryFootprint: Int {
        symbols.count * 4 + starts.count * 4 + entryOfId.count * 4 + firstIdOfLength.count * 4
            + gramKeys.count * 8 + gramStarts.count * 4 + postings.count * 4
    }

    /// Indexes `sequences` (each a list of symbols below `symbolSpace`).
    public init(sequences: [[UInt32]], symbolSpace: Int) {
        var builder = FlatImageBuilder()
        Self.appendSections(of: sequences, to: &builder)
        let image = FlatImage(IndexStorage(copying: builder.image(fields: [])))!
        self.init(image: image, firstSection: 0, symbolSpace: symbolSpace)!
    }

    /// The index laid out in `image` from section `firstSection` on (by `appendSections`); nil
    /// when those sections do not hold a consistent index (a damaged file).
    init?(image: FlatImage, firstSection: Int, symbolSpace: Int) {
        guard let firstIdOfLength = image.section(firstSection, as: UInt32.self),
              let starts = image.section(firstSection + 1, as: UInt32.self),
              let symbols = image.section(firstSection + 2, as: UInt32.self),
              let entryOfId = image.section(firstSection + 3, as: UInt32.self),
              let gramKeys = image.section(firstSection + 4, as: UInt64.self),
              let gramStarts = image.section(firstSection + 5, as: UInt32.self),
              let postings = image.section(firstSection + 6, as: UInt32.self)
        else { return nil }
        // The bounds a search relies on (checked once here, not per read).
        guard firstIdOfLength.count >= 2, starts.count == entryOfId.count + 1, gramStarts.count == gramKeys.count + 1,
              Int(firstIdOfLength[firstIdOfLength.count - 1]) == entryOfId.count,
              Int(starts[starts.count - 1]) == symbols.count, Int(gramStarts[gramStarts.count - 1]) == postings.count
        else { return nil }
        // The rest is not read here (that would read the whole file): a search clamps every
        // offset and id it reads from the buffers, so damaged contents cannot make it read
        // outside them; a symbol outside `symbolSpace` matches nothing.
        self.firstIdOfLength = firstIdOfLength
        self.starts = starts
        self.symbols = symbols
        self.entryOfId = entryOfId
        self.gramKeys = gramKeys
        self.gramStarts = gramStarts
        self.postings = postings
        self.storage = image.storage
        self.symbolSpace = symbolSpace
    }

    /// Appends the index of `sequences` to `sink` as `sectionCount` sections.
    static func appendSections(of sequences: [[UInt32]], to sink: inout some FlatImageSink) {
        var build = FuzzyIndexBuild()
        for sequence in sequences { build.add(sequence) }
        build.appendSections(to: &sink)
    }

    /// The largest edit distance a pair of length `length` may have and still score `minimum`.
    @inline(__always)
    static func allowedDistance(_ length: Int, minimum: Int) -> Int { length * (100 - minimum) / 100 }

    /// The symbols of the sequence at position `entry` of the original array (for tests and diffs).
    public func sequence(ofId id: Int) -> [UInt32] { Array(symbols[Int(starts[id])..<Int(starts[id + 1])]) }

    /// Every sequence whose similarity to `query` is at least `minimum` (1…100), unordered.
    public func search(_ query: [UInt32], minimum: Int, scratch: inout FuzzySearchScratch) -> [Hit] {
        precondition((1...100).contains(minimum), "minimum similarity is 1…100")
        let m = query.count
        guard m > 0, count > 0 else { return [] }
        let maxStored = firstIdOfLength.count - 2
        // Length band: shorter ones lose at least m − n symbols; longer ones n − m.
        let lowLength = max(0, m - Self.allowedDistance(m, minimum: minimum))
        var highLength = m
        while highLength + 1 <= maxStored, highLength + 1 - m <= Self.allowedDistance(highLength + 1, minimum: minimum) {
            highLength += 1
        }
        guard lowLength <= maxStored else { return [] }
        let idLow = Int(firstIdOfLength[lowLength])
        let idHigh = min(Int(firstIdOfLength[min(highLength, maxStored) + 1]), count)
        guard idLow < idHigh else { return [] }

        func required(_ n: Int) -> Int {
            let length = max(m, n)
            return length - 1 - 2 * Self.allowedDistance(length, minimum: minimum)
        }
        var leastRequired = Int.max
        for n in lowLength...max(lowLength, min(highLength, maxStored)) { leastRequired = min(leastRequired, required(n)) }

        scratch.prepare(query: query, symbolSpace: symbolSpace, entries: count)
        var hits: [Hit] = []
        if leastRequired <= 0 {
            // Too short for the bigram bound: every sequence in the band is verified.
            for id in idLow..<idHigh { verify(id: id, m: m, minimum: minimum, scratch: &scratch, into: &hits) }
            return hits
        }

        // The query's distinct bigrams with their counts and posting ranges, rarest first.
        scratch.queryGrams.removeAll(keepingCapacity: true)
        for i in 0..<(m - 1) { scratch.queryGrams.append(UInt64(query[i]) << 32 | UInt64(query[i + 1])) }
        scratch.queryGrams.sort()
        scratch.gramRuns.removeAll(keepingCapacity: true)
        var remaining = 0
        var i = 0
        while i < scratch.queryGrams.count {
            var j = i + 1
            while j < scratch.queryGrams.count, scratch.queryGrams[j] == scratch.queryGrams[i] { j += 1 }
            if let rank = rankOfGram(scratch.queryGrams[i]) {
                let upper = min(Int(gramStarts[rank + 1]), postings.count)
                let lower = min(Int(gramStarts[rank]), upper)
                scratch.gramRuns.append(FuzzySearchScratch.GramRun(lower: lower, upper: upper, count: j - i))
                remaining += j - i
            }
            i = j
        }
        scratch.gramRuns.sort { $0.upper - $0.lower < $1.upper - $1.lower }

        let bandStart = UInt32(idLow) << 3
        let bandEnd = UInt32(idHigh) << 3
        let counters = scratch.counters.buffer
        for run in scratch.gramRuns {
            // Sequences not seen yet can gain at most `remaining` shared bigrams.
            if remaining < leastRequired { break }
            var p = lowerBound(postings, run.lower, run.upper, bandStart)
            let queryCount = UInt32(run.count)
            while p < run.upper {
                let posting = postings[p]
                if posting >= bandEnd { break }
                let id = Int(posting >> 3)
                guard id < self.count else { break }
                let stored = posting & 7
                let shared = stored == 7 ? queryCount : min(queryCount, stored)
                if counters[id] == 0 { scratch.touched.append(UInt32(id)) }
                counters[id] &+= shared
                p += 1
            }
            remaining -= run.count
        }
        for id in scratch.touched {
            let shared = Int(counters[Int(id)])
            counters[Int(id)] = 0
            let n = Int(starts[Int(id) + 1] &- starts[Int(id)])
            if shared + remaining >= required(n) {
                verify(id: Int(id), m: m, minimum: minimum, scratch: &scratch, into: &hits)
            }
        }
        scratch.touched.removeAll(keepingCapacity: true)
        return hits
    }

    @inline(__always)
    private func verify(id: Int, m: Int, minimum: Int, scratch: inout FuzzySearchScratch, into hits: inout [Hit]) {
        let upper = min(Int(starts[id + 1]), symbols.count)
        let lower = min(Int(starts[id]), upper)
        let length = max(m, upper - lower)
        let limit = Self.allowedDistance(length, minimum: minimum)
        let distance = scratch.editDistance.distance(to: UnsafeBufferPointer(rebasing: symbols[lower..<upper]), limit: limit)
        if let distance {
            hits.append(Hit(entry: Int(entryOfId[id]), distance: distance, length: length))
        }
    }

    private func rankOfGram(_ gram: UInt64) -> Int? {
        var low = 0
        var high = gramKeys.count
        while low < high {
            let mid = (low + high) / 2
            if gramKeys[mid] < gram { low = mid + 1 } else { high = mid }
        }
        return low < gramKeys.count && gramKeys[low] == gram ? low : nil
    }

    @inline(__always)
    private func lowerBound(_ postings: UnsafeBufferPointer<UInt32>, _ lower: Int, _ upper: Int, _ value: UInt32) -> Int {
        var low = lower
        var high = upper
        while low < high {
            let mid = (low + high) / 2
            if postings[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
