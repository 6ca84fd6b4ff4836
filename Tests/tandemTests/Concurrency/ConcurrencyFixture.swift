import Foundation
import Testing
import TandemTestSupport

/// A project made for concurrent runs: generated posts whose segment files are translated (as
/// a fresh clone has them: no `.tandem/`, so no memory and no extract state) and a new
/// untranslated sentence at the end of each post; beside it, TMX files for `tm import`, three
/// with units of their own and one sharing half its units with the first.
struct ConcurrencyFixture {
    static let posts = 20
    static let sentencesPerPost = 10
    static let unitsPerTMX = 600
    static let tmxNames = ["a", "b", "c", "d"]

    /// The template project (copied for each scenario) and the TMX folder, in one directory.
    let directory: TemporaryDirectory
    var template: URL { directory.url.appendingPathComponent("template") }
    var inbox: URL { directory.url.appendingPathComponent("inbox") }
    /// How many distinct units the four TMX files hold together.
    let distinctTMXUnits: Int

    init(memory: String? = nil) throws {
        let directory = try TemporaryDirectory(prefix: "tandem-concurrency")
        self.directory = directory
        let project = directory.url.appendingPathComponent("template")
        let inbox = directory.url.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: project.appendingPathComponent("content/posts"), withIntermediateDirectories: true)
        var configuration = "source: zh-CN\ntargets: [en]\ncontent: content\n"
        if let memory { configuration += "memory: '\(memory)'\n" }
        try configuration.write(to: project.appendingPathComponent("tandem.yml"), atomically: true, encoding: .utf8)
        for post in 0..<Self.posts {
            let body = (0..<Self.sentencesPerPost).map { "在第\(post)个项目里，第\(Self.team(post, $0))小组完成了\(Self.topic($0))的第\($0 + 1)阶段。" }
            try "---\ntitle: 项目报告\(post)\n---\n\(body.joined())\n"
                .write(to: project.appendingPathComponent("content/posts/p\(post).md"), atomically: true, encoding: .utf8)
        }
        let extract = try ExecutableRunner.run(["extract", "--no-memory"], in: project)
        #expect(extract.status == 0, "\(extract.standardError)")
        for post in 0..<Self.posts { try Self.translate(project.appendingPathComponent("locales/en/posts/p\(post).json")) }
        // A writer adds a sentence to every post: extract has work, and asks the memory about it.
        for post in 0..<Self.posts {
            let url = project.appendingPathComponent("content/posts/p\(post).md")
            try (String(contentsOf: url, encoding: .utf8) + "\n第\(post)篇文章最后补充了一句新的说明。\n").write(to: url, atomically: true, encoding: .utf8)
        }
        try? FileManager.default.removeItem(at: project.appendingPathComponent(".tandem"))

        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        var all = Set<Int>()
        for (index, name) in Self.tmxNames.enumerated() {
            // d shares its first half with a.
            let first = index == 3 ? Self.unitsPerTMX / 2 : index * Self.unitsPerTMX
            let numbers = Array(first..<first + Self.unitsPerTMX)
            all.formUnion(numbers)
            let units = numbers.map { "<tu><tuv xml:lang=\"zh-CN\"><seg>仓库\($0 / 100)号货架上的零件编号为\($0)。</seg></tuv><tuv xml:lang=\"en\"><seg>Part \($0) is on shelf \($0 / 100).</seg></tuv></tu>\n" }
            try Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header srclang=\"zh-CN\" datatype=\"plaintext\" segtype=\"sentence\" adminlang=\"en\" o-tmf=\"x\" creationtool=\"test\" creationtoolversion=\"1\"/><body>\n\(units.joined())</body></tmx>\n".utf8)
                .write(to: inbox.appendingPathComponent("\(name).tmx"))
        }
        distinctTMXUnits = all.count
    }

    static func team(_ post: Int, _ sentence: Int) -> Int { (post * 7 + sentence * 3) % 11 + 1 }
    static func topic(_ sentence: Int) -> String { ["数据清洗", "模型训练", "接口设计", "性能测试", "文档整理"][sentence % 5] }

    /// Gives every segment of a segment file a human translation.
    static func translate(_ file: URL) throws {
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [String: Any]
        json["segments"] = (json["segments"] as! [[String: Any]]).map { segment in
            var segment = segment
            segment["target"] = "EN " + (segment["source"] as! String)
            segment["state"] = "translated"
            segment["origin"] = "human"
            return segment
        }
        try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys]).write(to: file)
    }

    /// The path of the TMX file `name` (`a` … `d`).
    func tmx(_ name: String) -> String { inbox.appendingPathComponent("\(name).tmx").path }

    /// A copy of the template named `name`.
    func copy(_ name: String) throws -> URL {
        let url = directory.url.appendingPathComponent(name)
        try FileManager.default.copyItem(at: template, to: url)
        return url
    }

    /// Every segment file of `project` with its bytes.
    static func segmentFiles(_ project: URL) throws -> [String: Data] {
        let folder = project.appendingPathComponent("locales/en/posts")
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".json") {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    /// The runs of one scenario: the four imports and the four extracts.
    func runs(in project: URL, scratch: URL, prefix: String) throws -> (imports: [TimedRun], extracts: [TimedRun]) {
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let imports = try Self.tmxNames.map {
            try TimedRun("\(prefix)-tm-import-\($0)", ["tm", "import", tmx($0)], in: project, scratch: scratch)
        }
        let extracts = try (1...4).map { try TimedRun("\(prefix)-extract-\($0)", ["extract"], in: project, scratch: scratch) }
        return (imports, extracts)
    }

    /// Runs the scenario on `counting`'s memory: first every command alone (extract, the four
    /// imports, three more extracts) in a copy, then all eight at once in another; checks the
    /// concurrent one's exit statuses, unit totals and segment files against the sequential
    /// one's, and prints each run's time alone and together.
    func runScenario(
        name: String, units counting: (URL) throws -> Int, integrity: (URL) throws -> Void,
        prepare: (URL) throws -> Void = { _ in }
    ) throws {
        let sequential = try copy("sequential")
        let concurrent = try copy("concurrent")
        try prepare(sequential)
        try prepare(concurrent)
        let scratch = directory.url.appendingPathComponent("scratch")
        let alone = try runs(in: sequential, scratch: scratch, prefix: "alone")
        try TimedRun.alone(alone.extracts[0])
        let extractUnits = try counting(sequential)
        for run in alone.imports + alone.extracts.dropFirst() { try TimedRun.alone(run) }
        for run in alone.imports + alone.extracts { #expect(run.status == 0, "\(run.label): \(run.standardError)") }
        let total = try counting(sequential)
        #expect(extractUnits > 0)
        #expect(total == extractUnits + distinctTMXUnits, "sequential: \(total) units, expected \(extractUnits) + \(distinctTMXUnits)")

        let together = try runs(in: concurrent, scratch: scratch, prefix: "together")
        let started = Date()
        try TimedRun.together(together.extracts + together.imports)
        let wall = Date().timeIntervalSince(started)
        for run in together.imports + together.extracts {
            #expect(run.status == 0, "\(run.label): \(run.standardError)")
        }
        #expect(try counting(concurrent) == total)
        try integrity(concurrent)
        #expect(try Self.segmentFiles(concurrent) == Self.segmentFiles(sequential))
        let kept = try FileManager.default.contentsOfDirectory(atPath: concurrent.appendingPathComponent("tm").path).sorted()
        #expect(kept == Self.tmxNames.map { "\($0).tmx" })

        // The timing rule is reported, not asserted: a shared machine's load is not Tandem's.
        var lines = ["\(name): \(total) units (\(extractUnits) from extract + \(distinctTMXUnits) distinct TMX units); all eight together in \(String(format: "%.2f", wall)) s"]
        let baseline = alone.extracts[0].seconds
        for (index, run) in together.imports.enumerated() {
            let single = alone.imports[index].seconds
            lines.append("  tm import \(Self.tmxNames[index]).tmx: alone \(String(format: "%.2f", single)) s, together \(String(format: "%.2f", run.seconds)) s, ratio \(String(format: "%.2f", run.seconds / single))")
        }
        for (index, run) in together.extracts.enumerated() {
            let waited = run.standardError.contains("waiting for the project lock") ? " (waited for the lock)" : ""
            lines.append("  extract \(index + 1): alone \(String(format: "%.2f", baseline)) s (first extract; later ones alone \(alone.extracts.dropFirst().map { String(format: "%.2f", $0.seconds) }.joined(separator: ", ")) s), together \(String(format: "%.2f", run.seconds)) s, ratio \(String(format: "%.2f", run.seconds / baseline))\(waited)")
        }
        print(lines.joined(separator: "\n"))
    }
}
