/// Lays out a `FlatImage`: sections appended in order, then `image(fields:)` writes the header.
struct FlatImageBuilder {
    private var body: [UInt8] = []
    private var sections: [(offset: Int, byteCount: Int)] = []

    init() {}

    /// Appends `values` as the next section.
    mutating func append<T: FixedWidthInteger>(_ values: [T]) {
        while body.count % 8 != 0 { body.append(0) }
        sections.append((body.count, values.count * MemoryLayout<T>.stride))
        values.withUnsafeBytes { body.append(contentsOf: $0) }
    }

    /// The whole image with `fields` in its header.
    func image(fields: [UInt64]) -> [UInt8] {
        var header: [UInt8] = FlatImage.magic
        func put<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { header.append(contentsOf: $0) } }
        var headerEnd = 40 + 8 * fields.count + 16 * sections.count
        headerEnd = (headerEnd + 7) / 8 * 8
        put(FlatImage.version)
        put(UInt32(sections.count))
        put(UInt64(headerEnd + body.count))
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
        return header + body
    }
}
