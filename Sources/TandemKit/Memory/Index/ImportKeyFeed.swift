import Foundation

/// The keys a bulk load stores, added to one `MemoryIndexSegmentBuild` per source locale on a
/// thread of its own while the load goes on: the index of an import is then mostly made by
/// the time its last batch commits, from the keys in hand instead of read back from the
/// database, and only its layout is left for the end.
///
/// The loader says which ids it inserted (`record`); the builds stand for the units with ids
/// `firstId…lastId` only if those are all its own, which `SQLiteMemory` checks against the
/// committed state before it writes them as segments (else the index is made from the
/// database as without a feed). At most `capacity` batches wait, so memory stays bounded.
final class ImportKeyFeed: @unchecked Sendable {
    /// The memory's counters when the load began (its index dropped).
    let start: MemoryIndexState
    /// Ids the loader inserted: how many, the first and the last (ids only grow).
    private(set) var inserted: Int64 = 0
    private(set) var firstId: Int64 = 0
    private(set) var lastId: Int64 = 0

    private let condition = NSCondition()
    private var waiting: [[String: [String]]] = []
    private var closed = false
    private var stopped = false
    private let capacity = 2
    /// Touched by the feeding thread only, until `finish` has waited for it.
    private var builds: [String: MemoryIndexSegmentBuild] = [:]

    /// About how many units the load will store (the first locale's build is sized for them).
    private let expectedUnits: Int

    init(start: MemoryIndexState, expectedUnits: Int) {
        self.start = start
        self.expectedUnits = expectedUnits
        Thread { [self] in run() }.start()
    }

    /// Loader: a committed batch inserted `count` units with ids up to `lastId` (the first of
    /// them `firstId`), and `keys` are the normalized sources of its leverageable ones by source
    /// locale identifier.
    func record(keys: [String: [String]], count: Int64, firstId: Int64, lastId: Int64) {
        guard count > 0 else { return }
        if inserted == 0 { self.firstId = firstId }
        inserted += count
        self.lastId = lastId
        condition.lock()
        defer { condition.unlock() }
        while waiting.count >= capacity && !closed { condition.wait() }
        guard !closed else { return }
        waiting.append(keys)
        condition.broadcast()
    }

    /// Every key recorded, in its locale's build (waits for the thread to add them all).
    func finish() -> [String: MemoryIndexSegmentBuild] {
        close()
        let builds = builds
        self.builds = [:]
        return builds
    }

    /// Stops the thread and drops what it built (a load that failed).
    func cancel() {
        condition.lock()
        waiting.removeAll()
        condition.unlock()
        close()
        builds = [:]
    }

    private func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        while !stopped { condition.wait() }
        condition.unlock()
    }

    private func run() {
        while true {
            condition.lock()
            while waiting.isEmpty && !closed { condition.wait() }
            if waiting.isEmpty {
                stopped = true
                condition.broadcast()
                condition.unlock()
                return
            }
            let batch = waiting.removeFirst()
            condition.broadcast()
            condition.unlock()
            for (locale, keys) in batch {
                // Taken out while it grows, so the dictionary's copy is never shared.
                var build = builds.removeValue(forKey: locale)
                    ?? (builds.isEmpty ? MemoryIndexSegmentBuild(expectedKeys: expectedUnits) : MemoryIndexSegmentBuild())
                for key in keys { build.add(key) }
                builds[locale] = build
            }
        }
    }
}
