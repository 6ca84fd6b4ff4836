import Foundation
import TandemTestSupport

/// Looks at a SQLite memory from outside, with the `sqlite3` command (as a person checking a
/// file after a crash would), never through Tandem's own code.
struct MemoryFileProbe {
    let path: String

    /// The columns that make a unit what it is (not its dates, which every run sets anew).
    static let unitColumns = "sourceLocale, targetLocale, source, target, previousKey, nextKey, originFile, originSegment, state"

    var exists: Bool { FileManager.default.fileExists(atPath: path) }

    /// `PRAGMA integrity_check`'s answer ("ok" for a sound file).
    func integrityCheck() throws -> String { try query("PRAGMA integrity_check") }

    /// The number of units (0 when the file or its table is not there yet).
    func unitCount() throws -> Int {
        guard exists, try hasUnitTable() else { return 0 }
        return Int(try query("SELECT count(*) FROM unit")) ?? -1
    }

    /// A SHA3 of the units, in an order independent of their ids; with `firstUnits`, of the
    /// first that many stored (by id): what a memory holding just those would hash to.
    /// (`sha3_query` hashes the statement's text too: both ask for the first n units.)
    func contentHash(firstUnits: Int? = nil) throws -> String {
        let count = try firstUnits ?? unitCount()
        guard count > 0 else { return Self.emptyHash }
        let columns = Self.unitColumns
        return try query("SELECT hex(sha3_query('SELECT \(columns) FROM (SELECT * FROM unit ORDER BY id LIMIT \(count)) ORDER BY \(columns)'))")
    }

    /// The hash of a memory without units.
    static let emptyHash = "empty"

    private func hasUnitTable() throws -> Bool {
        try query("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'unit'") == "1"
    }

    private func query(_ sql: String) throws -> String {
        guard let sqlite3 = ExternalTool.path("sqlite3") else { throw ProbeError(message: Self.sqlite3Missing) }
        let run = try ExternalTool.run(sqlite3, ["-batch", "-noheader", path, sql])
        let output = run.output.trimmingCharacters(in: .whitespacesAndNewlines)
        guard run.status == 0 else { throw ProbeError(message: "sqlite3 \(path) \(sql): \(output)") }
        return output
    }

    static let sqlite3Missing = "sqlite3 not installed (Debian sqlite3; `make deps` installs it)"

    /// What the `sqlite3` command answered when it failed.
    struct ProbeError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
