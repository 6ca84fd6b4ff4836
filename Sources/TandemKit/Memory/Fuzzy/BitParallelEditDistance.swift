/// Levenshtein distance of one pattern against many texts, 64 pattern symbols per machine word
/// (Myers 1999, in Hyyrö's block form as edlib uses it), with an early exit once the distance
/// can no longer stay within a limit.
///
/// The pattern's match masks live in a table indexed directly by symbol value, so a text symbol
/// costs one array read; `prepare` clears only the entries the previous pattern set.
public struct BitParallelEditDistance {
    private var slotOfSymbol: [Int32]
    private var usedSymbols: [UInt32] = []
    /// Match masks: `slot * blockCount + block`.
    private var peq: [UInt64] = []
    private var verticalPlus: [UInt64] = []
    private var verticalMinus: [UInt64] = []
    private(set) var patternLength = 0
    private var blockCount = 0
    private var lastRowMask: UInt64 = 0

    /// Symbols below this value have a mask table entry.
    var symbolSpaceCount: Int { slotOfSymbol.count }

    /// A matcher for symbols below `symbolSpace`.
    public init(symbolSpace: Int) {
        slotOfSymbol = Array(repeating: -1, count: symbolSpace)
    }

    /// Makes `pattern` the pattern that `distance(to:limit:)` measures against.
    public mutating func prepare(pattern: [UInt32]) {
        for symbol in usedSymbols { slotOfSymbol[Int(symbol)] = -1 }
        usedSymbols.removeAll(keepingCapacity: true)
        peq.removeAll(keepingCapacity: true)
        patternLength = pattern.count
        blockCount = max(1, (pattern.count + 63) / 64)
        lastRowMask = 1 << UInt64((max(pattern.count, 1) - 1) % 64)
        for (row, symbol) in pattern.enumerated() where Int(symbol) < slotOfSymbol.count {
            // A symbol outside the table (an unknown word) occurs in no text: it needs no mask.
            var slot = slotOfSymbol[Int(symbol)]
            if slot < 0 {
                slot = Int32(usedSymbols.count)
                slotOfSymbol[Int(symbol)] = slot
                usedSymbols.append(symbol)
                peq.append(contentsOf: repeatElement(0, count: blockCount))
            }
            peq[Int(slot) * blockCount + row / 64] |= 1 << UInt64(row % 64)
        }
        verticalPlus = Array(repeating: 0, count: blockCount)
        verticalMinus = Array(repeating: 0, count: blockCount)
    }

    /// The edit distance between the pattern and `text`, or nil when it exceeds `limit`.
    public mutating func distance(to text: UnsafeBufferPointer<UInt32>, limit: Int) -> Int? {
        let n = text.count
        let m = patternLength
        if abs(m - n) > limit { return nil }
        if m == 0 { return n }
        if blockCount == 1 { return singleBlock(text, limit: limit) }
        return multiBlock(text, limit: limit)
    }

    private func singleBlock(_ text: UnsafeBufferPointer<UInt32>, limit: Int) -> Int? {
        let n = text.count
        var pv: UInt64 = ~0
        var mv: UInt64 = 0
        var score = patternLength
        let high = lastRowMask
        return slotOfSymbol.withUnsafeBufferPointer { slots in
            peq.withUnsafeBufferPointer { masks in
                for j in 0..<n {
                    let symbol = Int(text[j])
                    let slot = symbol < slots.count ? slots[symbol] : -1
                    let eq: UInt64 = slot >= 0 ? masks[Int(slot)] : 0
                    let xv = eq | mv
                    let xh = (((eq & pv) &+ pv) ^ pv) | eq
                    var ph = mv | ~(xh | pv)
                    var mh = pv & xh
                    if ph & high != 0 { score += 1 } else if mh & high != 0 { score -= 1 }
                    ph = (ph << 1) | 1
                    mh = mh << 1
                    pv = mh | ~(xv | ph)
                    mv = ph & xv
                    // Each remaining text symbol can lower the last row by at most one.
                    if score - (n - j - 1) > limit { return nil }
                }
                return score <= limit ? score : nil
            }
        }
    }

    private mutating func multiBlock(_ text: UnsafeBufferPointer<UInt32>, limit: Int) -> Int? {
        let n = text.count
        let blocks = blockCount
        let lastMask = lastRowMask
        var score = patternLength
        let slots = slotOfSymbol
        let masksArray = peq
        return verticalPlus.withUnsafeMutableBufferPointer { pvs in
            verticalMinus.withUnsafeMutableBufferPointer { mvs in
                slots.withUnsafeBufferPointer { slots in
                    masksArray.withUnsafeBufferPointer { masks in
                        for b in 0..<blocks {
                            pvs[b] = ~0
                            mvs[b] = 0
                        }
                        for j in 0..<n {
                            let symbol = Int(text[j])
                            let slot = symbol < slots.count ? Int(slots[symbol]) : -1
                            let base = slot * blocks
                            var hin = 1  // row 0 grows by one per column
                            for b in 0..<blocks {
                                var eq: UInt64 = slot >= 0 ? masks[base + b] : 0
                                let pv = pvs[b]
                                let mv = mvs[b]
                                let xv = eq | mv
                                if hin < 0 { eq |= 1 }
                                let xh = (((eq & pv) &+ pv) ^ pv) | eq
                                var ph = mv | ~(xh | pv)
                                var mh = pv & xh
                                let bottom: UInt64 = b == blocks - 1 ? lastMask : 1 << 63
                                let hout = ph & bottom != 0 ? 1 : (mh & bottom != 0 ? -1 : 0)
                                ph <<= 1
                                mh <<= 1
                                if hin < 0 { mh |= 1 } else if hin > 0 { ph |= 1 }
                                pvs[b] = mh | ~(xv | ph)
                                mvs[b] = ph & xv
                                hin = hout
                            }
                            score += hin
                            if score - (n - j - 1) > limit { return nil }
                        }
                        return score <= limit ? score : nil
                    }
                }
            }
        }
    }
}
