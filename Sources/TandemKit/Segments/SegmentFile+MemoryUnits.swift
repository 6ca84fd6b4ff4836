import Foundation

extension SegmentFile {
    /// The translated segments (pseudo-translations excepted) as memory units, each with its
    /// neighbours as context; then its obsolete translations, without context (their sentence
    /// has left the post), so a rebuilt memory still offers them as the file keeps them. What
    /// `extract` stores and `tm rebuild` reads back. `originFile` is the file's path as units
    /// record it (relative to the project).
    public func memoryUnits(originFile: String) -> [MemoryUnit] {
        // Each sentence's key is made once, though it is a unit's source and its neighbours'
        // context: normalizing each three times was 3 % of a 5,000-post extract with a memory.
        var keys = [String?](repeating: nil, count: segments.count)
        func key(_ index: Int) -> String {
            if let key = keys[index] { return key }
            let key = Normalizer.memoryKey(segments[index].source)
            keys[index] = key
            return key
        }
        var units: [MemoryUnit] = []
        for (index, segment) in segments.enumerated() where isReusable(segment) {
            units.append(memoryUnit(
                of: segment, originFile: originFile, sourceKey: key(index),
                previousKey: index > 0 ? key(index - 1) : "",
                nextKey: index + 1 < segments.count ? key(index + 1) : ""))
        }
        for segment in obsolete ?? [] where isReusable(segment) {
            units.append(memoryUnit(of: segment, originFile: originFile, sourceKey: Normalizer.memoryKey(segment.source), previousKey: "", nextKey: ""))
        }
        return units
    }

    /// Whether `segment` is a translation to reuse. Pseudo-translations test layouts, and copies
    /// of what needs no translation teach nothing: neither is one. Nor is a target `build` would
    /// refuse (placeholders lost or invented, unsafe text: a hand edit of the file, which lint
    /// reports): stored, the memory filled it into other posts as translated, and their builds
    /// failed in turn.
    private func isReusable(_ segment: SegmentEntry) -> Bool {
        guard segment.state.isTranslated, segment.origin != .pseudo, segment.origin != .auto,
              let target = segment.target, !target.isEmpty
        else { return false }
        return segment.inlineCodes.problems(in: target).isEmpty && TargetTextProblem.problems(in: target, source: segment.source).isEmpty
    }

    /// `segment` as a memory unit, with its keys made (as `MemoryUnit`'s own initializer makes
    /// them from the sources).
    private func memoryUnit(of segment: SegmentEntry, originFile: String, sourceKey: String, previousKey: String, nextKey: String) -> MemoryUnit {
        let created = Date()
        return MemoryUnit(
            id: nil, sourceLocale: sourceLocale, targetLocale: targetLocale, source: segment.source, target: segment.target ?? "",
            sourceKey: sourceKey, previousKey: previousKey, nextKey: nextKey,
            originFile: originFile, originSegment: segment.id, creator: segment.origin?.rawValue,
            created: created, changed: created, state: segment.state)
    }
}
