extension SegmentFile {
    /// The translated segments (pseudo-translations excepted) as memory units, each with its
    /// neighbours as context: what `extract` stores and `tm rebuild` reads back. `originFile`
    /// is the file's path as units record it (relative to the project).
    public func memoryUnits(originFile: String) -> [MemoryUnit] {
        var units: [MemoryUnit] = []
        for (index, segment) in segments.enumerated() {
            // Pseudo-translations test layouts; they are not translations to reuse.
            guard segment.state.isTranslated, segment.origin != .pseudo, let target = segment.target, !target.isEmpty else { continue }
            units.append(MemoryUnit(
                sourceLocale: sourceLocale, targetLocale: targetLocale, source: segment.source, target: target,
                previousSource: index > 0 ? segments[index - 1].source : nil,
                nextSource: index + 1 < segments.count ? segments[index + 1].source : nil,
                originFile: originFile, originSegment: segment.id, creator: segment.origin?.rawValue,
                state: segment.state))
        }
        return units
    }
}
