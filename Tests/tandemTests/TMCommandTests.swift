import Foundation
import Testing
import TandemTestSupport

/// `tandem tm …`, run as a user runs it, in a throw-away project.
@Suite("tandem tm")
struct TMCommandTests {
    /// A throw-away project (tandem.yml, zh-CN → en) with `locales/en/posts/` and `tm/`.
    static func project() throws -> URL {
        let root = try TemporaryProject().root
        for folder in ["locales/en/posts", "tm"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        return root
    }

    static let segmentFile = """
        {
          "formatVersion": 1,
          "source": "content/posts/hello.md",
          "sourceLocale": "zh-CN",
          "targetLocale": "en",
          "segments": [
            {"id": "a1", "location": "body/p[1]/s[1]", "source": "今天天气很好。", "target": "The weather is fine today.", "state": "translated", "origin": "human"},
            {"id": "a2", "location": "body/p[1]/s[2]", "source": "我们去公园散步吧。", "target": "Let's take a walk in the park.", "state": "reviewed", "origin": "human"},
            {"id": "a3", "location": "body/p[1]/s[3]", "source": "还没有翻译。", "state": "new"}
          ]
        }
        """

    static let vendorTMX = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE tmx SYSTEM "tmx14.dtd">
        <tmx version="1.4">
          <header creationtool="Vendor" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="zh-CN" datatype="plaintext"/>
          <body>
            <tu><tuv xml:lang="zh-CN"><seg>欢迎光临。</seg></tuv><tuv xml:lang="en"><seg>Welcome.</seg></tuv></tu>
          </body>
        </tmx>
        """

    @Test func rebuildReadsSegmentFilesAndTMXThenLookupFindsThem() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data(Self.segmentFile.utf8).write(to: root.appendingPathComponent("locales/en/posts/hello.json"))
        try Data(Self.vendorTMX.utf8).write(to: root.appendingPathComponent("tm/vendor.tmx"))
        let rebuild = try ExecutableRunner.run(["tm", "rebuild"], in: root)
        #expect(rebuild.status == 0, "\(rebuild.standardError)")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(".tandem/memory.sqlite").path))
        let stats = try ExecutableRunner.run(["tm", "stats", "--format", "json"], in: root)
        let json = try JSONSerialization.jsonObject(with: Data(stats.standardOutput.utf8)) as! [String: Any]
        #expect(json["units"] as? Int == 3)

        let lookup = try ExecutableRunner.run(["tm", "lookup", "--json", "今天天气真好。", "--min", "60"], in: root)
        #expect(lookup.status == 0, "\(lookup.standardError)")
        // --json is the shorthand of --format json: the same bytes.
        let longForm = try ExecutableRunner.run(["tm", "lookup", "--format", "json", "今天天气真好。", "--min", "60"], in: root)
        #expect(longForm.standardOutput == lookup.standardOutput)
        let report = try JSONSerialization.jsonObject(with: Data(lookup.standardOutput.utf8)) as! [String: Any]
        let matches = report["matches"] as! [[String: Any]]
        #expect(matches.first?["target"] as? String == "The weather is fine today.")
        #expect(matches.first?["kind"] as? String == "fuzzy")
        #expect(matches.first?["score"] as? Int == 85)  // 7 characters, one substituted: ⌊600/7⌋
        #expect(matches.first?["diff"] as? String == "今天天气[-很-]{+真+}好。")
        #expect(matches.first?["origin"] as? String == "locales/en/posts/hello.json#a1")

        let text = try ExecutableRunner.run(["tm", "lookup", "欢迎光临。"], in: root)
        #expect(text.standardOutput.hasPrefix("100%  exact  zh-CN → en"))
        #expect(text.standardOutput.contains("target: Welcome."))

        // Rebuilding again gives the same memory, not twice as much.
        _ = try ExecutableRunner.run(["tm", "rebuild"], in: root)
        let again = try ExecutableRunner.run(["tm", "stats", "--format", "json"], in: root)
        #expect((try JSONSerialization.jsonObject(with: Data(again.standardOutput.utf8)) as! [String: Any])["units"] as? Int == 3)
    }

    /// A helper's finding: the memory keeps a unit per post a translation was saved in, and
    /// lookup showed the same pair once per post. It is one match now, its other places listed.
    /// A helper's findings with a team moving to PostgreSQL: a missing TMX was reported as a
    /// raw Foundation error (its copy in tm/ was planned first), and the old SQLite memory as
    /// "invalid UTF-8". Both are refused at 1:1 of the file, saying what to do.
    @Test func aMissingFileAndASQLiteMemoryAreRefusedPlainly() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        let missing = try ExecutableRunner.run(["tm", "import", "nope.tmx"], in: root)
        #expect(missing.status == 2)
        #expect(missing.standardError == "nope.tmx:1:1: error: cannot read: no such file\n", "\(missing.standardError)")
        try Self.segmentFile.write(to: root.appendingPathComponent("locales/en/posts/hello.json"), atomically: true, encoding: .utf8)
        #expect(try ExecutableRunner.run(["tm", "rebuild"], in: root).status == 0)
        let sqlite = try ExecutableRunner.run(["tm", "import", ".tandem/memory.sqlite"], in: root)
        #expect(sqlite.status == 2)
        #expect(sqlite.standardError.contains(".tandem/memory.sqlite:1:1: error: this is a SQLite memory, not a TMX, XLIFF or PO file; export it"), "\(sqlite.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("tm").path).isEmpty)
    }

    @Test func theSamePairFromTwoPostsIsOneMatch() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        for name in ["hello", "again"] {
            try project.write("---\ntitle: \"\(name)\"\n---\n\n今天天气很好。\n", to: "content/posts/\(name).md")
        }
        #expect(try ExecutableRunner.run(["extract"], in: project.root).status == 0)
        let file = try JSONSerialization.jsonObject(with: Data(try project.read("locales/en/posts/hello.json"))) as! [String: Any]
        let id = ((file["segments"] as! [[String: Any]]).first { $0["source"] as? String == "今天天气很好。" })!["id"] as! String
        for name in ["hello", "again"] {
            let set = try ExecutableRunner.run(["set", id, "--post", "content/posts/\(name).md", "--force", "The weather is fine today."], in: project.root)
            #expect(set.status == 0, "\(set.standardError)")
        }
        let lookup = try ExecutableRunner.run(["tm", "lookup", "--json", "今天天气很好。"], in: project.root)
        let report = try JSONSerialization.jsonObject(with: Data(lookup.standardOutput.utf8)) as! [String: Any]
        let matches = report["matches"] as! [[String: Any]]
        #expect(matches.count == 1, "\(lookup.standardOutput)")
        let places = [matches.first?["origin"] as? String] + ((matches.first?["alsoIn"] as? [String]) ?? []).map { $0 }
        #expect(Set(places.compactMap { $0 }) == ["locales/en/posts/hello.json#\(id)", "locales/en/posts/again.json#\(id)"])
        let text = try ExecutableRunner.run(["tm", "lookup", "今天天气很好。"], in: project.root)
        #expect(text.standardOutput.components(separatedBy: "target: The weather is fine today.").count == 2, "\(text.standardOutput)")
        #expect(text.standardOutput.contains(", and 1 more)"))
    }

    @Test func importExportRoundTripAndNoSilentOverwrite() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        let tmx = root.appendingPathComponent("vendor.tmx")
        try Data(Self.vendorTMX.utf8).write(to: tmx)
        let imported = try ExecutableRunner.run(["tm", "import", "vendor.tmx", "vendor.tmx"], in: root)
        #expect(imported.status == 0)
        #expect(imported.standardOutput == """
            vendor.tmx: 1 translation unit, 1 new, 0 already known; kept as tm/vendor.tmx
            vendor.tmx: 1 translation unit, 0 new, 1 already known; kept as tm/vendor.tmx

            """)
        let exported = try ExecutableRunner.run(["tm", "export", "-o", "out.tmx", "--locale", "en"], in: root)
        #expect(exported.status == 0)
        #expect(exported.standardOutput == "out.tmx: 1 unit\n")
        let text = try String(contentsOf: root.appendingPathComponent("out.tmx"), encoding: .utf8)
        #expect(text.contains("<seg>Welcome.</seg>"))
        let refused = try ExecutableRunner.run(["tm", "export", "-o", "out.tmx"], in: root)
        #expect(refused.status == 2)
        #expect(refused.standardError.contains("--force"))
        #expect(try ExecutableRunner.run(["tm", "export", "-o", "out.tmx", "--force"], in: root).status == 0)
    }

    /// Text files are the truth: an import keeps its file in tm/, so a rebuild recreates its
    /// units; a different file of the same name is refused before anything is stored.
    @Test func importKeepsTheFileSoRebuildRecreatesItsUnits() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("vendor"), withIntermediateDirectories: true)
        try Data(Self.vendorTMX.utf8).write(to: root.appendingPathComponent("vendor/vendor.tmx"))
        let imported = try ExecutableRunner.run(["tm", "import", "--json", "vendor/vendor.tmx"], in: root)
        #expect(imported.status == 0, "\(imported.standardError)")
        let report = try JSONSerialization.jsonObject(with: Data(imported.standardOutput.utf8)) as! [[String: Any]]
        #expect(report.first?["kept"] as? String == "tm/vendor.tmx")
        let kept = root.appendingPathComponent("tm/vendor.tmx")
        #expect(try Data(contentsOf: kept) == Data(Self.vendorTMX.utf8))

        #expect(try ExecutableRunner.run(["tm", "rebuild"], in: root).status == 0)
        let lookup = try ExecutableRunner.run(["tm", "lookup", "欢迎光临。"], in: root)
        #expect(lookup.standardOutput.contains("target: Welcome."))

        // Another vendor.tmx: refused (exit 2) before storing, naming the kept file; tm/ unchanged.
        let other = Self.vendorTMX.replacingOccurrences(of: "欢迎光临。", with: "再见。").replacingOccurrences(of: "Welcome.", with: "Goodbye.")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("other"), withIntermediateDirectories: true)
        try Data(other.utf8).write(to: root.appendingPathComponent("other/vendor.tmx"))
        let refused = try ExecutableRunner.run(["tm", "import", "other/vendor.tmx"], in: root)
        #expect(refused.status == 2)
        #expect(refused.standardError.hasPrefix("tm/vendor.tmx:1:1: error:"), "\(refused.standardError)")
        #expect(refused.standardError.contains("--no-keep"))
        #expect(try Data(contentsOf: kept) == Data(Self.vendorTMX.utf8))
        #expect(try ExecutableRunner.run(["tm", "lookup", "再见。"], in: root).standardOutput.contains("Goodbye.") == false)

        // --no-keep adds to the memory only: a rebuild forgets it, as the help says.
        #expect(try ExecutableRunner.run(["tm", "import", "--no-keep", "other/vendor.tmx"], in: root).status == 0)
        #expect(try ExecutableRunner.run(["tm", "lookup", "再见。"], in: root).standardOutput.contains("target: Goodbye."))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("tm").path) == ["vendor.tmx"])
        _ = try ExecutableRunner.run(["tm", "rebuild"], in: root)
        #expect(try ExecutableRunner.run(["tm", "lookup", "再见。"], in: root).standardOutput.contains("Goodbye.") == false)
    }

    /// With --source-locale the kept copy names the overridden source language on every unit, so
    /// a rebuild reads the units in the same direction as the import did.
    @Test func aSourceLanguageOverrideSurvivesRebuild() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        // The header claims English is the source; the units are Chinese translated into English.
        let wrongHeader = Self.vendorTMX.replacingOccurrences(of: "srclang=\"zh-CN\"", with: "srclang=\"en\"")
        try Data(wrongHeader.utf8).write(to: root.appendingPathComponent("mislabelled.tmx"))
        let imported = try ExecutableRunner.run(["tm", "import", "--source-locale", "zh-CN", "mislabelled.tmx"], in: root)
        #expect(imported.status == 0, "\(imported.standardError)")
        let kept = try String(contentsOf: root.appendingPathComponent("tm/mislabelled.tmx"), encoding: .utf8)
        #expect(kept.contains("<tu srclang=\"zh-CN\""))
        #expect(try ExecutableRunner.run(["tm", "rebuild"], in: root).status == 0)
        let stats = try ExecutableRunner.run(["tm", "stats", "--json"], in: root)
        let json = try JSONSerialization.jsonObject(with: Data(stats.standardOutput.utf8)) as! [String: Any]
        let pairs = json["pairs"] as! [[String: Any]]
        #expect(pairs.map { "\($0["sourceLocale"]!)→\($0["targetLocale"]!)" } == ["zh-CN→en"])
    }

    /// A CAT tool's TMX in en-US serves a project translating into en only once mapped: the
    /// plain import says so and how; `--target-locale en` stores the units as en, and rewrites
    /// the copy in tm/ (kept as it was by the first import) so a rebuild keeps them as en.
    @Test func regionalTargetsAreNamedAndMappedToTheProjectsLocale() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        let regional = Self.vendorTMX.replacingOccurrences(of: "xml:lang=\"en\"", with: "xml:lang=\"en-US\"")
        try Data(regional.utf8).write(to: root.appendingPathComponent("vendor.tmx"))
        let plain = try ExecutableRunner.run(["tm", "import", "vendor.tmx"], in: root)
        #expect(plain.status == 0, "\(plain.standardError)")
        #expect(plain.standardError.contains(
            "vendor.tmx: warning: 1 unit stored as zh-CN → en-US, which the project (zh-CN → en) never looks up; import the file again with --target-locale en"),
            "\(plain.standardError)")
        let unmapped = try ExecutableRunner.run(["tm", "lookup", "--target-locale", "en", "欢迎光临。"], in: root)
        #expect(!unmapped.standardOutput.contains("Welcome."), "\(unmapped.standardOutput)")

        let mapped = try ExecutableRunner.run(["tm", "import", "--target-locale", "en", "vendor.tmx"], in: root)
        #expect(mapped.status == 0, "\(mapped.standardError)")
        #expect(!mapped.standardError.contains("warning"), "\(mapped.standardError)")
        #expect(try ExecutableRunner.run(["tm", "rebuild"], in: root).status == 0)
        let lookup = try ExecutableRunner.run(["tm", "lookup", "--target-locale", "en", "欢迎光临。"], in: root)
        #expect(lookup.standardOutput.contains("Welcome."), "\(lookup.standardOutput)")
        let stats = try ExecutableRunner.run(["tm", "stats", "--json"], in: root)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(stats.standardOutput.utf8)) as? [String: Any])
        let pairs = try #require(json["pairs"] as? [[String: Any]])
        #expect(pairs.map { "\($0["sourceLocale"]!)→\($0["targetLocale"]!)" } == ["zh-CN→en"])
    }

    /// A helper's finding (data loss): a vendor's zh-TW → en-US file in a zh-CN → en project.
    /// The import's advice, `--source-locale zh-CN --target-locale en`, stored nothing (no
    /// variant is exactly zh-CN) and rewrote the kept copy in tm/ with no unit, so the next
    /// rebuild lost the file. Now the only variant in zh is the source, stored as zh-CN; and a
    /// rewrite that would keep no unit is refused with the copy left as it was.
    @Test func theAdvisedSourceOverrideStoresATraditionalFileAsTheProjectsPair() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        let vendor = Self.vendorTMX.replacingOccurrences(of: "zh-CN", with: "zh-TW").replacingOccurrences(of: "欢迎光临", with: "歡迎光臨")
            .replacingOccurrences(of: "xml:lang=\"en\"", with: "xml:lang=\"en-US\"")
        try Data(vendor.utf8).write(to: root.appendingPathComponent("tw.tmx"))
        let plain = try ExecutableRunner.run(["tm", "import", "tw.tmx"], in: root)
        #expect(plain.standardError.contains("import the file again with --source-locale zh-CN --target-locale en"), "\(plain.standardError)")

        let wrong = try ExecutableRunner.run(["tm", "import", "--source-locale", "ja", "tw.tmx"], in: root)
        #expect(wrong.status == 2)
        #expect(wrong.standardError.contains("none of its 1 translation unit can be stored with --source-locale ja (no variant in the source language ja); nothing imported, and tm/tw.tmx is not written"), "\(wrong.standardError)")
        #expect(try String(contentsOf: root.appendingPathComponent("tm/tw.tmx"), encoding: .utf8) == vendor)

        let advised = try ExecutableRunner.run(["tm", "import", "--source-locale", "zh-CN", "--target-locale", "en", "tw.tmx"], in: root)
        #expect(advised.status == 0, "\(advised.standardError)")
        #expect(advised.standardOutput.contains("1 new"), "\(advised.standardOutput)")
        #expect(try String(contentsOf: root.appendingPathComponent("tm/tw.tmx"), encoding: .utf8).contains("<tu srclang=\"zh-CN\""))
        #expect(try ExecutableRunner.run(["tm", "rebuild"], in: root).status == 0)
        let lookup = try ExecutableRunner.run(["tm", "lookup", "--target-locale", "en", "欢迎光临。"], in: root)
        #expect(lookup.standardOutput.contains("Welcome."), "\(lookup.standardOutput)")
    }

    @Test(arguments: [
        ("laughs.tmx", "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [\n<!ENTITY a \"aaaaaaaaaa\">\n<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">\n]>\n<tmx version=\"1.4\"><body><tu><tuv xml:lang=\"zh\"><seg>&b;</seg></tuv></tu></body></tmx>\n"),
        ("xxe.tmx", "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [ <!ENTITY s SYSTEM \"file:///etc/passwd\"> ]>\n<tmx version=\"1.4\"><body><tu><tuv xml:lang=\"zh\"><seg>&s;</seg></tuv><tuv xml:lang=\"en\"><seg>&s;</seg></tuv></tu></body></tmx>\n"),
    ])
    func hostileXMLExitsTwoAndStoresNothing(name: String, text: String) throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data(text.utf8).write(to: root.appendingPathComponent(name))
        let result = try ExecutableRunner.run(["tm", "import", name], in: root)
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("\(name):"))
        #expect(result.standardError.contains("error: the DOCTYPE declares entities"))
        let stats = try ExecutableRunner.run(["tm", "stats", "--format", "json"], in: root)
        #expect((try JSONSerialization.jsonObject(with: Data(stats.standardOutput.utf8)) as! [String: Any])["units"] as? Int == 0)
        #expect(!stats.standardOutput.contains("root:"))
    }

    @Test func twoProcessesImportingAtOnceKeepEveryUnit() async throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        // Two files of 3,000 units each, 500 of them in both: 5,500 distinct units.
        for (name, range) in [("a.tmx", 0..<3000), ("b.tmx", 2500..<5500)] {
            var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header srclang=\"zh-CN\"/><body>\n"
            for n in range {
                text += "<tu><tuv xml:lang=\"zh-CN\"><seg>第\(n)句。</seg></tuv><tuv xml:lang=\"en\"><seg>Sentence \(n).</seg></tuv></tu>\n"
            }
            text += "</body></tmx>\n"
            try Data(text.utf8).write(to: root.appendingPathComponent(name))
        }
        #expect(try ExecutableRunner.run(["tm", "stats"], in: root).status == 0)
        let statuses = try await withThrowingTaskGroup(of: Int32.self) { group in
            for name in ["a.tmx", "b.tmx"] {
                group.addTask { try ExecutableRunner.run(["tm", "import", name], in: root).status }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses == [0, 0])
        let stats = try ExecutableRunner.run(["tm", "stats", "--format", "json"], in: root)
        #expect((try JSONSerialization.jsonObject(with: Data(stats.standardOutput.utf8)) as! [String: Any])["units"] as? Int == 5500)
    }

    /// reliability.md: under `strace -e openat`, the file an external entity names is never opened.
    @Test(.enabled(if: ExternalTool.path("strace") != nil, "strace not installed (Debian strace)"))
    func externalEntityTargetIsNeverOpened() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        let secret = root.appendingPathComponent("secret.txt")
        try Data("TOP-SECRET".utf8).write(to: secret)
        // The entity declaration sits after 70 KB of comment, beyond the prolog check: libxml2's
        // entity callback must refuse it.
        let padding = "<!-- " + String(repeating: "x", count: 70_000) + " -->\n"
        let tmx = "<?xml version=\"1.0\"?>\n\(padding)<!DOCTYPE tmx [ <!ENTITY s SYSTEM \"file://\(secret.path)\"> ]>\n"
            + "<tmx version=\"1.4\"><body><tu><tuv xml:lang=\"zh\"><seg>&s;</seg></tuv><tuv xml:lang=\"en\"><seg>&s;</seg></tuv></tu></body></tmx>\n"
        try Data(tmx.utf8).write(to: root.appendingPathComponent("xxe.tmx"))
        let trace = root.appendingPathComponent("trace.txt").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ExternalTool.path("strace")!)
        process.arguments = ["-f", "-e", "trace=openat,open", "-o", trace, ExecutableRunner.tandem.path, "tm", "import", "xxe.tmx"]
        process.currentDirectoryURL = root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        let opened = try String(contentsOfFile: trace, encoding: .utf8)
        #expect(opened.contains("xxe.tmx"), "strace saw the TMX being opened")
        #expect(!opened.contains("secret.txt"))
    }

    @Test func memoryOptionChoosesTheDatabase() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data(Self.vendorTMX.utf8).write(to: root.appendingPathComponent("v.tmx"))
        let custom = root.appendingPathComponent("elsewhere/team.sqlite").path
        #expect(try ExecutableRunner.run(["tm", "import", "--memory", custom, "v.tmx"], in: root).status == 0)
        #expect(FileManager.default.fileExists(atPath: custom))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(".tandem/memory.sqlite").path))
    }

    @Test func tandemYAMLNamesTheMemory() throws {
        let project = try TemporaryProject(extraConfiguration: "memory: data/team.sqlite\n")
        defer { project.remove() }
        try project.write(Self.vendorTMX, to: "v.tmx")
        #expect(try ExecutableRunner.run(["tm", "import", "v.tmx"], in: project.root).status == 0)
        #expect(FileManager.default.fileExists(atPath: project.root.appendingPathComponent("data/team.sqlite").path))
        let stats = try ExecutableRunner.run(["tm", "stats"], in: project.root)
        #expect(stats.standardOutput.hasSuffix("data/team.sqlite\n1 unit, 1 distinct source\n  zh-CN → en: 1\n"))
    }

    @Test func aPostgreSQLMemoryIsNotOpenedAsAFile() throws {
        let project = try TemporaryProject(extraConfiguration: "memory: postgres://localhost:1/tm\n")
        defer { project.remove() }
        let result = try ExecutableRunner.run(["tm", "stats"], in: project.root)
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("error: postgres://localhost:1/tm: cannot connect: "), "\(result.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.root.path).sorted() == ["content", "tandem.yml"])
    }

    @Test func badArgumentsExitTwo() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try ExecutableRunner.run(["tm", "lookup", "x", "--min", "0"], in: root).status == 2)
        #expect(try ExecutableRunner.run(["tm", "import", "missing.tmx"], in: root).status == 2)
        #expect(try ExecutableRunner.run(["tm", "export", "-o", "x.tmx", "--locale", "../x"], in: root).status == 2)
    }

    @Test(arguments: ["import", "export", "lookup", "stats", "rebuild"])
    func helpTeachesWithExamples(subcommand: String) throws {
        let result = try ExecutableRunner.run(["tm", subcommand, "--help"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("Examples:"))
        #expect(result.standardOutput.contains("tandem tm \(subcommand)"))
    }

    /// Another tool's bilingual file (a memoQ MQXLIFF) is a memory source: its translated
    /// units are stored, the untranslated one skipped with a summary and its position, the file
    /// kept as a TMX so a rebuild recreates the units, and its literal braces stay text.
    @Test func aBilingualFileFeedsTheMemoryAndSurvivesRebuild() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("TandemKitTests/Fixtures/Interop/memoq-translated.mqxliff")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("vendor"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: fixture, to: root.appendingPathComponent("vendor/guide.mqxliff"))

        let imported = try ExecutableRunner.run(["tm", "import", "vendor/guide.mqxliff"], in: root)
        #expect(imported.status == 0, "\(imported.standardError)")
        #expect(imported.standardOutput == "vendor/guide.mqxliff: 4 translation units, 3 new, 0 already known; kept as tm/guide.mqxliff.tmx; 1 skipped: 1 × no target\n")
        #expect(imported.standardError.contains("warning: vendor/guide.mqxliff:13:"), "\(imported.standardError)")
        // The same file again: kept already, nothing new.
        let again = try ExecutableRunner.run(["tm", "import", "vendor/guide.mqxliff"], in: root)
        #expect(again.standardOutput.contains("0 new, 3 already known"), "\(again.standardOutput)\(again.standardError)")

        #expect(try ExecutableRunner.run(["tm", "rebuild"], in: root).status == 0)
        let lookup = try ExecutableRunner.run(
            ["tm", "lookup", "--source-locale", "en-US", "--target-locale", "de-DE", "Open the {1}Settings{/1} menu."], in: root)
        #expect(lookup.standardOutput.contains("Öffnen Sie das Menü {1}Einstellungen{/1}."), "\(lookup.standardOutput)\(lookup.standardError)")
        let exported = try ExecutableRunner.run(["tm", "export", "-o", "out.tmx"], in: root)
        #expect(exported.status == 0, "\(exported.standardError)")
        let text = try String(contentsOf: root.appendingPathComponent("out.tmx"), encoding: .utf8)
        #expect(text.contains("<seg>Error {0}: the file {1} is locked.</seg>"))
    }

    /// A UTF-16 TMX (as Trados and OmegaT's UI memories are) imports like a UTF-8 one.
    @Test func aUTF16TMXImports() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        let text = Self.vendorTMX.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        try Data(bytes).write(to: root.appendingPathComponent("utf16.tmx"))
        let imported = try ExecutableRunner.run(["tm", "import", "--no-keep", "utf16.tmx"], in: root)
        #expect(imported.status == 0, "\(imported.standardError)")
        #expect(try ExecutableRunner.run(["tm", "lookup", "欢迎光临。"], in: root).standardOutput.contains("target: Welcome."))
    }
}
