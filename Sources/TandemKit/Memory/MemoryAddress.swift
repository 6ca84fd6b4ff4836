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
    public func open() throws -> any TranslationMemory {
        switch self {
        case .sqlite(let path): return try SQLiteMemory(path: path)
        case .postgreSQL(let url): return try PostgreSQLMemory(url: url)
        }
    }
}
