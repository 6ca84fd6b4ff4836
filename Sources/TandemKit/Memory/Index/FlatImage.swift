import Foundation

/// A checked, flat binary layout of typed arrays ("sections"), read in place from an
/// `IndexStorage` without decoding: the on-disk and in-memory form of the memory's indexes.
///
/// Layout (little-endian, every section 8-byte aligned):
/// `magic (8) | version u32 | section count u32 | file size u64 | checksum u64 | field count u64 |
/// fields u64… | (offset u64, byte count u64) per section | sections`.
/// The checksum (`StableHash` of everything before the sections, with the checksum field as 0)
/// and the file size catch a truncated or overwritten header and section table; every section
/// is checked to lie inside the file at open, so a damaged file is refused, never read out of
/// bounds. (The sections' contents are not checksummed: hashing a 100 MB file would read all
/// of it on every open, which is what the map avoids. A lookup never trusts them further than
/// bounds: every answer is read back from the database.)
struct FlatImage {
    static let magic: [UInt8] = Array("TNDMIDX\u{1}".utf8)
    static let version: UInt32 = 1

    let storage: IndexStorage
    /// The header's numbers (what the image's maker recorded: generation, covered ids, …).
    let fields: [UInt64]
    private let sections: [(offset: Int, byteCount: Int)]

    var sectionCount: Int { sections.count }

    /// Reads the header of `storage`; nil when it is not a sound image.
    init?(_ storage: IndexStorage) {
        self.storage = storage
        let bytes = storage.bytes
        guard bytes.count >= 40, Array(bytes[0..<8]) == Self.magic else { return nil }
        func word(_ offset: Int) -> UInt64 { bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
        let version = bytes.loadUnaligned(fromByteOffset: 8, as: UInt32.self)
        let sectionCount = Int(bytes.loadUnaligned(fromByteOffset: 12, as: UInt32.self))
        guard version == Self.version, word(16) == UInt64(bytes.count), sectionCount < 1024 else { return nil }
        let fieldCount = Int(word(32))
        guard fieldCount < 1024 else { return nil }
        let headerEnd = 40 + 8 * fieldCount + 16 * sectionCount
        guard headerEnd <= bytes.count, word(24) == Self.checksum(bytes, headerEnd: headerEnd) else { return nil }
        fields = (0..<fieldCount).map { word(40 + 8 * $0) }
        var sections: [(Int, Int)] = []
        for index in 0..<sectionCount {
            let entry = 40 + 8 * fieldCount + 16 * index
            let (offset, byteCount) = (word(entry), word(entry + 8))
            guard offset % 8 == 0, offset >= UInt64(headerEnd), offset <= UInt64(bytes.count),
                  byteCount <= UInt64(bytes.count) - offset else { return nil }
            sections.append((Int(offset), Int(byteCount)))
        }
        self.sections = sections
    }

    /// Section `index` as an array of `T` (nil when its size is not a whole number of them).
    func section<T: FixedWidthInteger>(_ index: Int, as type: T.Type) -> UnsafeBufferPointer<T>? {
        guard index < sections.count, sections[index].byteCount % MemoryLayout<T>.stride == 0 else { return nil }
        let start = storage.bytes.baseAddress!.advanced(by: sections[index].offset)
        return UnsafeBufferPointer(start: start.assumingMemoryBound(to: T.self), count: sections[index].byteCount / MemoryLayout<T>.stride)
    }

    /// FNV over the header with the checksum field read as 0.
    static func checksum(_ bytes: UnsafeRawBufferPointer, headerEnd: Int) -> UInt64 {
        var header = Array(bytes[0..<headerEnd])
        for index in 24..<32 { header[index] = 0 }
        return header.withUnsafeBufferPointer { UInt64(bitPattern: StableHash.of($0)) }
    }
}
