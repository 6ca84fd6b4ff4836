/// Where an index's sections are laid out, one `append` per section, in order: an image in
/// memory (`FlatImageBuilder`) or a file written as the sections are made
/// (`FlatImageFileWriter`), so a large index is never held twice.
protocol FlatImageSink {
    /// Appends `values` as the next section.
    mutating func append<T: FixedWidthInteger>(_ values: UnsafeBufferPointer<T>)
}

extension FlatImageSink {
    /// Appends `values` as the next section.
    mutating func append<T: FixedWidthInteger>(_ values: [T]) {
        values.withUnsafeBufferPointer { append($0) }
    }
}
