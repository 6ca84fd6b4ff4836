import Foundation

extension TranslationMemory {
    /// Streams the TMX file at `url` into the memory, `batchSize` units per transaction.
    ///
    /// Large batches: the indexes are over hash values, so every batch dirties index pages all
    /// over the file, and each commit writes them to the WAL again; at a million units, batches
    /// of 5,000 wrote gigabytes. Three batches in flight of 50,000 units stay well under 100 MB.
    ///
    /// Each `<tu>` gives one unit per variant in another language than its source. Units
    /// stored before an error in the file stay stored (they are whole units; the error names
    /// the line and column where reading stopped). `progress` is called with the number of
    /// `<tu>` read after every batch.
    @discardableResult
    public func importTMX(
        from url: URL, displayPath: String? = nil, sourceLocale override: LocaleTag? = nil,
        batchSize: Int = 50_000, progress: ((Int) -> Void)? = nil
    ) throws -> TMXImportSummary {
        let path = displayPath ?? url.path
        // Reading (XML, normalization) on its own thread while this one stores the batches.
        let pipe = TMXBatchPipe()
        let finished = DispatchSemaphore(value: 0)
        let reading = TMXBatchReading(url: url, path: path, sourceLocale: override, batchSize: batchSize, pipe: pipe)
        Thread {
            reading.run()
            finished.signal()
        }.start()
        defer { finished.wait() }
        var summary = TMXImportSummary()
        while true {
            switch pipe.receive() {
            case .batch(let units, let translationUnits, let skipped):
                do {
                    let written = try add(units)
                    summary.inserted += written.inserted
                    summary.updated += written.updated
                } catch {
                    pipe.cancel()
                    throw error
                }
                summary.translationUnits += translationUnits
                summary.skipped += skipped
                progress?(summary.translationUnits)
            case .end(let error?):
                throw error
            case .end(nil):
                return summary
            }
        }
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
