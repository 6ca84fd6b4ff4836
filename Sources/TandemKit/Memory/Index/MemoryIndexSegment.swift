/// One piece of a memory's persisted index: the distinct normalized sources of a source
/// locale's leverageable units over an id range, with everything a lookup needs laid out flat
/// (`FlatImage`), so it is searched where it lies, in a mapped file or in memory.
///
/// Sections: the keys (`FlatStringTable`: exact check and the key of a fuzzy hit), the
/// symbolizer's words (`FlatStringTable`: a query is cut into the same symbols the keys were),
/// and the lossless `FuzzyIndex` over the keys' symbols. A segment has its own vocabulary, so
/// segments are independent: a search over several is the union of their hits (edit distance
/// compares words for equality, whatever number each segment gave them).
struct MemoryIndexSegment {
    let coverage: MemoryIndexCoverage
    let keys: FlatStringTable
    private let words: FlatStringTable
    let index: FuzzyIndex

    /// Header fields after the coverage's.
    private static let symbolSpaceField = 5

    /// The segment in `image`; nil when the image is not a sound segment.
    init?(image: FlatImage) {
        guard image.sectionCount == MemoryIndexSegmentBuild.sectionCount,
              image.fields.count > Self.symbolSpaceField,
              let coverage = MemoryIndexCoverage(fields: image.fields),
              let keys = FlatStringTable(image: image, firstSection: 0),
              let words = FlatStringTable(image: image, firstSection: FlatStringTable.sectionCount),
              image.fields[Self.symbolSpaceField] == UInt64(MatchSymbolizer.tokenBase) + UInt64(words.count),
              let index = FuzzyIndex(image: image, firstSection: 2 * FlatStringTable.sectionCount,
                                     symbolSpace: Int(image.fields[Self.symbolSpaceField])),
              index.count == keys.count
        else { return nil }
        self.coverage = coverage
        self.keys = keys
        self.words = words
        self.index = index
    }

    /// The segment of `keys` (distinct) built in memory.
    init(keys: [String], coverage: MemoryIndexCoverage) {
        self.init(image: FlatImage(IndexStorage(copying: Self.image(keys: keys, coverage: coverage)))!)!
    }

    /// The image (file bytes) of the segment of `keys`.
    static func image(keys: [String], coverage: MemoryIndexCoverage) -> [UInt8] {
        var build = MemoryIndexSegmentBuild()
        for key in keys { build.add(key) }
        return build.image(coverage: coverage)
    }

    /// Whether some unit of the segment has the normalized source `key`.
    func contains(_ key: String) -> Bool { keys.position(of: key) != nil }

    /// The keys within `minimum` similarity of `key` (lossless, see `FuzzyIndex`).
    func hits(for key: String, minimum: Int, scratch: inout FuzzySearchScratch) -> [FuzzyKeyHit] {
        var symbols: [UInt32] = []
        MatchSymbolizer.scan(key) { token, scalar in
            guard let token else { return symbols.append(scalar) }
            symbols.append(words.position(of: token).map { MatchSymbolizer.tokenBase + UInt32($0) } ?? MatchSymbolizer.unknownToken)
        }
        var check = FuzzyHitCheck(queryKey: key)
        return index.search(symbols, minimum: minimum, scratch: &scratch).compactMap { hit in
            guard hit.entry < keys.count else { return nil }
            let candidate = keys.string(at: hit.entry)
            // What the file says is checked against the text (equal unless the file is damaged).
            let similarity = check.similarity(of: candidate)
            return similarity >= minimum ? FuzzyKeyHit(key: candidate, similarity: similarity) : nil
        }
    }
}
