import Foundation

/// Writes files the way git writes its lock files: to a temporary file in the same directory,
/// flushed to disk, renamed over the target, and the directory flushed. A crash leaves either
/// the old file or the new one, never a partial file.
public enum AtomicFile {
    /// Writes `bytes` to `url`, creating parent directories.
    public static func write(_ bytes: [UInt8], to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw TandemError.unwritable(path: url.path, reason: "cannot create \(directory.path): \(error.localizedDescription)")
        }
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).tandem-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(url, "cannot create a temporary file") }
        var written = 0
        let ok = bytes.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let result = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                written += result
            }
            return true
        }
        let error = errno
        guard ok, fsync(descriptor) == 0 else {
            close(descriptor)
            unlink(temporary.path)
            throw failure(url, String(cString: strerror(ok ? errno : error)))
        }
        close(descriptor)
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw failure(url, reason)
        }
        let directoryDescriptor = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    private static func failure(_ url: URL, _ reason: String) -> TandemError {
        .unwritable(path: url.path, reason: reason)
    }
}
