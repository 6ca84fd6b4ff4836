/// Lays out a `FlatImage` in memory: sections appended in order, then `image(fields:)` writes
/// the header.
struct FlatImageBuilder: FlatImageSink {
    private var body: [UInt8] = []
    private var sections: [(offset: Int, byteCount: Int)] = []

    init() {}

    mutating func append<T: FixedWidthInteger>(_ values: UnsafeBufferPointer<T>) {
        while body.count % 8 != 0 { body.append(0) }
        sections.append((body.count, values.count * MemoryLayout<T>.stride))
        body.append(contentsOf: UnsafeRawBufferPointer(values))
    }

    /// The whole image with `fields` in its header.
    func image(fields: [UInt64]) -> [UInt8] {
        Self.header(fields: fields, sections: sections, bodyCount: body.count) + body
    }

    /// Where the sections of an image with `fieldCount` fields and `sectionCount` sections
    /// begin (the header's length, 8-byte aligned): it depends on no section's size, so a
    /// writer can put the sections first and the header last.
    static func headerEnd(fieldCount: Int, sectionCount: Int) -> Int {
        (40 + 8 * fieldCount + 16 * sectionCount + 7) / 8 * 8
    }

    /// The header of an image whose sections lie at `sections` (offsets from the header's
    /// end) in a body of `bodyCount` bytes.
    static func header(fields: [UInt64], sections: [(offset: Int, byteCount: Int)], bodyCount: Int) -> [UInt8] {
        var header: [UInt8] = FlatImage.magic
        func put<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { header.append(contentsOf: $0) } }
        let headerEnd = headerEnd(fieldCount: fields.count, sectionCount: sections.count)
        put(FlatImage.version)
        put(UInt32(sections.count))
        put(UInt64(headerEnd + bodyCount))
        put(UInt64(0))  // checksum, filled in below
        put(UInt64(fields.count))
        for field in fields { put(field) }
        for section in sections {
            put(UInt64(headerEnd + section.offset))
            put(UInt64(section.byteCount))
        }
        while header.count < headerEnd { header.append(0) }
        let checksum = header.withUnsafeBytes { FlatImage.checksum($0, headerEnd: 40 + 8 * fields.count + 16 * sections.count) }
        withUnsafeBytes(of: checksum.littleEndian) { raw in
            for (index, byte) in raw.enumerated() { header[24 + index] = byte }
        }
        return header
    }
}
