import Foundation
import Testing
import TandemTestSupport

/// Issue 14, concurrency: a `tm import` and a `tm rebuild` of one memory at once. A rebuild of
/// a SQLite memory renames a new file over the old one, so the two take turns on the memory's
/// lock (`<memory>.lock`): an import started during a rebuild waits for it and adds its units
/// to the new file; a rebuild started during an import waits for it. A PostgreSQL rebuild is
/// one transaction, which an import's writes wait for. Each run is held at the point where the
/// other must wait, by a lock the test holds (the project's, SQLite's write lock, a PostgreSQL
/// table's), so the overlap does not depend on the machine's speed.
/// Afterwards the memory holds exactly what a rebuild of the project's files gives (every
/// kept import's units, from `tm/`) plus the `--no-keep` import's units.
@Suite("tm import beside tm rebuild", .serialized)
struct ImportBesideRebuildTests {
    @Test func tmImportsStartedDuringASQLiteRebuildWaitAndEndWithEveryUnit() throws {
        let fixture = try ConcurrencyFixture()
        defer { fixture.directory.remove() }
        let project = try fixture.copy("project")
        let scratch = try Self.scratch(fixture)
        try Self.tandem(["tm", "import", fixture.tmx("a")], in: project)

        // The test holds the project lock, which a rebuild takes after the memory's: the rebuild
        // then waits with the memory's lock held, however fast the machine.
        let projectLock = open(project.appendingPathComponent(".tandem/lock").path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        try #require(projectLock >= 0 && flock(projectLock, LOCK_EX) == 0)
        defer { close(projectLock) }
        let rebuild = try TimedRun("rebuild", ["tm", "rebuild"], in: project, scratch: scratch)
        try rebuild.start()
        let lockFile = project.appendingPathComponent(".tandem/memory.sqlite.lock")
        let rebuildHolds = "pid \(rebuild.processIdentifier) (tandem tm rebuild)"
        try Self.waitUntil("the rebuild holds the memory lock and waits for the project's") {
            Self.text(of: lockFile).hasPrefix(rebuildHolds) && rebuild.standardError.contains("waiting for the project lock")
        }

        // b is kept in tm/, c goes to the memory only (a rebuild before it would forget it).
        let imports = try [
            TimedRun("import-b", ["tm", "import", fixture.tmx("b")], in: project, scratch: scratch),
            TimedRun("import-c", ["tm", "import", "--no-keep", fixture.tmx("c")], in: project, scratch: scratch),
        ]
        for run in imports { try run.start() }
        try Self.waitUntil("both imports wait for the rebuild") {
            imports.allSatisfy { $0.standardError.contains("waiting for the memory lock: \(rebuildHolds)") }
        }
        #expect(imports.allSatisfy { $0.isRunning })
        flock(projectLock, LOCK_UN)
        for run in [rebuild] + imports {
            run.wait()
            #expect(run.status == 0, "\(run.label): \(run.standardError)")
        }

        let memory = project.appendingPathComponent(".tandem/memory.sqlite").path
        #expect(try Self.sqlite(memory, "PRAGMA integrity_check") == "ok")
        #expect(try Self.sqlite(memory, "SELECT count(*) FROM unit WHERE target LIKE 'Part %'") == "\(3 * ConcurrencyFixture.unitsPerTMX)")
        let fromFiles = try Self.unitsOfARebuild(of: project, scratch: scratch)
        #expect(try Self.sqlite(memory, "SELECT count(*) FROM unit") == "\(fromFiles + ConcurrencyFixture.unitsPerTMX)")
    }

    @Test func aSQLiteRebuildStartedDuringATMImportWaitsForIt() throws {
        let fixture = try ConcurrencyFixture()
        defer { fixture.directory.remove() }
        let project = try fixture.copy("project")
        let scratch = try Self.scratch(fixture)
        try Self.tandem(["tm", "import", fixture.tmx("a")], in: project)

        // The test holds SQLite's write lock on the memory: the import keeps its copy in tm/
        // under the memory's lock, then its units wait for SQLite (up to its busy timeout, 30
        // seconds), still holding the memory's lock, however fast the machine.
        let memory = project.appendingPathComponent(".tandem/memory.sqlite").path
        let writeLock = try SQLiteWriteLock(database: memory, scratch: scratch)
        let importRun = try TimedRun("import-b", ["tm", "import", fixture.tmx("b")], in: project, scratch: scratch)
        try importRun.start()
        let kept = project.appendingPathComponent("tm/b.tmx")
        try Self.waitUntil("the import keeps its file") { FileManager.default.fileExists(atPath: kept.path) }

        let rebuild = try TimedRun("rebuild", ["tm", "rebuild"], in: project, scratch: scratch)
        try rebuild.start()
        try Self.waitUntil("the rebuild waits for the import") {
            // Shared holders write nothing into the lock file: the kernel's list of locks names it.
            rebuild.standardError.contains("waiting for the memory lock: pid \(importRun.processIdentifier) (tandem tm import")
        }
        #expect(rebuild.isRunning && importRun.isRunning)
        writeLock.release()
        for run in [importRun, rebuild] {
            run.wait()
            #expect(run.status == 0, "\(run.label): \(run.standardError)")
        }

        #expect(try Self.sqlite(memory, "PRAGMA integrity_check") == "ok")
        #expect(try Self.sqlite(memory, "SELECT count(*) FROM unit WHERE target LIKE 'Part %'") == "\(2 * ConcurrencyFixture.unitsPerTMX)")
        #expect(try Int(Self.sqlite(memory, "SELECT count(*) FROM unit")) == Self.unitsOfARebuild(of: project, scratch: scratch))
    }

    @Test(.enabled(if: PostgreSQLTestServer.isAvailable, Comment(rawValue: PostgreSQLTestServer.absentMessage)))
    func tmImportsStartedDuringAPostgreSQLRebuildWaitForItsTransaction() throws {
        let schema = try PostgreSQLTestServer.makeSchema()
        defer { schema.drop() }
        let fixture = try ConcurrencyFixture(memory: "POSTGRES_URL")
        defer { fixture.directory.remove() }
        let project = try fixture.copy("project")
        try ConcurrentRunTests.pointAt(["project": schema], project)
        let scratch = try Self.scratch(fixture)
        try Self.tandem(["tm", "import", fixture.tmx("a")], in: project)

        // The test holds a lock the rebuild needs only after it has emptied the memory: the
        // locale pairs' table, which its first batch of units writes. So the rebuild waits there
        // with its transaction open and the memory's state row locked, however fast the machine,
        // and the imports started meanwhile must wait for that transaction.
        let holder = try PostgreSQLTestConnection(url: schema.url)
        let observer = try PostgreSQLTestConnection(url: schema.url)
        defer { holder.close(); observer.close() }
        let unitsBefore = try observer.execute("SELECT count(*) FROM tandem_unit")
        try holder.execute("BEGIN")
        try holder.execute("LOCK TABLE tandem_locale_pair IN EXCLUSIVE MODE")
        let rebuild = try TimedRun("rebuild", ["tm", "rebuild"], in: project, scratch: scratch)
        try rebuild.start()
        var rebuildBackend = ""
        try Self.waitUntil("the rebuild waits for the locale pairs' table") {
            rebuildBackend = (try? observer.execute("""
                SELECT pid FROM pg_locks WHERE relation = 'tandem_locale_pair'::regclass AND NOT granted
                """)) ?? ""
            return !rebuildBackend.isEmpty || !rebuild.isRunning
        }
        try #require(rebuild.isRunning, "the rebuild ended without waiting: \(rebuild.standardError)")
        // It has emptied the memory in its transaction: everyone else still sees every unit.
        #expect(try observer.execute("SELECT count(*) FROM tandem_unit") == unitsBefore)

        // b is kept in tm/, c goes to the memory only (a rebuild before it would forget it).
        let imports = try [
            TimedRun("import-b", ["tm", "import", fixture.tmx("b")], in: project, scratch: scratch),
            TimedRun("import-c", ["tm", "import", "--no-keep", fixture.tmx("c")], in: project, scratch: scratch),
        ]
        for run in imports { try run.start() }
        // Both imports wait, directly or behind each other, for the rebuild's transaction.
        let waitingBehindRebuild = """
            WITH RECURSIVE behind(pid) AS (
                SELECT pid FROM pg_stat_activity WHERE \(rebuildBackend) = ANY(pg_blocking_pids(pid))
                UNION SELECT a.pid FROM pg_stat_activity AS a, behind WHERE behind.pid = ANY(pg_blocking_pids(a.pid))
            ) SELECT count(*) FROM behind
            """
        try Self.waitUntil("both imports wait for the rebuild's transaction") {
            (try? observer.execute(waitingBehindRebuild)) == "2" || !imports.allSatisfy { $0.isRunning }
        }
        #expect(imports.allSatisfy { $0.isRunning }, "an import finished while the rebuild's transaction was open")
        try holder.execute("COMMIT")
        for run in [rebuild] + imports {
            run.wait()
            #expect(run.status == 0, "\(run.label): \(run.standardError)")
        }

        let count = { (sql: String) in try ConcurrentRunTests.psql(schema.url, sql) }
        #expect(try count("SELECT count(*) FROM tandem_unit WHERE target LIKE 'Part %'") == "\(3 * ConcurrencyFixture.unitsPerTMX)")
        let fromFiles = try Self.unitsOfARebuild(of: project, scratch: scratch)
        #expect(try count("SELECT count(*) FROM tandem_unit") == "\(fromFiles + ConcurrencyFixture.unitsPerTMX)")
    }

    /// The one-letter state of process `pid` (`R` running, `S` sleeping, `T` stopped, …), from
    /// `/proc/<pid>/stat`.
    static func processState(_ pid: Int32) -> String {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return "" }
        // "pid (comm) S …": the command name may hold spaces and parentheses; the state follows the last ")".
        return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).prefix(1).description
    }

    /// How many units a rebuild of `project`'s text files gives (into a SQLite file of its own).
    static func unitsOfARebuild(of project: URL, scratch: URL) throws -> Int {
        let check = scratch.appendingPathComponent("check-\(UUID().uuidString).sqlite").path
        try tandem(["tm", "rebuild", "--memory", check], in: project)
        return Int(try sqlite(check, "SELECT count(*) FROM unit")) ?? -1
    }

    static func tandem(_ arguments: [String], in project: URL) throws {
        let run = try ExecutableRunner.run(arguments, in: project)
        try #require(run.status == 0, "tandem \(arguments.joined(separator: " ")): \(run.standardError)")
    }

    static func sqlite(_ path: String, _ sql: String) throws -> String {
        let run = try ExternalTool.run("/usr/bin/sqlite3", [path, sql])
        #expect(run.status == 0, "\(run.output)")
        return run.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func scratch(_ fixture: ConcurrencyFixture) throws -> URL {
        let url = fixture.directory.url.appendingPathComponent("scratch")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func text(of file: URL) -> String { (try? String(contentsOf: file, encoding: .utf8)) ?? "" }

    /// Polls `condition` for up to a minute (a loaded machine starts processes slowly).
    static func waitUntil(_ what: String, _ condition: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(60)
        while !condition() {
            try #require(Date() < deadline, "timed out waiting until \(what)")
            usleep(2_000)
        }
    }
}
