import Foundation
import Testing
import TandemTestSupport

/// Issue 14, concurrency: four `extract`s and four `tm import`s at once on one project and one
/// memory finish with the results of running them one after another. Extracts of one project
/// take turns (the project lock, `.tandem/lock`); imports write the memory beside them. Each
/// run's time alone and together is printed (the 2× rule is measured, not asserted: the
/// machine's load is not Tandem's).
@Suite("Concurrent runs on one project and one memory", .serialized)
struct ConcurrentRunTests {
    @Test func fourExtractsAndFourTMImportsOnASQLiteMemoryGiveExactTotals() throws {
        let fixture = try ConcurrencyFixture()
        defer { fixture.directory.remove() }
        try fixture.runScenario(name: "SQLite", units: { project in
            Int(try Self.sqlite(project, "SELECT count(*) FROM unit"))!
        }, integrity: { project in
            let integrity = try Self.sqlite(project, "PRAGMA integrity_check")
            #expect(integrity == "ok")
        })
    }

    @Test(.enabled(if: PostgreSQLTestServer.isAvailable, Comment(rawValue: PostgreSQLTestServer.absentMessage)))
    func fourExtractsAndFourTMImportsOnAPostgreSQLMemoryGiveExactTotals() throws {
        // Each scenario (sequential, concurrent) has a memory of its own: tandem.yml of each
        // copy is pointed at its schema.
        let sequential = try PostgreSQLTestServer.makeSchema()
        let concurrent = try PostgreSQLTestServer.makeSchema()
        defer { sequential.drop(); concurrent.drop() }
        let fixture = try ConcurrencyFixture(memory: "POSTGRES_URL")
        defer { fixture.directory.remove() }
        // The template's tandem.yml names a placeholder; each copy gets its schema's URL.
        let schemas = ["sequential": sequential, "concurrent": concurrent]
        try fixture.runScenario(name: "PostgreSQL", units: { project in
            Int(try Self.psql(schemas[project.lastPathComponent]!.url, "SELECT count(*) FROM tandem_unit"))!
        }, integrity: { _ in }, prepare: { project in try Self.pointAt(schemas, project) })
    }

    /// A second extract that cannot get the lock within TANDEM_LOCK_TIMEOUT names the holder
    /// (pid, command, start time) and exits 2 without writing; once the holder goes on, both
    /// finish.
    @Test func anExtractThatCannotGetTheProjectLockNamesItsHolder() throws {
        let fixture = try ConcurrencyFixture()
        defer { fixture.directory.remove() }
        let project = try fixture.copy("locked")
        let scratch = fixture.directory.url.appendingPathComponent("scratch")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let lockFile = project.appendingPathComponent(".tandem/lock")
        let lockText = { (try? String(contentsOf: lockFile, encoding: .utf8)) ?? "" }
        // Stopped as soon as it has said who it is: it then holds the lock until continued. A
        // holder that finished between the look and the signal (a loaded machine) is let go
        // and another one started.
        var stopped: TimedRun?
        for attempt in 1...5 where stopped == nil {
            let holder = try TimedRun("holder-\(attempt)", ["extract"], in: project, scratch: scratch)
            try holder.start()
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline, holder.isRunning, !lockText().hasPrefix("pid \(holder.processIdentifier) ") { usleep(200) }
            kill(holder.processIdentifier, SIGSTOP)
            while holder.isRunning, ImportBesideRebuildTests.processState(holder.processIdentifier) != "T" { usleep(1_000) }
            if holder.isRunning, lockText().hasPrefix("pid \(holder.processIdentifier) ") {
                stopped = holder
            } else {
                kill(holder.processIdentifier, SIGCONT)
                holder.wait()
            }
        }
        let holder = try #require(stopped, "no extract in 5 could be stopped holding the lock")
        let said = lockText()
        #expect(said.hasPrefix("pid \(holder.processIdentifier) (tandem extract), started 20"), "\(said)")
        let before = try ConcurrencyFixture.segmentFiles(project)

        let waiter = try ExecutableRunner.run(["extract"], in: project, environment: ["TANDEM_LOCK_TIMEOUT": "1"])
        kill(holder.processIdentifier, SIGCONT)
        #expect(waiter.status == 2)
        #expect(waiter.standardError.contains("waiting for the project lock: pid \(holder.processIdentifier) (tandem extract)"), "\(waiter.standardError)")
        #expect(waiter.standardError.contains(".tandem/lock:1:1: error: another tandem run holds the project lock: pid \(holder.processIdentifier) (tandem extract), started 20"), "\(waiter.standardError)")
        #expect(waiter.standardError.contains("set TANDEM_LOCK_TIMEOUT=SECONDS to wait longer"), "\(waiter.standardError)")
        #expect(try ConcurrencyFixture.segmentFiles(project) == before)

        holder.wait()
        #expect(holder.status == 0, "\(holder.standardError)")
        // Released: the file no longer names a process, and the next run goes straight through.
        #expect(((try? String(contentsOf: lockFile, encoding: .utf8)) ?? "x").isEmpty)
        let after = try ExecutableRunner.run(["extract"], in: project, environment: ["TANDEM_LOCK_TIMEOUT": "0"])
        #expect(after.status == 0, "\(after.standardError)")
        #expect(!after.standardError.contains("waiting"))
    }

    static func sqlite(_ project: URL, _ sql: String) throws -> String {
        let run = try ExternalTool.run("/usr/bin/sqlite3", [project.appendingPathComponent(".tandem/memory.sqlite").path, sql])
        #expect(run.status == 0, "\(run.output)")
        return run.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func psql(_ url: String, _ sql: String) throws -> String {
        let run = try ExternalTool.run("/usr/bin/psql", ["-X", "-tA", "-d", url, "-c", sql])
        #expect(run.status == 0, "\(run.output)")
        return run.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Points the copy's tandem.yml at its own schema.
    static func pointAt(_ schemas: [String: PostgreSQLTestSchema], _ project: URL) throws {
        guard let schema = schemas[project.lastPathComponent] else { return }
        // `options=-csearch_path=…` in the URL: the memory's tables land in the test's schema.
        let file = project.appendingPathComponent("tandem.yml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "POSTGRES_URL", with: schema.url).write(to: file, atomically: true, encoding: .utf8)
    }
}
