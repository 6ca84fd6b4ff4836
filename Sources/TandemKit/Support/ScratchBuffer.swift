/// A grow-only buffer of trivial values that is reused from call to call and handed to C as a
/// plain pointer. Every index and range is asserted in debug builds.
///
/// It is used instead of an array in the segmentation hot loops, where an array's uniqueness
/// checks, retains and exclusivity bookkeeping cost more than the work done per paragraph. The
/// asserts stand in for the bounds checks an array would do: a debug test run traps on an
/// out-of-range index, and a release build pays nothing for them.
///
/// Not thread-safe: one owner uses it at a time.
final class ScratchBuffer<Element: BitwiseCopyable> {
    /// The first element, valid until the next `reserve`.
    private(set) var base: UnsafeMutablePointer<Element>
    /// How many elements `base` has room for.
    private(set) var capacity: Int

    /// An empty buffer with room for `capacity` elements.
    init(capacity: Int = 0) {
        precondition(capacity >= 0, "negative capacity")
        base = .allocate(capacity: capacity)
        self.capacity = capacity
    }

    deinit { base.deallocate() }

    /// Room for at least `count` elements, keeping the first `kept` (the rest is undefined after
    /// growing). Grows to at least twice the capacity, and to at least `minimumGrowth`.
    func reserve(_ count: Int, keeping kept: Int = 0, minimumGrowth: Int = 0) {
        guard count > capacity else { return }
        assert(kept >= 0 && kept <= capacity, "kept \(kept) elements of a buffer of \(capacity)")
        let newCapacity = max(count, 2 * capacity, minimumGrowth)
        let new = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        if kept > 0 { new.moveInitialize(from: base, count: kept) }
        base.deallocate()
        base = new
        capacity = newCapacity
    }

    subscript(index: Int) -> Element {
        @inline(__always) get {
            assert(index >= 0 && index < capacity, "index \(index) of a buffer of \(capacity)")
            return base[index]
        }
        @inline(__always) set {
            assert(index >= 0 && index < capacity, "index \(index) of a buffer of \(capacity)")
            base[index] = newValue
        }
    }

    /// The elements in `range`, valid until the next `reserve`.
    @inline(__always)
    func elements(_ range: Range<Int>) -> UnsafeBufferPointer<Element> {
        assert(range.lowerBound >= 0 && range.upperBound <= capacity, "elements \(range) of a buffer of \(capacity)")
        return UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
    }
}
