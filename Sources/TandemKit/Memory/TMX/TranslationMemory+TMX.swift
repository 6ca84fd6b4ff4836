import Foundation

extension TranslationMemory {
    /// Streams the TMX file at `url` into the memory, `batchSize` units per transaction.
    ///
    /// Each `<tu>` gives one unit per variant in another language than its source. Units
    /// stored before an error in the file stay stored (they are whole units; the error names
    /// the line and column where reading stopped). `progress` is called with the number of
    /// `<tu>` read after every batch.
    @discardableResult
    public func importTMX(
        from url: URL, displayPath: String? = nil, sourceLocale override: LocaleTag? = nil,
        batchSize: Int = 5000, progress: ((Int) -> Void)? = nil
    ) throws -> TMXImportSummary {
        let path = displayPath ?? url.path
        let reader = TMXReader(url: url, displayPath: path)
        var summary = TMXImportSummary()
        var batch: [MemoryUnit] = []
        batch.reserveCapacity(batchSize)
        func flush() throws {
            let written = try add(batch)
            summary.inserted += written.inserted
            summary.updated += written.updated
            batch.removeAll(keepingCapacity: true)
            progress?(summary.translationUnits)
        }
        let now = Date()
        try reader.read { tu in
            summary.translationUnits += 1
            let sourceLocale = override ?? tu.sourceLocale
            guard let source = tu.variants.first(where: { $0.locale == sourceLocale }), !source.text.isEmpty else {
                summary.skipped += 1
                return
            }
            let state = tu.properties[TMXWriter.Property.state].flatMap(SegmentState.init(rawValue:)) ?? .translated
            var produced = false
            for variant in tu.variants where variant.locale != source.locale && !variant.text.isEmpty {
                var unit = MemoryUnit(
                    sourceLocale: source.locale, targetLocale: variant.locale, source: source.text, target: variant.text,
                    originFile: tu.properties[TMXWriter.Property.originFile] ?? path,
                    originSegment: tu.properties[TMXWriter.Property.originSegment] ?? tu.tuid,
                    creator: tu.creator, created: tu.created ?? tu.changed ?? now, changed: tu.changed, state: state)
                unit.previousKey = tu.properties[TMXWriter.Property.previousKey] ?? ""
                unit.nextKey = tu.properties[TMXWriter.Property.nextKey] ?? ""
                batch.append(unit)
                produced = true
            }
            if !produced { summary.skipped += 1 }
            if batch.count >= batchSize { try flush() }
        }
        try flush()
        return summary
    }

    /// Writes the memory (units whose target is `targetLocale`, when given) as TMX 1.4b at
    /// `url`, atomically. Returns the number of units written.
    @discardableResult
    public func exportTMX(to url: URL, targetLocale: LocaleTag? = nil, toolVersion: String) throws -> Int {
        // The header's srclang: the one source language, or *all* when there are several.
        let sources = Set(try statistics().pairs.filter { targetLocale == nil || $0.targetLocale == targetLocale?.identifier }
            .map(\.sourceLocale))
        let writer = try TMXWriter(
            destination: url, sourceLocale: sources.count == 1 ? LocaleTag(sources.first!) : nil, toolVersion: toolVersion)
        var count = 0
        do {
            try forEachUnit(sourceLocale: nil, targetLocale: targetLocale) { unit in
                try writer.write(unit)
                count += 1
            }
            try writer.finish()
        } catch {
            writer.abandon()
            throw error
        }
        return count
    }
}
