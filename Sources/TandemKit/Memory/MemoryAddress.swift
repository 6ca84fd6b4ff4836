import Foundation

/// Where a translation memory is, as `memory:` in `tandem.yml` or `--memory` names it: a SQLite
/// file (a path, relative to the project) or a PostgreSQL server (a `postgres://` or
/// `postgresql://` URL). `open()` is the one way Tandem opens a memory.
public enum MemoryAddress: Equatable, Sendable, CustomStringConvertible {
    case sqlite(path: String)
    case postgreSQL(PostgreSQLURL)

    /// `configured` read as a URL when it has a PostgreSQL scheme, otherwise as a path (relative
    /// paths from `root`).
    public init(_ configured: String, relativeTo root: URL) {
        if let url = PostgreSQLURL(configured) {
            self = .postgreSQL(url)
        } else {
            self = .sqlite(path: configured.hasPrefix("/") ? configured : root.appendingPathComponent(configured).path)
        }
    }

    /// The file's path, or the URL without its password: what messages show.
    public var description: String {
        switch self {
        case .sqlite(let path): return path
        case .postgreSQL(let url): return url.description
        }
    }

    /// Whether two addresses are the same memory (paths compared after standardizing).
    public func isSameMemory(as other: MemoryAddress) -> Bool {
        switch (self, other) {
        case (.sqlite(let a), .sqlite(let b)):
            return URL(fileURLWithPath: a).standardizedFileURL.path == URL(fileURLWithPath: b).standardizedFileURL.path
        case (.postgreSQL(let a), .postgreSQL(let b)):
            return a == b
        default:
            return false
        }
    }

    /// Opens the memory: the SQLite file (created with its directory when missing) or a
    /// connection to the server (its tables created or migrated). A server that cannot be
    /// reached is a `TandemError.database` naming the URL without its password.
    ///
    /// A SQLite memory is opened under its shared lock (`MemoryFileLock`), held while the
    /// memory is: a `tm rebuild` never replaces the file under it, and waits for it. When a
    /// rebuild holds the lock, this waits for it (`waiting` is called once, with the holder),
    /// up to `TANDEM_LOCK_TIMEOUT`, then throws `TandemError.memoryLocked`.
    public func open(waiting: (String) -> Void = { _ in }) throws -> any TranslationMemory {
        switch self {
        case .sqlite(let path):
            let lock = try MemoryFileLock.using(memoryPath: path, waiting: waiting)
            let memory = try SQLiteMemory(path: path)
            memory.fileLock = lock
            return memory
        case .postgreSQL(let url): return try PostgreSQLMemory(url: url)
        }
    }
}
