import Foundation

/// The digests of the files `ExtractRun` hashes (posts, segment files), read from the state's
/// records by stamp instead of from the files when it can: the way git's index avoids reading
/// unchanged files.
///
/// A file's digest is taken from its record when its stamp (`FileStamp`: device, inode, size,
/// modification and change times in nanoseconds) equals the recorded one; a record is made only
/// for a stamp taken before the file was read and after it had settled: its times older than
/// `reference`, the file system's time read (`FileSystemClock`) before the stamp. A file changed
/// after that gets a time at or past `reference`, so an equal stamp later means the same bytes.
/// A file changed within the same clock tick as the reading (a post saved just before `extract`,
/// a segment file the last run wrote just before it recorded) is "racily clean" in git's words:
/// it gets no record, and the next run reads it again, as it reads any file whose stamp differs
/// (a `touch`: same bytes, new record).
final class FileDigests {
    /// The records to keep: the previous run's, with this run's reads in place of them.
    private(set) var records: [String: ExtractState.FileRecord]
    /// The file system's time before any stamp this run records was taken (nil: no clock, no
    /// record is made).
    var reference: FileSystemClock.Time?

    init(records: [String: ExtractState.FileRecord], reference: FileSystemClock.Time?) {
        self.records = records
        self.reference = reference
    }

    /// The digest of the bytes of the file at `filePath` (project path `path`): from its record
    /// when its stamp is the recorded one, else read (nil when it is missing or cannot be read).
    /// `stamp`: the file's stamp taken earlier in this run (nil inside: it had none), when known.
    func digest(_ path: String, atPath filePath: String, stamp known: FileStamp?? = nil) -> UInt64? {
        guard let stamp = known ?? FileStamp(path: filePath) else {
            records[path] = nil
            return nil
        }
        if let record = records[path], record.stamp == stamp { return record.digest }
        // Stamped before the read: a change during it moves the stamp away from this one.
        guard let digest = Self.digest(ofFileAt: filePath) else {
            records[path] = nil
            return nil
        }
        if let reference, stamp.isSettled(before: reference) {
            records[path] = ExtractState.FileRecord(stamp: stamp, digest: digest)
        } else {
            records[path] = nil
        }
        return digest
    }

    /// Keeps only the records of `paths` (those of posts and files the state still names).
    func keepOnly(_ paths: Set<String>) {
        records = records.filter { paths.contains($0.key) }
    }

    /// The digest of `bytes`: their count and FNV-1a (`ExtractInputs.add(bytes:)`).
    static func digest(of bytes: UnsafeRawBufferPointer) -> UInt64 {
        var inputs = ExtractInputs()
        inputs.add(bytes: bytes)
        return inputs.digest
    }

    /// The digest of the file at `path`, or nil when it cannot be read.
    static func digest(ofFileAt path: String) -> UInt64? {
        (try? FileBytes.contents(atPath: path))?.withUnsafeBytes { digest(of: $0) }
    }
}
