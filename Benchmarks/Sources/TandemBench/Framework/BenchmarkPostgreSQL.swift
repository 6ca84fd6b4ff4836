import Foundation
import TandemKit

/// The PostgreSQL memory's participants: the server `make bench` starts for them
/// (`.ci/with-test-postgres`, which sets `TANDEM_TEST_POSTGRES_URL`), a schema per use made with
/// Debian's `psql` (outside every clock), and the prepared memories kept there for the run.
enum BenchmarkPostgreSQL {
    static let environmentVariable = "TANDEM_TEST_POSTGRES_URL"

    /// The server's URL, or why there is none.
    static func serverURL() throws -> String {
        guard let url = ProcessInfo.processInfo.environment[environmentVariable], !url.isEmpty else {
            throw BenchmarkError.usage("no PostgreSQL server: \(environmentVariable) is not set (make bench starts one)")
        }
        return url
    }

    /// The URL of schema `name` on the server, created when missing (`fresh`: emptied first).
    static func schemaURL(_ name: String, fresh: Bool = false) throws -> String {
        let server = try serverURL()
        try psql(server, (fresh ? "DROP SCHEMA IF EXISTS \(name) CASCADE; " : "") + "CREATE SCHEMA IF NOT EXISTS \(name)")
        return server + (server.contains("?") ? "&" : "?") + "options=-csearch_path%3D\(name)"
    }

    static func dropSchema(_ name: String) {
        if let server = try? serverURL() { try? psql(server, "DROP SCHEMA IF EXISTS \(name) CASCADE") }
    }

    /// The memory made from `tsvPath` in schema `tandem_bench_<name>`, filled on first use in the run.
    static func memory(tsvPath: String, name: String) throws -> PostgreSQLMemory {
        let pairs = try BenchmarkMemory.pairs(tsvPath)
        let memory = try PostgreSQLMemory(url: try schemaURL("tandem_bench_\(name)"))
        // Distinct pairs, as the memory keeps them: a memory of that size is complete.
        if try memory.statistics().units != Set(pairs.map { "\($0.source)\t\($0.target)" }).count {
            try memory.removeAll()
            let created = Date(timeIntervalSince1970: 1_700_000_000)
            for start in stride(from: 0, to: pairs.count, by: 50_000) {
                try memory.add(pairs[start..<min(start + 50_000, pairs.count)].map {
                    MemoryUnit(sourceLocale: BenchmarkMemory.sourceLocale, targetLocale: BenchmarkMemory.targetLocale,
                               source: $0.source, target: $0.target, originFile: "tm.tsv", created: created)
                })
            }
        }
        return memory
    }

    private static func psql(_ url: String, _ sql: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        process.arguments = ["-q", "-v", "ON_ERROR_STOP=1", url, "-c", sql]
        process.standardOutput = FileHandle.nullDevice
        // The server's notices (`schema … already exists, skipping`) are not results.
        process.environment = ProcessInfo.processInfo.environment.merging(["PGOPTIONS": "-c client_min_messages=warning"]) { $1 }
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchmarkError.usage("psql failed: \(sql)") }
    }
}
