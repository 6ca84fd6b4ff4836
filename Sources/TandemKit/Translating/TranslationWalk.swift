/// One pass over segments, one at a time: their order, where the translator is, and the way
/// back. The order is fixed when the pass starts; a segment saved, skipped or left stays in
/// it, so `back` returns to it. A new pass starts at the first segment still to do, so
/// quitting and starting again resumes where the last pass stopped.
public struct TranslationWalk: Sendable {
    public private(set) var references: [SegmentReference]
    /// The index of the segment shown; `references.count` once past the last.
    public private(set) var index = 0

    public init(_ references: [SegmentReference]) {
        self.references = references
    }

    /// The segment shown, or nil when the pass is over.
    public var current: SegmentReference? { index < references.count ? references[index] : nil }

    /// Moves to the next segment (past the last one ends the pass).
    public mutating func advance() {
        index = min(index + 1, references.count)
    }

    /// Moves to the segment before; false at the first.
    @discardableResult
    public mutating func back() -> Bool {
        guard index > 0 else { return false }
        index -= 1
        return true
    }

    /// Moves to the first segment after the current one (wrapping round) that `matches`;
    /// false, staying put, when none does.
    @discardableResult
    public mutating func jump(toFirst matches: (SegmentReference) throws -> Bool) rethrows -> Bool {
        guard !references.isEmpty else { return false }
        let start = min(index, references.count - 1)
        for step in 1...references.count {
            let candidate = (start + step) % references.count
            if try matches(references[candidate]) {
                index = candidate
                return true
            }
        }
        return false
    }
}
