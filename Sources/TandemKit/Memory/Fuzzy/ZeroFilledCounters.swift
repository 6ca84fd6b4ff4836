import Foundation

/// A fixed number of `UInt32` counters that start at zero without being written.
///
/// `FuzzyIndex.search` counts shared bigrams per key id, but only for the ids of the query's
/// length band, a contiguous slice of them. An `Array(repeating: 0, count:)` of a million
/// counters wrote 4 MB and faulted in every page of it, in every process that looked anything
/// up (a tenth of a cold `tm lookup`). `calloc` of a block this large maps fresh pages, which
/// the kernel zeroes when first touched: a search pays for the pages of its band only.
///
/// A reference type (the memory is freed once): a `FuzzySearchScratch` copy shares it, which is
/// why a scratch is one per thread.
final class ZeroFilledCounters {
    let count: Int
    private let base: UnsafeMutablePointer<UInt32>

    init(count: Int) {
        self.count = count
        guard let memory = calloc(max(count, 1), MemoryLayout<UInt32>.stride) else {
            fatalError("out of memory allocating \(count) search counters")
        }
        base = memory.bindMemory(to: UInt32.self, capacity: max(count, 1))
    }

    deinit { free(base) }

    /// The counters, to read and write in a loop.
    var buffer: UnsafeMutableBufferPointer<UInt32> { UnsafeMutableBufferPointer(start: base, count: count) }
}
