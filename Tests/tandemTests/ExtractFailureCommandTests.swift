import Foundation
import Testing
import TandemTestSupport

/// `extract` and `build` keep going past bad posts: every healthy post is processed, every bad
/// one is reported at its place, the exit status is 2, and `--json` still prints the report.
@Suite("tandem extract and build: bad posts")
struct ExtractFailureCommandTests {
    /// JSON printed by `extract --json` or `build --json`.
    static func report(_ run: ExecutableRunner.Result) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as! [String: Any]
    }

    static func memoryUnits(in project: TemporaryProject) throws -> Int? {
        let stats = try ExecutableRunner.run(["tm", "stats", "--format", "json"], in: project.root)
        return (try JSONSerialization.jsonObject(with: Data(stats.standardOutput.utf8)) as! [String: Any])["units"] as? Int
    }

    @Test func aBadPostIsReportedAndTheGoodOnesAreStillWrittenToTheFilesAndTheMemory() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("第一句话。第二句话。\n", to: "content/posts/a-good.md")
        #expect(try ExecutableRunner.run(["extract", "--no-memory"], in: project.root).status == 0)

        // A person translates the good post; then a bad one (a NUL byte) is added after it.
        var file = try JSONSerialization.jsonObject(with: Data(try project.read("locales/en/posts/a-good.json"))) as! [String: Any]
        var segments = file["segments"] as! [[String: Any]]
        segments[0]["target"] = "The first sentence."
        segments[0]["state"] = "translated"
        segments[0]["origin"] = "human"
        file["segments"] = segments
        try project.write(Array(try JSONSerialization.data(withJSONObject: file)), to: "locales/en/posts/a-good.json")
        try project.write(Array("正文。\n".utf8) + [0] + Array("\n".utf8), to: "content/posts/b-bad.md")

        let run = try ExecutableRunner.run(["extract", "--json"], in: project.root)
        #expect(run.status == 2)
        #expect(run.standardError.contains("content/posts/b-bad.md:"), "\(run.standardError)")
        let report = try Self.report(run)
        #expect((report["results"] as! [[String: Any]]).map { $0["post"] as? String } == ["content/posts/a-good.md"])
        #expect((report["failures"] as! [[String: Any]]).map { $0["post"] as? String } == ["content/posts/b-bad.md"])
        // The good post's translation reached the memory; the bad one wrote no segment file.
        #expect(try Self.memoryUnits(in: project) == 1)
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("locales/en/posts/b-bad.json").path))
    }

    @Test func threeBadPostsAmongFiftyLeaveFortySevenExtractedAndBuiltAndAllThreeReported() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        let bad: [Int: [UInt8]] = [
            7: Array("---\ntitle: 坏的\n---\n正文。\n".utf8) + [0] + Array("\n".utf8),
            23: Array("---\ntitle: [没有结束\n---\n正文。\n".utf8),
            41: Array("---\ntitle: 编码\n---\n正文".utf8) + [0xFF, 0xFE] + Array("。\n".utf8),
        ]
        for index in 1...50 {
            let name = String(format: "content/posts/post-%02d.md", index)
            try project.write(bad[index] ?? Array("---\ntitle: 第\(index)篇\n---\n这是第\(index)篇文章。它有两句话。\n".utf8), to: name)
        }
        let extract = try ExecutableRunner.run(["extract", "--json"], in: project.root)
        #expect(extract.status == 2)
        let extracted = try Self.report(extract)
        #expect((extracted["results"] as! [Any]).count == 47)
        let failures = extracted["failures"] as! [[String: Any]]
        #expect(failures.map { $0["post"] as! String } == ["content/posts/post-07.md", "content/posts/post-23.md", "content/posts/post-41.md"])
        // Each is placed in its own file, at a line and column.
        for failure in failures {
            #expect((failure["file"] as! String).hasPrefix(failure["post"] as! String))
            #expect((failure["line"] as! Int) >= 1 && (failure["column"] as! Int) >= 1)
        }
        #expect(extract.standardError.split(separator: "\n").filter { $0.contains(": error: ") }.count == 3)

        #expect(try ExecutableRunner.run(["pseudo", "--locale", "en", "--style", "brackets"], in: project.root).status == 0)
        let build = try ExecutableRunner.run(["build", "--json"], in: project.root)
        #expect(build.status == 2)
        let built = try Self.report(build)
        #expect((built["results"] as! [[String: Any]]).filter { $0["status"] as? String == "built" }.count == 47)
        #expect((built["failures"] as! [Any]).count == 3)
        #expect(FileManager.default.fileExists(atPath: project.root.appendingPathComponent("content/posts/post-50.en.md").path))
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("content/posts/post-23.en.md").path))
    }
}
