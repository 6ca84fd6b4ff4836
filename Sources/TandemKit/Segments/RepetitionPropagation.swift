/// Translates a repeated sentence once: a segment without a target takes the translation of
/// the first translated segment of the same file with the same source (placeholders
/// included), with its state and origin. Repeats have ids of their own (see
/// `SegmentIdentity`), so a translator who wants one repeat translated differently edits it
/// and the edit stays: only empty targets are filled. Pseudo-translations are not passed on.
public enum RepetitionPropagation {
    /// Fills the empty targets of `segments` from their translated repeats; returns how many.
    @discardableResult
    public static func propagate(_ segments: inout [SegmentEntry]) -> Int {
        var translated: [String: Int] = [:]
        for index in segments.indices where translated[segments[index].source] == nil {
            let segment = segments[index]
            guard segment.state.isTranslated, segment.origin != .pseudo, let target = segment.target, !target.isEmpty else { continue }
            translated[segment.source] = index
        }
        var filled = 0
        for index in segments.indices where segments[index].state == .new && segments[index].target?.isEmpty != false {
            guard let from = translated[segments[index].source] else { continue }
            segments[index].target = segments[from].target
            // Translated, not more: a review of one repeat did not see the others' context.
            segments[index].state = .translated
            segments[index].origin = segments[from].origin
            filled += 1
        }
        return filled
    }
}
