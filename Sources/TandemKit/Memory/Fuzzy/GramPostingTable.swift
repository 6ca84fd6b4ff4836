/// Bigram → how many postings it has, then where its next posting goes: what
/// `FuzzyIndex.appendSections` needs to lay out the postings in two passes without a pair array.
///
/// Open addressing over one flat buffer of 16-byte entries (linear probing, Fibonacci
/// hashing), the bigram and its number side by side: building a million-sentence index looks
/// bigrams up tens of millions of times at random, and each lookup is one cache miss rather than
/// the three a key array, a slot array and a count array took (that layout cost half of a
/// 1M-unit TMX import's index build). A class owning its buffer, so the hot loops pay no
/// copy-on-write checks. Not thread-safe.
final class GramPostingTable {
    private struct Entry {
        var gram: UInt64
        /// The bigram's posting count during counting; its next posting position after `layOut`.
        var number: UInt32
    }

    /// Never a bigram: stored sequences hold no `MatchSymbolizer.unknownToken`.
    private static let empty = UInt64.max

    private var entries: UnsafeMutableBufferPointer<Entry>
    private var mask: Int
    private var shift: UInt64
    /// Distinct bigrams held.
    private(set) var count = 0

    /// A table sized for about `capacity` distinct bigrams (it grows past them).
    init(capacity: Int) {
        var size = 1 << 4
        while size < capacity * 2 { size <<= 1 }
        entries = Self.allocate(size)
        mask = size - 1
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    deinit { entries.deallocate() }

    private static func allocate(_ size: Int) -> UnsafeMutableBufferPointer<Entry> {
        let buffer = UnsafeMutableBufferPointer<Entry>.allocate(capacity: size)
        buffer.initialize(repeating: Entry(gram: empty, number: 0))
        return buffer
    }

    @inline(__always)
    private func home(_ gram: UInt64) -> Int { Int(truncatingIfNeeded: (gram &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// Counts one posting of `gram` (first pass).
    @inline(__always)
    func countPosting(of gram: UInt64) {
        if (count + 1) * 2 > entries.count { grow() }
        var index = home(gram)
        while true {
            let key = entries[index].gram
            if key == gram {
                entries[index].number &+= 1
                return
            }
            if key == Self.empty {
                entries[index] = Entry(gram: gram, number: 1)
                count += 1
                return
            }
            index = (index + 1) & mask
        }
    }

    /// Every bigram in order and where its postings start (`count + 1` starts, the last the
    /// total); from now on each entry's number is the position of its next posting.
    func layOut() -> (grams: [UInt64], starts: [UInt32]) {
        var grams: [UInt64] = []
        grams.reserveCapacity(count)
        for entry in entries where entry.gram != Self.empty { grams.append(entry.gram) }
        grams.sort()
        var starts = [UInt32](repeating: 0, count: grams.count + 1)
        for (rank, gram) in grams.enumerated() {
            let index = position(of: gram)
            starts[rank + 1] = starts[rank] + entries[index].number
            entries[index].number = starts[rank]
        }
        return (grams, starts)
    }

    /// Where the next posting of `gram` goes (second pass, after `layOut`; `gram` was counted).
    @inline(__always)
    func takePosition(of gram: UInt64) -> Int {
        let index = position(of: gram)
        let position = entries[index].number
        entries[index].number = position &+ 1
        return Int(position)
    }

    @inline(__always)
    private func position(of gram: UInt64) -> Int {
        var index = home(gram)
        while entries[index].gram != gram {
            precondition(entries[index].gram != Self.empty, "a bigram that was not counted")
            index = (index + 1) & mask
        }
        return index
    }

    private func grow() {
        let old = entries
        let size = old.count * 2
        entries = Self.allocate(size)
        mask = size - 1
        shift = UInt64(64 - size.trailingZeroBitCount)
        for entry in old where entry.gram != Self.empty {
            var target = home(entry.gram)
            while entries[target].gram != Self.empty { target = (target + 1) & mask }
            entries[target] = entry
        }
        old.deallocate()
    }
}
