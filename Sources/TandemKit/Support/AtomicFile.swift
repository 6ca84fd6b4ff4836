import Foundation

/// Writes a whole file atomically (see `AtomicFileWriter`): a crash leaves either the old file
/// or the new one, never a partial file.
public enum AtomicFile {
    /// Writes `bytes` to `url`, creating parent directories.
    public static func write(_ bytes: [UInt8], to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        try TandemError.createDirectory(directory, for: url)
        let writer = try AtomicFileWriter(destination: url)
        try writer.write(bytes)
        try writer.commit()
    }
}
