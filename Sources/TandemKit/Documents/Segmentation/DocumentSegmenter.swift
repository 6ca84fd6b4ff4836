/// Cuts every unit of a document into sentences with placeholders and stable ids.
public struct DocumentSegmenter {
    private let unitSegmenter: UnitSegmenter

    public init(segmenter: SentenceSegmenter) {
        unitSegmenter = UnitSegmenter(segmenter: segmenter)
    }

    /// The sentences of `document`, in order.
    public func segments(of document: HugoDocument) -> [ExtractedSegment] {
        var occurrences: [String: Int] = [:]
        var result: [ExtractedSegment] = []
        for (unitIndex, unit) in document.units.enumerated() {
            for (sentenceIndex, sentence) in unitSegmenter.sentences(of: unit).enumerated() {
                let key = Normalizer.matchingKey(sentence.text)
                let occurrence = occurrences[key, default: 0]
                occurrences[key] = occurrence + 1
                result.append(ExtractedSegment(
                    id: SegmentIdentity.id(forKey: key, occurrence: occurrence),
                    location: "\(unit.location)/s[\(sentenceIndex + 1)]",
                    unitIndex: unitIndex, range: sentence.range, text: sentence.text, codes: sentence.codes,
                    codeRanges: sentence.codeRanges))
            }
        }
        return result
    }
}
