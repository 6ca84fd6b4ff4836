import Foundation

/// The reading half of a TMX import: parses the file and turns each `<tu>` into memory units
/// (one per variant in another language than the source), sent down a `TMXBatchPipe` in
/// batches of `batchSize`. Runs on its own thread.
final class TMXBatchReading: @unchecked Sendable {
    private let url: URL
    private let path: String
    private let sourceLocale: LocaleTag?
    private let batchSize: Int
    private let pipe: TMXBatchPipe

    init(url: URL, path: String, sourceLocale: LocaleTag?, batchSize: Int, pipe: TMXBatchPipe) {
        self.url = url
        self.path = path
        self.sourceLocale = sourceLocale
        self.batchSize = batchSize
        self.pipe = pipe
    }

    /// Reads the whole file. Units of a batch not yet full when an error stops the reading are
    /// not sent: what is stored is always whole batches.
    func run() {
        /// Thrown out of the parser's callback when the storing side gave up.
        struct Stopped: Error {}
        let reader = TMXReader(url: url, displayPath: path)
        var batch: [MemoryUnit] = []
        batch.reserveCapacity(batchSize)
        var translationUnits = 0
        var skipped = 0
        let now = Date()
        do {
            try reader.read { [self] tu in
                translationUnits += 1
                let units = tu.memoryUnits(sourceLocale: sourceLocale, path: path, now: now)
                if units.isEmpty { skipped += 1 }
                batch.append(contentsOf: units)
                if batch.count >= batchSize {
                    guard pipe.send(.batch(batch, translationUnits: translationUnits, skipped: skipped)) else { throw Stopped() }
                    batch.removeAll(keepingCapacity: true)
                    translationUnits = 0
                    skipped = 0
                }
            }
        } catch is Stopped {
            return
        } catch {
            _ = pipe.send(.end(error))
            return
        }
        if pipe.send(.batch(batch, translationUnits: translationUnits, skipped: skipped)) { _ = pipe.send(.end(nil)) }
    }
}
