/// Cuts every unit of a document into sentences with placeholders and stable ids.
public struct DocumentSegmenter {
    private let unitSegmenter: UnitSegmenter

    public init(segmenter: SentenceSegmenter) {
        unitSegmenter = UnitSegmenter(segmenter: segmenter)
    }

    /// The sentences of `document`, in order.
    public func segments(of document: HugoDocument) -> [ExtractedSegment] {
        var result: [ExtractedSegment] = []
        var keys: [String] = []
        var units: [String] = []
        for (unitIndex, unit) in document.units.enumerated() {
            let unitText = String(decoding: unit.text, as: UTF8.self)
            for (sentenceIndex, sentence) in unitSegmenter.sentences(of: unit).enumerated() {
                keys.append(Normalizer.matchingKey(sentence.text))
                units.append(unitText)
                result.append(ExtractedSegment(
                    id: "", location: "\(unit.location)/s[\(sentenceIndex + 1)]",
                    unitIndex: unitIndex, range: sentence.range, text: sentence.text, codes: sentence.codes,
                    codeRanges: sentence.codeRanges))
            }
        }
        for (index, id) in SegmentIdentity.ids(forKeys: keys, units: units).enumerated() { result[index].id = id }
        return result
    }
}
