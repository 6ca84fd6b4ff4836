import Foundation

/// What `stat` says about a file that changes whenever its bytes do: which file it is (device,
/// inode), its size, and when its data and its inode last changed, in nanoseconds. Two equal
/// stamps of a path mean the same bytes only when the first was taken after the file had last
/// changed (`isSettled(before:)`): the racy-timestamp rule of git's index.
///
/// Why the change time: unlike the modification time it cannot be set by a program (`touch -d`,
/// `cp -p`, an archive extracted with its dates), and any write, rename onto the path, `chmod`
/// or link moves it.
public struct FileStamp: Hashable, Sendable {
    public var device: UInt64
    public var inode: UInt64
    public var size: Int64
    /// Modification time (`st_mtim`), nanoseconds since 1970.
    public var modified: Int64
    /// Status change time (`st_ctim`), nanoseconds since 1970.
    public var changed: Int64

    public init(device: UInt64, inode: UInt64, size: Int64, modified: Int64, changed: Int64) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modified = modified
        self.changed = changed
    }

    /// The stamp of the file at `path` (links followed), or nil when there is none (missing,
    /// not reachable).
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    /// The stamp in `info`.
    init(_ info: stat) {
        self.init(
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
            modified: Self.nanoseconds(info.st_mtim), changed: Self.nanoseconds(info.st_ctim))
    }

    /// Whether the file had last changed before `reference`, the file system's time read
    /// (`FileSystemClock`) before this stamp was taken, on the same file system. Only then does
    /// an equal stamp later mean equal bytes: a change after the stamp gets a time at or after
    /// `reference`, so it changes the stamp, whereas a change within the same clock tick as an
    /// earlier one (the clock advances every few milliseconds, every second or two on some file
    /// systems) can leave size and times as they were. A file on another file system is never
    /// settled: its clock may tick otherwise.
    public func isSettled(before reference: FileSystemClock.Time) -> Bool {
        device == reference.device && max(modified, changed) < reference.nanoseconds
    }

    static func nanoseconds(_ time: timespec) -> Int64 {
        Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}
