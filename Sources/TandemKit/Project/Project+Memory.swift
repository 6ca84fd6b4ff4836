import Foundation

extension Project {
    /// The memory `tandem.yml` names (`memory:`), opened: a SQLite file relative to the root.
    public func openMemory() throws -> SQLiteMemory {
        let configured = configuration.memory
        if configured.hasPrefix("postgres://") || configured.hasPrefix("postgresql://") {
            throw TandemError.usage("tandem.yml names a PostgreSQL memory, which this version cannot open yet; use a SQLite path")
        }
        let path = configured.hasPrefix("/") ? configured : root.appendingPathComponent(configured).path
        try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        return try SQLiteMemory(path: path)
    }
}
