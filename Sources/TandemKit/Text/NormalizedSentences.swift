internal import CTandemICU

/// The sentences of one text with their normalized forms, as
/// `SentenceSegmenter.sentences(in:normalizedAs:into:)` makes them: byte ranges into the text and,
/// per sentence and form, the normalized sentence as UTF-16 (what the TM and glossary key on).
///
/// Everything lives in a few flat buffers that keep their capacity when the value is reused for
/// the next paragraph: no `String` or array is made per sentence. `sentence(at:)` and
/// `key(at:form:)` make `Substring`s and `String`s on demand.
public struct NormalizedSentences: Sendable {
    /// The text that was segmented.
    public private(set) var text: String = ""
    /// The forms of the keys, in the order they were asked for.
    public private(set) var forms: [NormalizationForm] = []
    /// Start and end (UTF-8 offsets) of each sentence, one after the other.
    private var bounds: [Int] = []
    /// Every key, one after the other; `keyEnds` says where each ends.
    private var keyUnits: [UInt16] = []
    /// Per sentence and form (`sentence * forms.count + form`), the end of its key in `keyUnits`.
    private var keyEnds: [Int] = []
    private var formCodes: [Int32] = []

    public init() {}

    /// How many sentences there are.
    public var count: Int { bounds.count / 2 }

    /// The UTF-8 byte range of sentence `index` in `text` (white space at either end excluded).
    public func range(at index: Int) -> Range<Int> { bounds[2 * index]..<bounds[2 * index + 1] }

    /// Sentence `index` as it is in the text (never normalized).
    public func sentence(at index: Int) -> Substring {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: bounds[2 * index])
        let end = utf8.index(start, offsetBy: bounds[2 * index + 1] - bounds[2 * index])
        return text[start..<end]
    }

    /// The key of sentence `index` in `form` (one of `forms`) as UTF-16, valid inside `body`.
    public func withKey<Result>(at index: Int, form: NormalizationForm, _ body: (UnsafeBufferPointer<UInt16>) -> Result) -> Result {
        guard let formIndex = forms.firstIndex(of: form) else { preconditionFailure("no \(form) keys were asked for") }
        let slot = index * forms.count + formIndex
        let start = slot == 0 ? 0 : keyEnds[slot - 1]
        return keyUnits.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<keyEnds[slot]])) }
    }

    /// The key of sentence `index` in `form` as a `String` (equal to
    /// `Normalizer.normalize(sentence(at: index), to: form)`).
    public func key(at index: Int, form: NormalizationForm) -> String {
        withKey(at: index, form: form) { String(decoding: $0, as: UTF16.self) }
    }

    /// The length in UTF-16 units of the key of sentence `index` in `form`.
    public func keyLength(at index: Int, form: NormalizationForm) -> Int {
        withKey(at: index, form: form) { $0.count }
    }

    // MARK: Filled by SentenceSegmenter

    mutating func reset(text: String, forms: [NormalizationForm]) {
        self.text = text
        if self.forms != forms {
            self.forms = forms
            formCodes = forms.map(\.rawValue)
        }
        bounds.removeAll(keepingCapacity: true)
    }

    mutating func appendRange(_ range: Range<Int>) {
        bounds.append(range.lowerBound)
        bounds.append(range.upperBound)
    }

    /// Normalizes every sentence to every form in the shim, from the UTF-16 copy of `bytes` the
    /// iterator holds when `textIsBroken` (it made it for the breaks).
    mutating func computeKeys(iterator: BreakIterator, bytes: UnsafeBufferPointer<UInt8>, textIsBroken: Bool) {
        let slots = count * forms.count
        if keyEnds.count < slots { keyEnds = [Int](repeating: 0, count: max(slots, 2 * keyEnds.count)) }
        // NFC and NFKC rarely grow text at all; the rare key that does is redone with room for
        // ICU's worst case (18 units per unit).
        var capacity = forms.count * (bytes.count + bytes.count / 2 + 16)
        while true {
            if keyUnits.count < capacity { keyUnits = [UInt16](repeating: 0, count: max(capacity, 2 * keyUnits.count)) }
            let code = bounds.withUnsafeBufferPointer { bounds in
                formCodes.withUnsafeBufferPointer { forms in
                    keyUnits.withUnsafeMutableBufferPointer { units in
                        keyEnds.withUnsafeMutableBufferPointer { ends in
                            bounds.withMemoryRebound(to: Int64.self) { bounds in
                                ends.withMemoryRebound(to: Int64.self) { ends in
                                    tandem_normalize_ranges(
                                        UnsafeMutableRawPointer(iterator.handle), bytes.baseAddress, Int64(bytes.count),
                                        textIsBroken ? 1 : 0, bounds.baseAddress, Int64(bounds.count / 2),
                                        forms.baseAddress, Int32(forms.count), units.baseAddress, Int64(units.count),
                                        ends.baseAddress)
                                }
                            }
                        }
                    }
                }
            }
            if code == ICUError.bufferOverflow.code, capacity < forms.count * (18 * bytes.count + 16) {
                capacity = forms.count * (18 * bytes.count + 16)
                continue
            }
            // Valid UTF-8 from a Swift String and ascending ranges cannot fail otherwise.
            precondition(code <= 0, "ICU normalization failed: \(ICUError(code: code))")
            return
        }
    }
}
