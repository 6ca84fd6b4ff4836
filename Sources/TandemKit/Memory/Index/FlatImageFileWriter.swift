import Foundation

/// Writes a `FlatImage` to a file as its sections are made: the header's place is left empty,
/// each section is written when appended, and `commit(fields:)` writes the header and makes the
/// file whole atomically (`AtomicFileWriter`: flushed, renamed). A 200 MB index then never sits
/// in memory a second time as an image, nor is copied into one.
///
/// An error while writing is kept and thrown by `commit`, so the sections' producers
/// (`FlatImageSink`) need not handle it.
struct FlatImageFileWriter: FlatImageSink {
    private let writer: AtomicFileWriter
    private let headerEnd: Int
    private var sections: [(offset: Int, byteCount: Int)] = []
    private var bodyCount = 0
    private var failure: Error?

    /// Starts writing the image at `destination`, which will have `fieldCount` header fields
    /// and `sectionCount` sections.
    init(destination: URL, fieldCount: Int, sectionCount: Int) throws {
        try TandemError.createDirectory(destination.deletingLastPathComponent(), for: destination)
        writer = try AtomicFileWriter(destination: destination)
        let headerEnd = FlatImageBuilder.headerEnd(fieldCount: fieldCount, sectionCount: sectionCount)
        self.headerEnd = headerEnd
        record { try $0.write([UInt8](repeating: 0, count: headerEnd)) }
    }

    mutating func append<T: FixedWidthInteger>(_ values: UnsafeBufferPointer<T>) {
        let padding = (8 - bodyCount % 8) % 8
        if padding > 0 { record { try $0.write([UInt8](repeating: 0, count: padding)) } }
        bodyCount += padding
        let bytes = UnsafeRawBufferPointer(values)
        sections.append((bodyCount, bytes.count))
        record { try $0.write(bytes) }
        bodyCount += bytes.count
    }

    /// Writes the header with `fields` and makes the file whole; throws the first error met.
    func commit(fields: [UInt64]) throws {
        if let failure { throw failure }
        let header = FlatImageBuilder.header(fields: fields, sections: sections, bodyCount: bodyCount)
        precondition(header.count == headerEnd, "the image has the fields and sections it was started with")
        try writer.overwrite(header, at: 0)
        try writer.commit()
    }

    /// Drops the file (the destination is left as it was).
    func abandon() { writer.abandon() }

    private mutating func record(_ work: (AtomicFileWriter) throws -> Void) {
        guard failure == nil else { return }
        do { try work(writer) } catch { failure = error }
    }
}
