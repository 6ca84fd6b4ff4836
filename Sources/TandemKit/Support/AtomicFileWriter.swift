import Foundation

/// Writes a file so that readers see either the old content or the complete new one, never a
/// part: bytes go to a temporary file beside the target (named by `TemporaryFile`), which is flushed to disk (`fsync`),
/// renamed over the target, and the directory is flushed too (as git's lockfile does).
/// Until `commit()` nothing at the target path changes; `abandon()` (or an error) removes the
/// temporary file.
public final class AtomicFileWriter {
    public let destination: URL
    private let temporary: URL
    private var descriptor: Int32
    private var committed = false
    private var buffer: [UInt8] = []
    private let bufferLimit = 1 << 16

    /// Starts writing `destination` (its directory must exist).
    public init(destination: URL) throws {
        self.destination = destination
        (temporary, descriptor) = try TemporaryFile.create(beside: destination)
        buffer.reserveCapacity(bufferLimit)
    }

    deinit { abandon() }

    /// Appends `text` as UTF-8.
    public func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= bufferLimit { try flush() }
    }

    /// Appends `bytes`.
    public func write(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= bufferLimit { try flush() }
    }

    /// Appends `bytes` without copying them into the buffer when they are large (an index's
    /// sections of tens of megabytes).
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        if buffer.count + bytes.count < bufferLimit {
            buffer.append(contentsOf: bytes)
            return
        }
        try flush()
        try Self.writeAll(bytes, to: descriptor, path: destination.path)
    }

    /// Writes `bytes` at `offset` of what was written so far (a header whose numbers are known
    /// only once the rest is written), leaving the end where it is.
    func overwrite(_ bytes: [UInt8], at offset: Int) throws {
        try flush()
        try Self.writeAll(bytes, to: descriptor, at: offset, path: destination.path)
    }

    /// Writes every byte of `bytes` to `descriptor` at `offset` (`pwrite`), retrying
    /// interrupted and short writes.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32, at offset: Int, path: String) throws {
        var done = 0
        while done < bytes.count {
            let written = bytes[done...].withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(offset + done)) }
            if written < 0 {
                if errno == EINTR { continue }
                throw TandemError.unwritable(path: path, reason: String(cString: strerror(errno)))
            }
            done += written
        }
    }

    private func flush() throws {
        try Self.writeAll(buffer, to: descriptor, path: destination.path)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes every byte of `bytes` to `descriptor`, retrying interrupted and short writes.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws {
        try bytes.withUnsafeBytes { try writeAll($0, to: descriptor, path: path) }
    }

    static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw TandemError.unwritable(path: path, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
    }

    /// Makes the new content the file's content.
    public func commit() throws {
        do {
            try flush()
            if fsync(descriptor) != 0 {
                throw TandemError.unwritable(path: destination.path, reason: String(cString: strerror(errno)))
            }
            close(descriptor)
            descriptor = -1
            if rename(temporary.path, destination.path) != 0 {
                throw TandemError.unwritable(path: destination.path, reason: String(cString: strerror(errno)))
            }
            committed = true
            let directory = open(destination.deletingLastPathComponent().path, O_RDONLY | O_CLOEXEC)
            if directory >= 0 {
                fsync(directory)
                close(directory)
            }
        } catch {
            abandon()
            throw error
        }
    }

    /// Drops what was written; the destination keeps its old content.
    public func abandon() {
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
        if !committed {
            unlink(temporary.path)
            committed = true  // nothing left to clean up
        }
    }
}

/// Not thread-safe: one writer, one thread.
@available(*, unavailable)
extension AtomicFileWriter: Sendable {}
