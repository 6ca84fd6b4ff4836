import Foundation

/// A `MemoryIndexSegment` being made key by key: each distinct key is kept as UTF-8 (with its
/// `StableHash`, which its string table needs), cut into symbols and its bigrams counted when
/// it is added. An import adds its keys batch by batch while it stores them, on a thread of
/// its own (`ImportKeyFeed`), so that at its end only the layout is left to do; the image is
/// then written straight to its file (`write(to:coverage:)`) rather than made in memory.
///
/// Adding a key held already does nothing, so its keys need not be distinct.
struct MemoryIndexSegmentBuild {
    private var keyBytes: [UInt8] = []
    private var keyOffsets: [UInt64] = [0]
    private var keyHashes: [Int64] = []
    /// Position + 1 of each key by its hash (open addressing, at most half full; 0 is empty).
    private var slots = [UInt32](repeating: 0, count: 1 << 10)
    private var symbolizer = MatchSymbolizer()
    private var fuzzy = FuzzyIndexBuild()

    /// The image's sections: the keys' and the words' string tables, then the fuzzy index.
    static let sectionCount = 2 * FlatStringTable.sectionCount + FuzzyIndex.sectionCount

    init() {}

    /// A build sized for about `expectedKeys` distinct keys: a million-key import otherwise
    /// rehashes its key and bigram tables a dozen times as they grow, each time missing the
    /// cache for every entry.
    init(expectedKeys: Int) {
        var size = 1 << 10
        while size < min(expectedKeys, 1 << 22) * 2 { size <<= 1 }
        slots = [UInt32](repeating: 0, count: size)
        fuzzy = FuzzyIndexBuild(expectedSequences: expectedKeys)
    }

    /// Distinct keys added.
    var count: Int { keyHashes.count }

    /// Adds `key` (a normalized source) unless it was added already.
    mutating func add(_ key: String) {
        var key = key
        let isNew = key.withUTF8 { insert($0) }
        if isNew { fuzzy.add(symbolizer.learnSymbols(of: key)) }
    }

    private mutating func insert(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let hash = StableHash.of(utf8)
        if (count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var index = FlatStringTable.home(hash, mask: mask)
        while slots[index] != 0 {
            let position = Int(slots[index]) - 1
            if keyHashes[position] == hash,
               keyBytes[Int(keyOffsets[position])..<Int(keyOffsets[position + 1])].elementsEqual(utf8) {
                return false
            }
            index = (index + 1) & mask
        }
        slots[index] = UInt32(count + 1)
        keyHashes.append(hash)
        keyBytes.append(contentsOf: utf8)
        keyOffsets.append(UInt64(keyBytes.count))
        return true
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [UInt32](repeating: 0, count: size)
        for (position, hash) in keyHashes.enumerated() {
            var index = FlatStringTable.home(hash, mask: size - 1)
            while slots[index] != 0 { index = (index + 1) & (size - 1) }
            slots[index] = UInt32(position + 1)
        }
    }

    /// The image's header fields: the coverage's, then the symbol space.
    func fields(coverage: MemoryIndexCoverage) -> [UInt64] {
        coverage.fields + [UInt64(symbolizer.symbolSpace)]
    }

    /// Appends the segment's sections (the layout `MemoryIndexSegment(image:)` reads) and
    /// empties the build, letting go of each part once it is laid out.
    mutating func appendSections(to sink: inout some FlatImageSink) {
        FlatStringTable.appendSections(offsets: keyOffsets, bytes: keyBytes, hashes: keyHashes, to: &sink)
        (keyBytes, keyOffsets, keyHashes, slots) = ([], [0], [], [0])
        FlatStringTable.appendSections(of: symbolizer.words, to: &sink)
        fuzzy.appendSections(to: &sink)
    }

    /// The segment's image in memory (and the build emptied).
    mutating func image(coverage: MemoryIndexCoverage) -> [UInt8] {
        let fields = fields(coverage: coverage)
        var builder = FlatImageBuilder()
        appendSections(to: &builder)
        return builder.image(fields: fields)
    }

    /// Writes the segment's image to `url` atomically, section by section (and empties the build).
    mutating func write(to url: URL, coverage: MemoryIndexCoverage) throws {
        let fields = fields(coverage: coverage)
        var writer = try FlatImageFileWriter(destination: url, fieldCount: fields.count, sectionCount: Self.sectionCount)
        appendSections(to: &writer)
        try writer.commit(fields: fields)
    }
}
