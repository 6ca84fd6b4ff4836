extension LeverageReach {
    /// The keys that changed for one locale pair: the memory's fuzzy search over them
    /// (`MemoryKeyTable`), and what lets most sentences be ruled out without that search.
    ///
    /// A run after a memory write checks every sentence that asks the memory (121,390 in the
    /// 5,000-post benchmark) against the few dozen keys the write changed. The search prepares
    /// its edit distance and sorts the sentence's bigrams before it learns that no changed key
    /// is near; here one pass over the sentence's symbols counts its bigrams that any changed
    /// key has (an upper bound of what it shares with each), and the search runs only when a
    /// changed key within the length band could share enough (the q-gram bound the search
    /// itself filters by: a key within edit distance `k` of a sentence, the longer of the two
    /// `l` symbols long, shares at least `l − 1 − 2k` bigrams with it). What is ruled out here
    /// the search would not have found: the answers are the search's.
    struct ChangedKeys {
        let table: MemoryKeyTable
        /// The changed keys, compared by their bytes (both sides are `Normalizer.memoryKey`
        /// outputs, so equal keys have equal bytes). A set: 118k keys changed by a 5,000-post
        /// extract made a scan of those of the same length 2 % of the run.
        private let keySet: Set<UTF8Key>
        /// The table's words with their symbols (`MatchSymbolizer.symbols(of:)`, without
        /// making an array per sentence).
        private let words: [String: UInt32]
        /// A bit per hashed bigram of the changed keys: a bigram whose bit is clear is in none.
        /// Eight or more bits per bigram (at least 2^16, at most 2^24), so that even thousands
        /// of changed keys leave most bits clear.
        private let gramBits: [UInt64]
        /// How far the hash is shifted down to index `gramBits` (64 − log2 of its bit count).
        private let gramShift: UInt64
        /// The distinct lengths, in symbols, of the changed keys.
        private let lengths: [Int]

        /// `keys`: distinct keys.
        init(_ keys: some Collection<String>) {
            var ordinals = KeyOrdinals()
            // Sorted for a deterministic table; by bytes, not `String`'s normalizing order (the
            // answers do not depend on the order, and the sort was 1.5 % of such a run).
            for key in keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) { ordinals.insert(key) }
            table = MemoryKeyTable(ordinals)
            keySet = Set(keys.lazy.map(UTF8Key.init))
            var words: [String: UInt32] = [:]
            for (offset, word) in table.symbolizer.words.enumerated() { words[word] = MatchSymbolizer.tokenBase + UInt32(offset) }
            self.words = words
            let index = table.index
            let sequences = (0..<table.keys.count).map { index.sequence(ofId: $0) }
            let bigrams = sequences.reduce(0) { $0 + max($1.count - 1, 0) }
            var log2Bits: UInt64 = 16
            while log2Bits < 24 && (1 << log2Bits) < bigrams * 8 { log2Bits += 1 }
            gramShift = 64 - log2Bits
            var bits = [UInt64](repeating: 0, count: 1 << (log2Bits - 6))
            var lengths = Set<Int>()
            for symbols in sequences {
                lengths.insert(symbols.count)
                for (first, second) in zip(symbols, symbols.dropFirst()) {
                    let bit = Self.bit(of: first, second, shift: gramShift)
                    bits[bit >> 6] |= 1 << UInt64(bit & 63)
                }
            }
            gramBits = bits
            self.lengths = lengths.sorted()
        }

        var isEmpty: Bool { table.keys.isEmpty }

        /// Whether `key` is one of the changed keys.
        func contains(_ key: String) -> Bool { keySet.contains(UTF8Key(key)) }

        /// Whether the fuzzy search for `key` at `minimum` (`MatchRanking.searchMinimum`) may
        /// find a changed key; false only when it cannot (see the type's summary).
        func mayReachFuzzily(_ key: String, minimum: Int) -> Bool {
            var count = 0
            var shared = 0
            var previous = MatchSymbolizer.unknownToken
            MatchSymbolizer.scan(key) { token, scalar in
                let symbol = token.map { words[$0] ?? MatchSymbolizer.unknownToken } ?? scalar
                if count > 0 {
                    let bit = Self.bit(of: previous, symbol, shift: gramShift)
                    if gramBits[bit >> 6] & (1 << UInt64(bit & 63)) != 0 { shared += 1 }
                }
                previous = symbol
                count += 1
            }
            guard count > 0 else { return false }
            for length in lengths {
                let longer = max(count, length)
                let allowed = FuzzyIndex.allowedDistance(longer, minimum: minimum)
                // Outside the band no edit distance within `allowed` is possible.
                guard abs(count - length) <= allowed else { continue }
                if shared >= longer - 1 - 2 * allowed { return true }
            }
            return false
        }

        /// Whether the search finds a changed key within `minimum` of `key`.
        func searchReaches(_ key: String, minimum: Int, scratch: inout FuzzySearchScratch) -> Bool {
            !table.index.search(table.symbolizer.symbols(of: key), minimum: minimum, scratch: &scratch).isEmpty
        }

        /// The bit of the bigram `first`, `second` (a multiplicative hash of both symbols, its
        /// top bits).
        @inline(__always)
        private static func bit(of first: UInt32, _ second: UInt32, shift: UInt64) -> Int {
            Int(truncatingIfNeeded: ((UInt64(first) << 32 | UInt64(second)) &* 0x9E37_79B9_7F4A_7C15) >> shift)
        }
    }
}
