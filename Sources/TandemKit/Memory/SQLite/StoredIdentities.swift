internal import GRDB

/// The identity hash of every stored unit, with the id of one unit that has it, held in memory
/// by `SQLiteMemory` for large batches and bulk loads.
///
/// A unit whose identity was never stored needs no duplicate check in the database; one whose
/// identity was is compared with that unit by id, which needs no index (a bulk load runs
/// without it). Valid while the writer connection's `PRAGMA data_version` is the one read with
/// the table: another connection's commit changes it, and the table is read again, so two
/// writers never duplicate a unit.
struct StoredIdentities {
    private var idByIdentity: [Int64: Int64] = [:]
    /// `data_version` when the table was read; nil when it is not loaded.
    private var version: Int64?

    /// Whether the table holds every stored identity now, reading it when `loading` and it is
    /// missing or out of date. Runs inside the write transaction.
    mutating func isCurrent(_ db: Database, loading: Bool) throws -> Bool {
        let current = try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? -1
        if version == current { return true }
        idByIdentity.removeAll()
        version = nil
        guard loading else { return false }
        // Over the index (lookup, identity) when it exists (it covers both columns), else the table.
        let cursor = try Row.fetchCursor(db, sql: "SELECT identity, id FROM unit")
        while let row = try cursor.next() { idByIdentity[row[0]] = row[1] }
        version = current
        return true
    }

    /// The id of a stored unit with `identity`, if any (a hash: the caller compares the unit).
    func id(of identity: Int64) -> Int64? { idByIdentity[identity] }

    /// A unit with `identity` is stored now as `id` (when the table is loaded).
    mutating func record(_ identity: Int64, id: Int64) {
        if version != nil { idByIdentity[identity] = id }
    }

    /// Every unit was deleted by this connection: the table stays current, empty.
    mutating func removeAll() { idByIdentity.removeAll() }
}
