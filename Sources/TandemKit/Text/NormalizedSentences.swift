internal import CTandemICU

/// The sentences of one text with their normalized forms, as
/// `SentenceSegmenter.sentences(in:normalizedAs:into:)` makes them: byte ranges into the text and,
/// per sentence and form, the normalized sentence as UTF-16 (what the TM and glossary key on).
///
/// Everything lives in a few flat buffers that keep their capacity when the value is reused for
/// the next paragraph: no `String` or array is made per sentence. `sentence(at:)` and
/// `key(at:form:)` make `Substring`s and `String`s on demand. A value semantics type: a copy
/// keeps its sentences when the original is filled again.
@_spi(Benchmarks) public struct NormalizedSentences: @unchecked Sendable {
    /// The text that was segmented.
    public private(set) var text: String = ""
    /// The forms of the keys, in the order they were asked for.
    public private(set) var forms: [NormalizationForm] = []
    private var formCodes: [Int32] = []
    /// Per form (eight bits at `8 * rawValue`), its index in `forms`, or 0xFF when it is not there
    /// (or past 254): `withKey` runs once per key read, and this spares it a search of `forms`.
    private var formSlots: UInt64 = ~0
    private var storage = NormalizedSentenceStorage()

    public init() {}

    /// How many sentences there are.
    public var count: Int { storage.rangeCount }

    /// The UTF-8 byte range of sentence `index` in `text` (white space at either end excluded).
    public func range(at index: Int) -> Range<Int> {
        precondition(index >= 0 && index < count, "sentence index out of range")
        return Int(storage.bounds[2 * index])..<Int(storage.bounds[2 * index + 1])
    }

    /// Sentence `index` as it is in the text (never normalized).
    public func sentence(at index: Int) -> Substring {
        let range = range(at: index)
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let end = utf8.index(start, offsetBy: range.count)
        return text[start..<end]
    }

    /// The key of sentence `index` in `form` (one of `forms`) as UTF-16, valid inside `body`.
    public func withKey<Result>(at index: Int, form: NormalizationForm, _ body: (UnsafeBufferPointer<UInt16>) -> Result) -> Result {
        precondition(index >= 0 && index < count, "sentence index out of range")
        var formIndex = Int(truncatingIfNeeded: formSlots >> (8 * UInt64(form.rawValue))) & 0xFF
        if formIndex == 0xFF {
            guard let found = forms.firstIndex(of: form) else { preconditionFailure("no \(form) keys were asked for") }
            formIndex = found
        }
        let slot = index * forms.count + formIndex
        let start = Int(storage.keyBounds[2 * slot])
        let end = Int(storage.keyBounds[2 * slot + 1])
        return withExtendedLifetime(storage) { body(storage.keyUnits.elements(start..<end)) }
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
            formSlots = ~0
            // Backwards, so the first of a repeated form wins (as `firstIndex(of:)` has it).
            for (index, form) in forms.enumerated().reversed() where index < 0xFF {
                let shift = 8 * UInt64(form.rawValue)
                formSlots = formSlots & ~(0xFF << shift) | UInt64(index) << shift
            }
        }
        if !isKnownUniquelyReferenced(&storage) { storage = NormalizedSentenceStorage() }
        storage.rangeCount = 0
    }

    /// Appends a sentence's range (call after `reset`, which makes the storage this value's own).
    mutating func appendRange(_ range: Range<Int>) {
        storage.appendRange(range)
    }

    /// Normalizes every sentence to every form in the shim, from the UTF-16 copy of `bytes` the
    /// iterator holds when `textIsBroken` (it made it for the breaks).
    mutating func computeKeys(iterator: BreakIterator, bytes: UnsafeBufferPointer<UInt8>, textIsBroken: Bool) {
        let storage = storage
        let formCount = forms.count
        storage.reserveKeyBounds(storage.rangeCount * formCount)
        // The text's UTF-16 (never more units than bytes), then the keys that differ from their
        // sentence. NFC and NFKC rarely grow text at all; the rare key that does is redone with
        // room for ICU's worst case (18 units per unit).
        var capacity = bytes.count + formCount * (bytes.count + bytes.count / 2 + 16)
        while true {
            storage.reserveKeyUnits(capacity)
            let code = formCodes.withUnsafeBufferPointer { forms in
                tandem_normalize_ranges(
                    UnsafeMutableRawPointer(iterator.handle), bytes.baseAddress, Int64(bytes.count),
                    textIsBroken ? 1 : 0, storage.bounds.base, Int64(storage.rangeCount),
                    forms.baseAddress, Int32(formCount), storage.keyUnits.base, Int64(storage.keyUnits.capacity),
                    storage.keyBounds.base)
            }
            if code == ICUError.bufferOverflow.code, capacity < bytes.count + formCount * (18 * bytes.count + 16) {
                capacity = bytes.count + formCount * (18 * bytes.count + 16)
                continue
            }
            // Valid UTF-8 from a Swift String and ascending ranges cannot fail otherwise.
            precondition(code <= 0, "ICU normalization failed: \(ICUError(code: code))")
            return
        }
    }
}
