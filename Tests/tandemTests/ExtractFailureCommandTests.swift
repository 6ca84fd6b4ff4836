import Foundation
import Testing
import TandemTestSupport

/// `tandem extract` stopped by a bad post: neither the segment files nor the memory change.
@Suite("tandem extract: a bad post")
struct ExtractFailureCommandTests {
    @Test func aBadPostStopsTheRunWithNothingWrittenToTheFilesOrTheMemory() throws {
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
        let translated = Array(try JSONSerialization.data(withJSONObject: file))
        try project.write(translated, to: "locales/en/posts/a-good.json")
        try project.write(Array("正文。\n".utf8) + [0] + Array("\n".utf8), to: "content/posts/b-bad.md")

        let run = try ExecutableRunner.run(["extract"], in: project.root)
        #expect(run.status != 0)
        #expect(run.standardError.contains("b-bad.md"), "\(run.standardError)")
        #expect(try project.read("locales/en/posts/a-good.json") == translated)
        let stats = try ExecutableRunner.run(["tm", "stats", "--format", "json"], in: project.root)
        let units = (try JSONSerialization.jsonObject(with: Data(stats.standardOutput.utf8)) as! [String: Any])["units"] as? Int
        #expect(units == 0)

        // Without the bad post, the same run writes both.
        try FileManager.default.removeItem(at: project.root.appendingPathComponent("content/posts/b-bad.md"))
        #expect(try ExecutableRunner.run(["extract"], in: project.root).status == 0)
        let again = try ExecutableRunner.run(["tm", "stats", "--format", "json"], in: project.root)
        #expect((try JSONSerialization.jsonObject(with: Data(again.standardOutput.utf8)) as! [String: Any])["units"] as? Int == 1)
    }
}
