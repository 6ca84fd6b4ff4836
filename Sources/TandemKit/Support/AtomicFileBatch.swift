import Foundation
internal import CTandemSystem

/// Writes many files atomically with two flushes in all instead of two per file: every new file
/// goes to a temporary file beside its target; `commit()` flushes the file system once
/// (`syncfs`), renames each temporary file over its target, and flushes again. A crash leaves
/// every target either old or new, never partial; nothing is renamed before all new content
/// is on disk. `tandem extract` writes thousands of segment files this way.
public final class AtomicFileBatch {
    private var pending: [(temporary: URL, destination: URL)] = []

    public init() {}

    deinit { abandon() }

    /// Stages `bytes` for `url` (parent directories are created now).
    public func write(_ bytes: [UInt8], to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        try TandemError.createDirectory(directory, for: url)
        let (temporary, descriptor) = try TemporaryFile.create(beside: url)
        defer { close(descriptor) }
        pending.append((temporary, url))
        try AtomicFileWriter.writeAll(bytes, to: descriptor, path: url.path)
    }

    /// Drops what is staged for `url` (its target keeps its content unless staged again): a
    /// writer that learns better content before the commit withdraws the first, so that a crash
    /// mid-commit never leaves the first renamed without the second.
    func withdraw(_ url: URL) {
        let path = url.path
        for item in pending where item.destination.path == path { unlink(item.temporary.path) }
        pending.removeAll { $0.destination.path == path }
    }

    /// Makes every staged file its target's content.
    public func commit() throws {
        guard let first = pending.first else { return }
        try flushFileSystem(containing: first.temporary)
        for item in pending where rename(item.temporary.path, item.destination.path) != 0 {
            throw TandemError.unwritable(path: item.destination.path, reason: String(cString: strerror(errno)))
        }
        let renamed = pending
        pending = []
        try flushFileSystem(containing: renamed[0].destination)
    }

    /// Drops every staged file; targets keep their old content.
    public func abandon() {
        for item in pending { unlink(item.temporary.path) }
        pending = []
    }

    private func flushFileSystem(containing url: URL) throws {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw TandemError.unwritable(path: url.path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        if tandem_syncfs(descriptor) != 0 {
            throw TandemError.unwritable(path: url.path, reason: String(cString: strerror(errno)))
        }
    }
}

/// Not thread-safe: one batch, one thread.
@available(*, unavailable)
extension AtomicFileBatch: Sendable {}
