import Foundation

/// The reading half of a TMX import: parses the file and sends its `<tu>`s down a
/// `TMXBatchPipe` in batches that give at most about `batchSize` memory units (one per variant
/// besides the source). Runs on its own thread; the storing thread turns them into units
/// (normalizing their keys), which splits the work about evenly between the two.
final class TMXBatchReading: Sendable {
    private let url: URL
    private let path: String
    private let batchSize: Int
    private let pipe: TMXBatchPipe

    init(url: URL, path: String, batchSize: Int, pipe: TMXBatchPipe) {
        self.url = url
        self.path = path
        self.batchSize = batchSize
        self.pipe = pipe
    }

    /// Reads the whole file. A batch not yet full when an error stops the reading is not sent:
    /// what is stored is always whole batches.
    func run() {
        /// Thrown out of the parser's callback when the storing side gave up.
        struct Stopped: Error {}
        let reader = TMXReader(url: url, displayPath: path)
        var batch: [TMXTranslationUnit] = []
        batch.reserveCapacity(batchSize)
        var units = 0
        do {
            try reader.read { [self] tu in
                batch.append(tu)
                units += max(tu.variants.count - 1, 1)
                if units >= batchSize {
                    guard pipe.send(.batch(batch)) else { throw Stopped() }
                    batch.removeAll(keepingCapacity: true)
                    units = 0
                }
            }
        } catch is Stopped {
            return
        } catch {
            _ = pipe.send(.end(error))
            return
        }
        if pipe.send(.batch(batch)) { _ = pipe.send(.end(nil)) }
    }
}
