import Foundation

/// The time as a file system stamps files: the modification time of a file created now in a
/// directory (then removed). A file's own times come from this clock, with its granularity (a
/// tick of a few milliseconds, a second or two on some file systems), which the system clock
/// read in a program does not share: a file changed after a system-clock time can carry an
/// earlier stamp. `FileStamp.isSettled(before:)` compares against this.
public enum FileSystemClock {
    /// A reading of the clock of one file system.
    public struct Time: Equatable, Sendable {
        /// The file system (`st_dev`).
        public var device: UInt64
        /// Nanoseconds since 1970.
        public var nanoseconds: Int64

        public init(device: UInt64, nanoseconds: Int64) {
            self.device = device
            self.nanoseconds = nanoseconds
        }
    }

    /// The time now on the file system of `directory` (created if missing), or nil when no file
    /// can be made there (a read-only project): then no stamp can be trusted.
    public static func now(in directory: URL) -> Time? {
        guard (try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)) != nil,
              let (url, descriptor) = try? TemporaryFile.create(beside: directory.appendingPathComponent("clock"))
        else { return nil }
        defer {
            close(descriptor)
            unlink(url.path)
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        return Time(device: UInt64(info.st_dev), nanoseconds: FileStamp.nanoseconds(info.st_mtim))
    }
}
