import Foundation

extension Project {
    /// The SQLite file `tandem.yml` names (`memory:`), absolute; a `postgres://` memory is
    /// refused with a clear message until that backend exists.
    public func memoryPath() throws -> String {
        let configured = configuration.memory
        if configured.hasPrefix("postgres://") || configured.hasPrefix("postgresql://") {
            throw TandemError.usage("tandem.yml names a PostgreSQL memory, which this version cannot open yet; use a SQLite path (or --memory PATH)")
        }
        return configured.hasPrefix("/") ? configured : root.appendingPathComponent(configured).path
    }

    /// The memory `tandem.yml` names, opened (its directory created when missing).
    public func openMemory() throws -> SQLiteMemory {
        let path = try memoryPath()
        try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        return try SQLiteMemory(path: path)
    }
}
