/// The growable buffers behind `NormalizedSentences`, handed to the shim as plain pointers (no
/// array uniqueness checks or retains per paragraph in the hot loop). Only grows.
final class NormalizedSentenceStorage {
    /// Start and end (UTF-8 offsets) of each sentence, one after the other.
    private(set) var bounds: UnsafeMutablePointer<Int64>
    private var boundCapacity = 16
    var rangeCount = 0
    /// Every key, one after the other; `keyEnds` says where each ends.
    private(set) var keyUnits: UnsafeMutablePointer<UInt16>
    private(set) var keyUnitCapacity = 256
    /// Per sentence and form (`sentence * forms.count + form`), the end of its key in `keyUnits`.
    private(set) var keyEnds: UnsafeMutablePointer<Int64>
    private var keyEndCapacity = 16

    init() {
        bounds = .allocate(capacity: boundCapacity)
        keyUnits = .allocate(capacity: keyUnitCapacity)
        keyEnds = .allocate(capacity: keyEndCapacity)
    }

    deinit {
        bounds.deallocate()
        keyUnits.deallocate()
        keyEnds.deallocate()
    }

    func appendRange(_ range: Range<Int>) {
        if 2 * rangeCount + 2 > boundCapacity {
            bounds = Self.grown(bounds, keeping: 2 * rangeCount, to: 2 * boundCapacity)
            boundCapacity *= 2
        }
        bounds[2 * rangeCount] = Int64(range.lowerBound)
        bounds[2 * rangeCount + 1] = Int64(range.upperBound)
        rangeCount += 1
    }

    /// Room for at least `count` key units (their contents are rewritten on every fill).
    func reserveKeyUnits(_ count: Int) {
        guard count > keyUnitCapacity else { return }
        keyUnits.deallocate()
        keyUnitCapacity = max(count, 2 * keyUnitCapacity)
        keyUnits = .allocate(capacity: keyUnitCapacity)
    }

    /// Room for at least `count` key ends.
    func reserveKeyEnds(_ count: Int) {
        guard count > keyEndCapacity else { return }
        keyEnds.deallocate()
        keyEndCapacity = max(count, 2 * keyEndCapacity)
        keyEnds = .allocate(capacity: keyEndCapacity)
    }

    private static func grown<Element>(_ old: UnsafeMutablePointer<Element>, keeping count: Int, to capacity: Int) -> UnsafeMutablePointer<Element> {
        let new = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
        new.moveInitialize(from: old, count: count)
        old.deallocate()
        return new
    }
}
