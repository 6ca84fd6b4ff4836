/// The growable buffers behind `NormalizedSentences`, handed to the shim as plain pointers (no
/// array uniqueness checks or retains per paragraph in the hot loop). Only grows.
final class NormalizedSentenceStorage {
    /// Start and end (UTF-8 offsets) of each sentence, one after the other.
    private(set) var bounds: UnsafeMutablePointer<Int64>
    private var boundCapacity = 16
    var rangeCount = 0
    /// The text's UTF-16, then every key that differs from its sentence, one after the other: a
    /// key equal to its sentence (NFC nearly always is) is the sentence's range of the text.
    private(set) var keyUnits: UnsafeMutablePointer<UInt16>
    private(set) var keyUnitCapacity = 256
    /// Per sentence and form (`sentence * forms.count + form`), the start and end of its key in
    /// `keyUnits`, one after the other.
    private(set) var keyBounds: UnsafeMutablePointer<Int64>
    private var keyBoundCapacity = 32

    init() {
        bounds = .allocate(capacity: boundCapacity)
        keyUnits = .allocate(capacity: keyUnitCapacity)
        keyBounds = .allocate(capacity: keyBoundCapacity)
    }

    deinit {
        bounds.deallocate()
        keyUnits.deallocate()
        keyBounds.deallocate()
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

    /// Room for the bounds of at least `count` keys.
    func reserveKeyBounds(_ count: Int) {
        guard 2 * count > keyBoundCapacity else { return }
        keyBounds.deallocate()
        keyBoundCapacity = max(2 * count, 2 * keyBoundCapacity)
        keyBounds = .allocate(capacity: keyBoundCapacity)
    }

    private static func grown<Element>(_ old: UnsafeMutablePointer<Element>, keeping count: Int, to capacity: Int) -> UnsafeMutablePointer<Element> {
        let new = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
        new.moveInitialize(from: old, count: count)
        old.deallocate()
        return new
    }
}
