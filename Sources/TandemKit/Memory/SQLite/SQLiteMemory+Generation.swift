import Foundation
internal import GRDB

extension SQLiteMemory {
    /// Bumps the memory's generation (SQLite's `user_version`, which the schema's migrator
    /// leaves alone) in the transaction that changed units, so it commits or rolls back with them.
    static func bumpGeneration(_ db: Database) throws {
        let generation = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        try db.execute(sql: "PRAGMA user_version = \(generation &+ 1)")
    }

    /// The generation of the memory file at `path`: a number every write that changes units
    /// bumps, read without loading anything (nor creating or migrating the file). "absent"
    /// when there is no file; nil when it cannot be read (then nothing may be assumed).
    public static func generation(path: String) -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return "absent" }
        do {
            let queue = try DatabaseQueue(path: path)
            defer { try? queue.close() }
            return try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") }.map(String.init)
        } catch {
            return nil
        }
    }
}
