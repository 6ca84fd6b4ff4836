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
                let source = (sourceLocale ?? tu.sourceLocale).flatMap { locale in tu.variants.first { $0.locale == locale } }
                guard let source, !source.text.isEmpty else {
                    skipped += 1
                    return
                }
                // Most files have no <prop>: no lookups then (each hashes its key).
                let properties = tu.properties.isEmpty ? nil : tu.properties
                let state = properties?[TMXWriter.Property.state].flatMap(SegmentState.init(rawValue:)) ?? .translated
                var produced = false
                for variant in tu.variants where variant.locale != source.locale && !variant.text.isEmpty {
                    var unit = MemoryUnit(
                        sourceLocale: source.locale, targetLocale: variant.locale, source: source.text, target: variant.text,
                        originFile: properties?[TMXWriter.Property.originFile] ?? path,
                        originSegment: properties?[TMXWriter.Property.originSegment] ?? tu.tuid,
                        creator: tu.creator, created: tu.created ?? tu.changed ?? now, changed: tu.changed, state: state)
                    if let properties {
                        unit.previousKey = properties[TMXWriter.Property.previousKey] ?? ""
                        unit.nextKey = properties[TMXWriter.Property.nextKey] ?? ""
                    }
                    batch.append(unit)
                    produced = true
                }
                if !produced { skipped += 1 }
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
