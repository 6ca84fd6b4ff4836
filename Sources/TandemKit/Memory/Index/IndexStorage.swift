import Foundation

/// The bytes an index's buffers point into, alive as long as the index: a copy in memory (an
/// index built in this process) or a read-only memory map of an index file (opened in
/// milliseconds; only the pages a lookup touches are ever read).
final class IndexStorage: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
    private let release: (UnsafeRawBufferPointer) -> Void

    /// A copy of `image` in memory (8-byte aligned, as every section of an image is).
    init(copying image: [UInt8]) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(image.count, 8), alignment: 8)
        image.withUnsafeBytes { source in
            if let base = source.baseAddress { buffer.baseAddress!.copyMemory(from: base, byteCount: source.count) }
        }
        bytes = UnsafeRawBufferPointer(start: buffer.baseAddress, count: image.count)
        release = { UnsafeMutableRawPointer(mutating: $0.baseAddress!).deallocate() }
    }

    /// The file at `path`, mapped read-only (nil when it cannot be opened or is empty).
    /// Mapped, not read: a reading process pays for the pages it touches, not for the file.
    init?(mapping path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_size > 0 else { return nil }
        let size = Int(status.st_size)
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else { return nil }
        bytes = UnsafeRawBufferPointer(start: address, count: size)
        release = { munmap(UnsafeMutableRawPointer(mutating: $0.baseAddress!), $0.count) }
    }

    deinit { release(bytes) }
}
