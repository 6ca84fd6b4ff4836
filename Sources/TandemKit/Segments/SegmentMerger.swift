/// Brings a segment file up to date with its post after the post changed, losing nothing.
///
/// - A sentence whose id is unchanged keeps its target, state and notes, wherever it moved.
/// - A sentence whose id changed but whose source is word for word that of an entry no other
///   sentence took (a repeat whose neighbours changed; a file written when repeats were
///   numbered by occurrence, see `SegmentIdentity`) takes the first such entry, in the file's
///   order, state and notes included: counted as unchanged (or restored, from `obsolete`).
/// - A sentence that comes back after it was deleted takes its translation back from
///   `obsolete`, state and notes included (a live entry wins over an obsolete one with the
///   same id).
/// - An edited sentence (new id) takes the target of the most similar vanished sentence, live
///   or obsolete (scoring ≥ `minimumSimilarity` as the memory scores fuzzy matches, see
///   `SegmentSimilarity`), as state `fuzzy`, with `previousSource` showing what it was.
/// - Every other translation moves to (or stays in) `obsolete`: nothing with a target is dropped.
///   Nor is the translation an edited sentence took: the old sentence and its translation stay
///   in `obsolete` too, so the text files still hold the pair when the new one is translated
///   (`tm rebuild`, another memory, a new clone keep it), and a writer who reverts the edit gets
///   the old sentence back with its own translation and state, not the new one's as fuzzy.
public struct SegmentMerger {
    /// What changed, for the summary `extract` prints.
    public struct Report: Equatable, Sendable, Codable {
        public var unchanged = 0
        /// Sentences that came back to the post and took their translation back from `obsolete`.
        public var restored = 0
        public var added = 0
        public var edited = 0
        public var obsoleted = 0

        public init(unchanged: Int = 0, restored: Int = 0, added: Int = 0, edited: Int = 0, obsoleted: Int = 0) {
            self.unchanged = unchanged
            self.restored = restored
            self.added = added
            self.edited = edited
            self.obsoleted = obsoleted
        }
    }

    /// How alike (0–1, the memory's fuzzy score over 100) an edited sentence and a vanished
    /// one must be for the edited one to take the vanished one's translation.
    public var minimumSimilarity = 0.5

    public init() {}

    public func merge(_ extracted: [ExtractedSegment], into previous: SegmentFile?) -> (segments: [SegmentEntry], obsolete: [SegmentEntry], report: Report) {
        var report = Report()
        // Every entry the file holds, live first, so a live entry wins over an obsolete one
        // with the same id; the one that loses stays an orphan and is kept.
        let live = previous?.segments ?? []
        let known = live + (previous?.obsolete ?? [])
        var indexOfID: [String: Int] = [:]
        for (index, entry) in known.enumerated() where indexOfID[entry.id] == nil { indexOfID[entry.id] = index }
        // The entry each sentence takes by id (a sentence that came back finds its obsolete one).
        var claimed = [Bool](repeating: false, count: known.count)
        var matchedIndex: [Int?] = extracted.map { segment in
            guard let index = indexOfID[segment.id], !claimed[index] else { return nil }
            claimed[index] = true
            return index
        }
        // Then by source, in order, among the entries no id took: ids of repeats move when
        // their neighbours change, and files from before context ids numbered them.
        var unclaimedBySource: [String: [Int]] = [:]
        for index in known.indices.reversed() where !claimed[index] { unclaimedBySource[known[index].source, default: []].append(index) }
        for position in extracted.indices where matchedIndex[position] == nil {
            guard let index = unclaimedBySource[extracted[position].text]?.popLast() else { continue }
            claimed[index] = true
            matchedIndex[position] = index
        }
        // Translations that lost their sentence: candidates for an edited one, else obsolete.
        var orphans = OrphanPairing(
            known.indices.filter { !claimed[$0] && known[$0].target != nil }.map { known[$0] },
            minimumScore: SegmentSimilarity.score(minimumSimilarity))

        var segments: [SegmentEntry] = []
        // The old sentences whose translations edited ones took (helpers found them only in the
        // git-ignored memory: a rebuild went from 149 units to 107).
        var editedAway: [SegmentEntry] = []
        for (segment, index) in zip(extracted, matchedIndex) {
            var entry = SegmentEntry(
                id: segment.id, location: segment.location, source: segment.text,
                codes: segment.codes.isEmpty ? nil : segment.codes)
            if let index {
                let old = known[index]
                entry.target = old.target
                entry.state = old.state
                entry.origin = old.origin
                entry.previousSource = old.previousSource
                entry.candidates = old.candidates
                entry.notes = old.notes
                entry.lintDisable = old.lintDisable
                if index < live.count { report.unchanged += 1 } else { report.restored += 1 }
            } else if let orphan = orphans.take(bestFor: segment.text) {
                entry.target = orphan.target
                entry.state = .fuzzy
                entry.origin = .previous
                entry.previousSource = orphan.source
                entry.notes = orphan.notes
                entry.lintDisable = orphan.lintDisable
                if orphan.state.isTranslated, orphan.origin != .pseudo { editedAway.append(orphan) }
                report.edited += 1
            } else {
                report.added += 1
            }
            segments.append(entry)
        }
        report.obsoleted = orphans.remaining.count
        let liveIDs = Set(segments.map(\.id))
        var obsolete = orphans.remaining
        var held = Set(obsolete.map(\.id))
        for entry in editedAway where !liveIDs.contains(entry.id) && held.insert(entry.id).inserted { obsolete.append(entry) }
        return (segments, obsolete, report)
    }
}
