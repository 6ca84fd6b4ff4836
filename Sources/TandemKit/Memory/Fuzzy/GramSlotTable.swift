/// Bigram → slot number, as an open-addressing hash table over flat arrays (linear probing,
/// Fibonacci hashing). Building a million-sentence index looks bigrams up tens of millions of
/// times; this is several times faster than `Dictionary<UInt64, Int32>` for that.
struct GramSlotTable {
    /// Never a bigram: stored sequences hold no `MatchSymbolizer.unknownToken`.
    private static let empty = UInt64.max

    private var keys: [UInt64]
    private var slots: [Int32]
    private var mask: Int
    private var shift: UInt64
    private(set) var count = 0

    init(capacity: Int = 1 << 16) {
        var size = 1 << 4
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: Self.empty, count: size)
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    @inline(__always)
    private func home(_ gram: UInt64) -> Int { Int(truncatingIfNeeded: (gram &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// The slot of `gram`, if it has one.
    func slot(of gram: UInt64) -> Int32? {
        var index = home(gram)
        while true {
            let key = keys[index]
            if key == gram { return slots[index] }
            if key == Self.empty { return nil }
            index = (index + 1) & mask
        }
    }

    /// The slot of `gram`, giving it the next free slot number when new (`isNew` tells which).
    mutating func slot(for gram: UInt64) -> (slot: Int32, isNew: Bool) {
        if (count + 1) * 2 > keys.count { grow() }
        var index = home(gram)
        while true {
            let key = keys[index]
            if key == gram { return (slots[index], false) }
            if key == Self.empty {
                keys[index] = gram
                slots[index] = Int32(count)
                count += 1
                return (Int32(count - 1), true)
            }
            index = (index + 1) & mask
        }
    }

    /// Every (bigram, slot) pair, in no particular order.
    var entries: [(gram: UInt64, slot: Int32)] {
        var result: [(UInt64, Int32)] = []
        result.reserveCapacity(count)
        for index in keys.indices where keys[index] != Self.empty { result.append((keys[index], slots[index])) }
        return result
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldSlots = slots
        let size = keys.count * 2
        keys = Array(repeating: Self.empty, count: size)
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        shift = UInt64(64 - size.trailingZeroBitCount)
        for index in oldKeys.indices where oldKeys[index] != Self.empty {
            var target = home(oldKeys[index])
            while keys[target] != Self.empty { target = (target + 1) & mask }
            keys[target] = oldKeys[index]
            slots[target] = oldSlots[index]
        }
    }
}
