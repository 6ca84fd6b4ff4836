import Foundation

/// Writes a whole file atomically (see `AtomicFileWriter`): a crash leaves either the old file
/// or the new one, never a partial file.
public enum AtomicFile {
    /// Writes `bytes` to `url`, creating parent directories.
    public static func write(_ bytes: [UInt8], to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw TandemError.unwritable(path: url.path, reason: "cannot create \(directory.path): \(error.localizedDescription)")
        }
        let writer = try AtomicFileWriter(destination: url)
        try writer.write(bytes)
        try writer.commit()
    }
}
