import Foundation

extension TranslationMemory {
    /// Streams the TMX file at `url` into the memory, about `batchSize` units per transaction
    /// (the `<tu>`s that give at most that many).
    ///
    /// A bulk load (`bulkLoad`): a file at least as large as what the memory holds is stored
    /// without the SQLite memory's index, built once at the end. Large batches: when the index
    /// stays (a small file into a large memory), every batch dirties index pages all over the
    /// file and each commit writes them to the WAL again. Three batches in flight of 50,000
    /// units stay well under 100 MB.
    ///
    /// Each `<tu>` gives one unit per variant in another language than its source. Units
    /// stored before an error in the file stay stored (they are whole units; the error names
    /// the line and column where reading stopped). `progress` is called with the number of
    /// `<tu>` read after every batch.
    @discardableResult
    public func importTMX(
        from url: URL, displayPath: String? = nil, sourceLocale override: LocaleTag? = nil, targetLocale: LocaleTag? = nil,
        batchSize: Int = 50_000, progress: ((Int) -> Void)? = nil
    ) throws -> TMXImportSummary {
        let path = displayPath ?? url.path
        let bytes = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        return try bulkLoad(expectedUnits: bytes / Self.tmxBytesPerUnit) {
            try storeTMX(from: url, path: path, sourceLocale: override, targetLocale: targetLocale, batchSize: batchSize, progress: progress)
        }
    }

    /// About how many bytes of TMX make one unit (196 in the benchmark's file of short
    /// sentences; tools that write properties and longer texts need more): from the file's size,
    /// a guess of its unit count that errs low.
    static var tmxBytesPerUnit: Int { 200 }

    /// `importTMX`'s reading and storing.
    private func storeTMX(
        from url: URL, path: String, sourceLocale override: LocaleTag?, targetLocale: LocaleTag?, batchSize: Int, progress: ((Int) -> Void)?
    ) throws -> TMXImportSummary {
        // Reading (XML) on its own thread while this one makes units (normalization) and stores them.
        let pipe = TMXBatchPipe()
        let finished = DispatchSemaphore(value: 0)
        let reading = TMXBatchReading(url: url, path: path, batchSize: batchSize, pipe: pipe)
        let now = Date()
        Thread {
            reading.run()
            finished.signal()
        }.start()
        defer { finished.wait() }
        var summary = TMXImportSummary()
        while true {
            switch pipe.receive() {
            case .batch(let translationUnits):
                var units: [MemoryUnit] = []
                units.reserveCapacity(translationUnits.count)
                for tu in translationUnits {
                    let made = tu.memoryUnits(sourceLocale: override, targetLocale: targetLocale, path: path, now: now)
                    for unit in made { summary.notePair(unit.sourceLocale, unit.targetLocale) }
                    if made.isEmpty {
                        summary.skipped += 1
                        summary.warnings.add(ImportWarning(
                            location: SourceLocation(file: path, line: max(tu.line, 1), column: 1),
                            reason: tu.skipReason(sourceLocale: override)))
                    }
                    units += made
                }
                do {
                    let written = try add(units)
                    summary.inserted += written.inserted
                    summary.updated += written.updated
                } catch {
                    pipe.cancel()
                    throw error
                }
                summary.translationUnits += translationUnits.count
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
