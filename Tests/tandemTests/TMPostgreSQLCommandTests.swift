import Foundation
import Testing
import TandemTestSupport

/// The CLI on a shared PostgreSQL memory (`memory: postgres://…` in tandem.yml, or --memory),
/// each test in a schema of its own on the test server.
@Suite("tandem on a PostgreSQL memory")
struct TMPostgreSQLCommandTests {
    /// A TMX of `sources` (zh-CN → en, target "EN:" + source).
    static func tmx(_ sources: [String]) -> String {
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4">
            <header creationtool="Vendor" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="zh-CN" datatype="plaintext"/>
            <body>

            """
        for source in sources {
            text += "<tu><tuv xml:lang=\"zh-CN\"><seg>\(source)</seg></tuv><tuv xml:lang=\"en\"><seg>EN:\(source)</seg></tuv></tu>\n"
        }
        return text + "</body>\n</tmx>\n"
    }

    /// A helper's finding with a team: a teammate's `tm rebuild` of the shared memory, from a
    /// checkout without this one's newest segment file, removed its units, and this checkout's
    /// extract skipped the unchanged, fully translated post ever after: the units never came
    /// back. A post's record names the memory's instance it gave its units to; a rebuild
    /// changes it, and the post is extracted (its units given) again.
    @Test(.enabled(if: PostgreSQLTestServer.isAvailable, Comment(rawValue: PostgreSQLTestServer.absentMessage)))
    func extractGivesItsUnitsAgainAfterATeammatesRebuild() throws {
        let schema = try PostgreSQLTestServer.makeSchema()
        defer { schema.drop() }
        let mine = try TemporaryProject(extraConfiguration: "memory: '\(schema.url)'\n")
        let theirs = try TemporaryProject(extraConfiguration: "memory: '\(schema.url)'\n")
        defer { mine.remove(); theirs.remove() }
        try mine.write("今天下雨了。\n", to: "content/posts/a.md")
        #expect(try ExecutableRunner.run(["extract"], in: mine.root).status == 0)
        let file = try JSONSerialization.jsonObject(with: Data(try mine.read("locales/en/posts/a.json"))) as? [String: Any]
        let id = try #require((file?["segments"] as? [[String: Any]])?.first?["id"] as? String)
        #expect(try ExecutableRunner.run(["set", id, "--", "It rained today."], in: mine.root).status == 0)
        #expect(try ExecutableRunner.run(["extract"], in: mine.root).status == 0)
        #expect(try ExecutableRunner.run(["tm", "rebuild"], in: theirs.root).status == 0)
        #expect(!(try ExecutableRunner.run(["tm", "lookup", "今天下雨了。"], in: mine.root).standardOutput.contains("It rained today.")))
        #expect(try ExecutableRunner.run(["extract"], in: mine.root).status == 0)
        #expect(try ExecutableRunner.run(["tm", "lookup", "今天下雨了。"], in: mine.root).standardOutput.contains("It rained today."))
    }

    @Test func aServerThatCannotBeReachedExitsTwoNamingTheURLWithoutItsPassword() throws {
        // Port 1 refuses at once; no server is needed for this test.
        for url in ["postgres://bob:hunter2@127.0.0.1:1/tm", "postgresql://bob@127.0.0.1:1/tm?password=hunter2&connect_timeout=5"] {
            let stats = try ExecutableRunner.run(["tm", "stats", "--memory", url])
            #expect(stats.status == 2)
            #expect(stats.standardError.hasPrefix("error: postgres"), "\(stats.standardError)")
            #expect(stats.standardError.contains("bob@127.0.0.1:1/tm"), "\(stats.standardError)")
            #expect(stats.standardError.contains("cannot connect"), "\(stats.standardError)")
            #expect(!stats.standardError.contains("hunter2"), "\(stats.standardError)")
        }
        let project = try TemporaryProject(extraConfiguration: "memory: 'postgres://bob:hunter2@127.0.0.1:1/tm'\n")
        defer { project.remove() }
        try project.write("今天天气很好。\n", to: "content/posts/hello.md")
        let extract = try ExecutableRunner.run(["extract"], in: project.root)
        #expect(extract.status == 2)
        #expect(extract.standardError.contains("postgres://bob@127.0.0.1:1/tm: cannot connect"), "\(extract.standardError)")
        #expect(!extract.standardError.contains("hunter2"))
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("locales/en/posts/hello.json").path))
    }

    /// libpq and the TLS and Kerberos libraries it needs cost every process about 7 ms to load:
    /// only a command that opens a PostgreSQL memory loads it (the dynamic loader's own log says
    /// which files it opened).
    @Test func onlyACommandOnAPostgreSQLMemoryLoadsLibpq() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        let onSQLite = try ExecutableRunner.run(["tm", "stats"], in: project.root, environment: ["LD_DEBUG": "files"])
        #expect(onSQLite.status == 0, "\(onSQLite.standardError.suffix(500))")
        #expect(onSQLite.standardError.contains("file=libicuuc"), "the loader's log is read")
        #expect(!onSQLite.standardError.contains("libpq"))
        let onPostgreSQL = try ExecutableRunner.run(["tm", "stats", "--memory", "postgres://bob@127.0.0.1:1/tm"], environment: ["LD_DEBUG": "files"])
        #expect(onPostgreSQL.status == 2)
        #expect(onPostgreSQL.standardError.contains("file=libpq.so.5"))
    }

    @Test func aLibpqThatCannotBeLoadedIsSaidPlainly() throws {
        let stats = try ExecutableRunner.run(
            ["tm", "stats", "--memory", "postgres://bob:hunter2@127.0.0.1:1/tm"], environment: ["TANDEM_LIBPQ": "/nonexistent/libpq.so.5"])
        #expect(stats.status == 2)
        #expect(stats.standardError.contains("cannot load PostgreSQL's client library (libpq.so.5; Debian: apt-get install libpq5)"), "\(stats.standardError)")
        #expect(stats.standardError.contains("/nonexistent/libpq.so.5"), "\(stats.standardError)")
        #expect(!stats.standardError.contains("hunter2"))
    }

    @Test(.enabled(if: PostgreSQLTestServer.isAvailable, Comment(rawValue: PostgreSQLTestServer.absentMessage)))
    func extractFillsAKnownSentenceFromThePostgreSQLMemoryInTandemYml() throws {
        let schema = try PostgreSQLTestServer.makeSchema()
        defer { schema.drop() }
        let project = try TemporaryProject(extraConfiguration: "memory: '\(schema.url)'\n")
        defer { project.remove() }
        try project.write(Self.tmx(["今天天气很好。"]), to: "vendor.tmx")
        let imported = try ExecutableRunner.run(["tm", "import", "vendor.tmx"], in: project.root)
        #expect(imported.status == 0, "\(imported.standardError)")
        #expect(imported.standardOutput.contains("1 new"))
        // The project's memory: the file is kept in tm/ so that rebuild finds it.
        #expect(FileManager.default.fileExists(atPath: project.root.appendingPathComponent("tm/vendor.tmx").path))
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent(".tandem/memory.sqlite").path))

        try project.write("今天天气很好。这句话还没有翻译。\n", to: "content/posts/hello.md")
        let extract = try ExecutableRunner.run(["extract"], in: project.root)
        #expect(extract.status == 0, "\(extract.standardError)")
        #expect(extract.standardOutput.contains("1 exact"), "\(extract.standardOutput)")
        let json = try JSONSerialization.jsonObject(with: Data(try project.read("locales/en/posts/hello.json"))) as! [String: Any]
        let segments = json["segments"] as! [[String: Any]]
        #expect(segments[0]["target"] as? String == "EN:今天天气很好。")
        #expect(segments[0]["origin"] as? String == "tm")
        #expect(segments[0]["state"] as? String == "translated")
        #expect(segments[1]["target"] == nil)

        let stats = try ExecutableRunner.run(["tm", "stats"], in: project.root)
        #expect(stats.status == 0, "\(stats.standardError)")
        #expect(stats.standardOutput.hasPrefix("postgresql://"))
        // Rebuild: the kept TMX's unit, and the filled segment with its neighbour as context.
        let rebuild = try ExecutableRunner.run(["tm", "rebuild", "--json"], in: project.root)
        #expect(rebuild.status == 0, "\(rebuild.standardError)")
        let summary = try JSONSerialization.jsonObject(with: Data(rebuild.standardOutput.utf8)) as! [String: Any]
        #expect(summary["tmxUnits"] as? Int == 1)
        #expect(summary["segmentUnits"] as? Int == 1)
        #expect(summary["units"] as? Int == 2)
        let lookup = try ExecutableRunner.run(["tm", "lookup", "今天天气很好!", "--json"], in: project.root)
        #expect(lookup.standardOutput.contains("EN:今天天气很好。"), "\(lookup.standardError)")
    }

    @Test(.enabled(if: PostgreSQLTestServer.isAvailable, Comment(rawValue: PostgreSQLTestServer.absentMessage)))
    func twoImportsAtOnceStoreEveryUnitOnce() throws {
        let schema = try PostgreSQLTestServer.makeSchema()
        defer { schema.drop() }
        let temporary = try TemporaryDirectory(prefix: "tandem-pg-import")
        defer { temporary.remove() }
        let directory = temporary.url
        // 1,500 units each, 1,000 of them in both files (in opposite orders).
        let shared = (0..<1000).map { "两个文件都有的第\($0)句。" }
        try Self.tmx(shared + (0..<500).map { "只在甲文件的第\($0)句。" }).write(to: directory.appendingPathComponent("a.tmx"), atomically: true, encoding: .utf8)
        try Self.tmx(shared.reversed() + (0..<500).map { "只在乙文件的第\($0)句。" }).write(to: directory.appendingPathComponent("b.tmx"), atomically: true, encoding: .utf8)
        let statuses = Statuses()
        DispatchQueue.concurrentPerform(iterations: 2) { n in
            let result = try? ExecutableRunner.run(["tm", "import", "--no-keep", "--memory", schema.url, n == 0 ? "a.tmx" : "b.tmx"], in: directory)
            statuses.record(result?.status ?? -1, result?.standardError ?? "")
        }
        #expect(statuses.values == [0, 0], "\(statuses.errors)")
        let stats = try ExecutableRunner.run(["tm", "stats", "--json", "--memory", schema.url], in: directory)
        let json = try JSONSerialization.jsonObject(with: Data(stats.standardOutput.utf8)) as! [String: Any]
        #expect(json["units"] as? Int == 2000)
    }

    /// Exit statuses collected from two threads.
    final class Statuses: @unchecked Sendable {
        private let lock = NSLock()
        private var collected: [Int32] = []
        private(set) var errors = ""
        func record(_ status: Int32, _ error: String) {
            lock.lock()
            collected.append(status)
            errors += error
            lock.unlock()
        }
        var values: [Int32] { lock.lock(); defer { lock.unlock() }; return collected }
    }
}
