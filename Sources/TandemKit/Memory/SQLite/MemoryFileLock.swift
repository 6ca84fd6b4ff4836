import Foundation

/// The lock between a `tm rebuild` of one SQLite memory and every other run that has the file
/// open: an `AdvisoryFileLock` on `<memory>.lock` beside the file, shared by every process that
/// opens the memory (`MemoryAddress.open()`, for as long as it has it open: a `translate`
/// session, an `extract`, a lookup, any number of `tm import`s, whose transactions SQLite's busy
/// timeout orders) and exclusive for a rebuild, from its first read to the rename of the new
/// file over the old one.
///
/// Why every user and not only writers: a `translate` session keeps the memory open for hours
/// and adds each saved segment to it; had the file been renamed over meanwhile, those units
/// would go into the old, unlinked file and be gone from the memory.
///
/// Lock order, so two runs never wait for each other: the memory's lock before the project
/// lock (`ProjectLock.init(projectRoot:command:memory:…)` takes both in that order, and a
/// rebuild takes its exclusive lock before the project lock).
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
        /// Has the memory open to read or add units (`tm import`, lookups, `extract`, a
        /// `translate` session): shared. Where the lock file cannot be made (a memory in a
        /// read-only folder), `MemoryAddress.open()` uses the memory without it.
        case using
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
            unnamedHolder: "other tandem runs that have the memory open", waiting: waiting
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

    /// The shared lock of a run that opens the memory at `memoryPath` (`Use.using`); nil when
    /// its lock file cannot be made (a read-only folder: nobody can rebuild that file either).
    static func using(
        memoryPath: String, patience: TimeInterval = ProjectLock.configuredPatience, waiting: (String) -> Void
    ) throws -> MemoryFileLock? {
        // Shared holders write nothing into the file: the command is not recorded.
        do {
            return try MemoryFileLock(memoryPath: memoryPath, use: .using, command: "", patience: patience, waiting: waiting)
        } catch TandemError.unwritable {
            return nil
        }
    }

    /// Releases the lock (also done when the process ends, however it ends).
    public func release() { lock.release() }
}

/// One holder, one thread.
@available(*, unavailable)
extension MemoryFileLock: Sendable {}
