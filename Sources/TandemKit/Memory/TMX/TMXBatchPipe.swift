import Foundation

/// Hands batches of units from the thread that reads a TMX file to the thread that stores
/// them, so parsing and storing run at the same time. At most `capacity` batches wait, so
/// memory stays bounded whatever the file's size.
final class TMXBatchPipe: @unchecked Sendable {
    /// What the reading side delivers.
    enum Item {
        /// `<tu>`s read, giving at most about the batch size in memory units.
        case batch([TMXTranslationUnit])
        /// Reading ended: nil after the whole file, or the error that stopped it.
        case end(Error?)
    }

    private let condition = NSCondition()
    private var items: [Item] = []
    private let capacity: Int
    private var cancelled = false

    init(capacity: Int = 2) { self.capacity = capacity }

    /// Reading side: waits while the pipe is full. Returns false once the storing side gave up.
    func send(_ item: Item) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= capacity && !cancelled { condition.wait() }
        if cancelled { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// Storing side: the next item, waiting for one.
    func receive() -> Item {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty { condition.wait() }
        let item = items.removeFirst()
        condition.broadcast()
        return item
    }

    /// Storing side: stop the reader (after a failed write).
    func cancel() {
        condition.lock()
        cancelled = true
        items.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
