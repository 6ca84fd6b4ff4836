extension SegmentFile {
    /// The translated segments (pseudo-translations excepted) as memory units, each with its
    /// neighbours as context; then its obsolete translations, without context (their sentence
    /// has left the post), so a rebuilt memory still offers them as the file keeps them. What
    /// `extract` stores and `tm rebuild` reads back. `originFile` is the file's path as units
    /// record it (relative to the project).
    public func memoryUnits(originFile: String) -> [MemoryUnit] {
        var units: [MemoryUnit] = []
        for (index, segment) in segments.enumerated() {
            guard let unit = memoryUnit(
                of: segment, originFile: originFile,
                previousSource: index > 0 ? segments[index - 1].source : nil,
                nextSource: index + 1 < segments.count ? segments[index + 1].source : nil)
            else { continue }
            units.append(unit)
        }
        for segment in obsolete ?? [] {
            if let unit = memoryUnit(of: segment, originFile: originFile, previousSource: nil, nextSource: nil) { units.append(unit) }
        }
        return units
    }

    /// `segment` as a memory unit, or nil when it is not a translation to reuse.
    private func memoryUnit(of segment: SegmentEntry, originFile: String, previousSource: String?, nextSource: String?) -> MemoryUnit? {
        // Pseudo-translations test layouts, and copies of what needs no translation teach
        // nothing: neither is a translation to reuse.
        guard segment.state.isTranslated, segment.origin != .pseudo, segment.origin != .auto, let target = segment.target, !target.isEmpty else { return nil }
        return MemoryUnit(
            sourceLocale: sourceLocale, targetLocale: targetLocale, source: segment.source, target: target,
            previousSource: previousSource, nextSource: nextSource,
            originFile: originFile, originSegment: segment.id, creator: segment.origin?.rawValue,
            state: segment.state)
    }
}
