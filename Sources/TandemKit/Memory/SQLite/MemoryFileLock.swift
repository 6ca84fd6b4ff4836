import Foundation

/// The lock between `tm import` and `tm rebuild` of one SQLite memory: an `AdvisoryFileLock`
/// on `<memory>.lock` beside the file, shared by imports (any number at once: SQLite's busy
/// timeout orders their transactions) and exclusive for a rebuild, from its first read to the
/// rename of the new file over the old one.
///
/// Why a lock file rather than SQLite's own write lock: a rebuild renames a new file over the
/// memory, so a unit an import committed into the old file meanwhile would be gone, and an
/// import commits in 50,000-unit transactions, so one split by a rebuild would be half in each
/// file; SQLite's busy timeout (30 s) is shorter than a large rebuild and cannot say who holds
/// the lock; and SQLite deletes a database's `-wal` and `-shm` by name when its last connection
/// closes, so a file renamed over one still open elsewhere can lose its companions. Held for
/// the whole import, the lock makes an import and a rebuild one after the other: the import's
/// units end up in the file the rebuild made (kept in `tm/`, the rebuild reads them; or added
/// after it), and no import has the old file open when it is replaced.
/// A PostgreSQL memory needs none: a rebuild is one transaction that holds the memory's
/// `tandem_state` row, so an import's transactions wait for it and then see its units.
public final class MemoryFileLock {
    /// What the holder does to the memory.
    public enum Use: Sendable {
        /// Adds units (`tm import`): shared with other adders.
        case adding
        /// Replaces the file (`tm rebuild`): alone.
        case replacing
    }

    private let lock: AdvisoryFileLock

    /// The lock file.
    public var file: URL { lock.file }

    /// `<memoryPath>.lock`.
    public static func lockFile(ofMemoryAt memoryPath: String) -> URL {
        URL(fileURLWithPath: memoryPath + ".lock")
    }

    /// Takes the lock of the SQLite memory at `memoryPath` for `use`, waiting up to `patience`
    /// seconds (`TANDEM_LOCK_TIMEOUT`, as the project lock); `waiting` is called once, with the
    /// holder, when the lock is busy. Throws `TandemError.memoryLocked` naming the holder when
    /// the wait runs out.
    public init(
        memoryPath: String, use: Use, command: String, patience: TimeInterval = ProjectLock.configuredPatience,
        waiting: (String) -> Void = { _ in }
    ) throws {
        let file = Self.lockFile(ofMemoryAt: memoryPath)
        lock = try AdvisoryFileLock(
            file: file, exclusive: use == .replacing, command: command, patience: patience,
            unnamedHolder: "tm import runs adding to the memory", waiting: waiting
        ) { holder, waited in
            TandemError.memoryLocked(lockFile: file.path, holder: holder, waitedSeconds: waited)
        }
    }

    /// The lock of the memory at `address` for `use` when it is a SQLite file; nil for a
    /// PostgreSQL memory, which needs none.
    public static func lock(
        _ address: MemoryAddress, use: Use, command: String, patience: TimeInterval = ProjectLock.configuredPatience,
        waiting: (String) -> Void = { _ in }
    ) throws -> MemoryFileLock? {
        guard case .sqlite(let path) = address else { return nil }
        return try MemoryFileLock(memoryPath: path, use: use, command: command, patience: patience, waiting: waiting)
    }

    /// Releases the lock (also done when the process ends, however it ends).
    public func release() { lock.release() }
}

/// One holder, one thread.
@available(*, unavailable)
extension MemoryFileLock: Sendable {}
