/// The growable buffers behind `NormalizedSentences`, handed to the shim as plain pointers (no
/// array uniqueness checks or retains per paragraph in the hot loop). Only grows.
final class NormalizedSentenceStorage {
    /// Start and end (UTF-8 offsets) of each sentence, one after the other.
    let bounds = ScratchBuffer<Int64>(capacity: 16)
    var rangeCount = 0
    /// The text's UTF-16, then every key that differs from its sentence, one after the other: a
    /// key equal to its sentence (NFC nearly always is) is the sentence's range of the text.
    let keyUnits = ScratchBuffer<UInt16>(capacity: 256)
    /// Per sentence and form (`sentence * forms.count + form`), the start and end of its key in
    /// `keyUnits`, one after the other.
    let keyBounds = ScratchBuffer<Int64>(capacity: 32)

    func appendRange(_ range: Range<Int>) {
        bounds.reserve(2 * rangeCount + 2, keeping: 2 * rangeCount)
        bounds[2 * rangeCount] = Int64(range.lowerBound)
        bounds[2 * rangeCount + 1] = Int64(range.upperBound)
        rangeCount += 1
    }

    /// Room for at least `count` key units (their contents are rewritten on every fill).
    func reserveKeyUnits(_ count: Int) {
        keyUnits.reserve(count)
    }

    /// Room for the bounds of at least `count` keys.
    func reserveKeyBounds(_ count: Int) {
        keyBounds.reserve(2 * count)
    }
}
