/// Brings a segment file up to date with its post after the post changed, losing nothing.
///
/// - A sentence whose id is unchanged keeps its target, state and notes, wherever it moved.
/// - An edited sentence (new id) takes the target of the most similar vanished sentence
///   (≥ `minimumSimilarity`) as state `fuzzy`, with `previousSource` showing what it was.
/// - A translated sentence that vanished without a successor moves to `obsolete`.
public struct SegmentMerger {
    /// What changed, for the summary `extract` prints.
    public struct Report: Equatable, Sendable, Codable {
        public var unchanged = 0
        public var added = 0
        public var edited = 0
        public var obsoleted = 0

        public init(unchanged: Int = 0, added: Int = 0, edited: Int = 0, obsoleted: Int = 0) {
            self.unchanged = unchanged
            self.added = added
            self.edited = edited
            self.obsoleted = obsoleted
        }
    }

    public var minimumSimilarity = 0.5

    public init() {}

    public func merge(_ extracted: [ExtractedSegment], into previous: SegmentFile?) -> (segments: [SegmentEntry], obsolete: [SegmentEntry], report: Report) {
        var report = Report()
        let previousSegments = previous?.segments ?? []
        let newIDs = Set(extracted.map(\.id))
        let byID = Dictionary(previousSegments.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Translations that lost their sentence: candidates for an edited one.
        var orphans = previousSegments.filter { !newIDs.contains($0.id) && $0.target != nil }
        orphans += (previous?.obsolete ?? []).filter { !newIDs.contains($0.id) }

        var segments: [SegmentEntry] = []
        for segment in extracted {
            var entry = SegmentEntry(
                id: segment.id, location: segment.location, source: segment.text,
                codes: segment.codes.isEmpty ? nil : segment.codes)
            if let old = byID[segment.id] {
                entry.target = old.target
                entry.state = old.state
                entry.origin = old.origin
                entry.previousSource = old.previousSource
                entry.candidates = old.candidates
                entry.notes = old.notes
                entry.lintDisable = old.lintDisable
                report.unchanged += 1
            } else if let (index, score) = bestOrphan(for: segment.text, among: orphans), score >= minimumSimilarity {
                let old = orphans.remove(at: index)
                entry.target = old.target
                entry.state = .fuzzy
                entry.origin = .previous
                entry.previousSource = old.source
                entry.notes = old.notes
                entry.lintDisable = old.lintDisable
                report.edited += 1
            } else {
                report.added += 1
            }
            segments.append(entry)
        }
        let obsolete = orphans.filter { $0.target != nil }
        report.obsoleted = obsolete.count
        return (segments, obsolete, report)
    }

    private func bestOrphan(for text: String, among orphans: [SegmentEntry]) -> (Int, Double)? {
        var best: (Int, Double)?
        for (index, orphan) in orphans.enumerated() {
            let score = SegmentSimilarity.ratio(text, orphan.source)
            if score > (best?.1 ?? -1) { best = (index, score) }
        }
        return best
    }
}
