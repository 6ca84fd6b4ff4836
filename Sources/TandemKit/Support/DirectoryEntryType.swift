import Foundation

/// What a `readdir` entry is (`DT_DIR`, `DT_REG`, `DT_LNK` …): its `d_type`, or, on a file system
/// that leaves that unknown, the entry's own status (`lstat`: a link is not followed). The
/// project's directory walks (`ContentListing`, `TemporaryFile`'s sweep) both need it.
enum DirectoryEntryType {
    /// The type of `entry`, found at `path`; nil when its status cannot be read. A kind other
    /// than a directory, a regular file or a link is `DT_UNKNOWN` when `lstat` had to tell.
    static func of(_ entry: UnsafeMutablePointer<dirent>, atPath path: String) -> Int32? {
        let type = Int32(entry.pointee.d_type)
        guard type == Int32(DT_UNKNOWN) else { return type }
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: return Int32(DT_DIR)
        case S_IFREG: return Int32(DT_REG)
        case S_IFLNK: return Int32(DT_LNK)
        default: return Int32(DT_UNKNOWN)
        }
    }
}
