internal import CTandemICU

extension BreakIterator {
    /// Breaks UTF-16 `units` as they are and writes every boundary (a unit offset, `0` and
    /// `units.count` included) into `buffer`, from its start; returns how many, or -1 if ICU
    /// failed (which it does only when out of memory).
    ///
    /// For text already held as UTF-16, such as the glossary matcher's folded units: the UTF-8
    /// path would transcode it twice and map every boundary back.
    func boundaries(inUTF16 units: UnsafeBufferPointer<UInt16>, into buffer: ScratchBuffer<Int32>) -> Int {
        guard units.count < Int(Int32.max) else { return -1 }
        buffer.reserve(units.count + 1, minimumGrowth: 256)
        var count: Int32 = 0
        let code = tandem_break_utf16(
            UnsafeMutableRawPointer(handle), units.baseAddress, Int32(units.count),
            buffer.base, Int32(buffer.capacity), &count)
        return code <= 0 ? Int(count) : -1
    }
}
