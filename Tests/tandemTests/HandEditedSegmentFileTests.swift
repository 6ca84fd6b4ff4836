import Foundation
import Testing
import TandemTestSupport

/// A hand-edited segment file with a mistake stops every command at the mistake, and nothing
/// rewrites the file: the translation a typo hid is still there to fix.
@Suite("Hand-edited segment files")
struct HandEditedSegmentFileTests {
    static let post = """
        ---
        title: "示例"
        ---

        第一句话。第二句话。

        """

    /// The project after `extract` and a reviewed translation whose `target` key is misspelled.
    static func projectWithMisspelledTarget() throws -> (project: TemporaryProject, bytes: [UInt8]) {
        let project = try TemporaryProject()
        try project.write(post, to: "content/posts/hello.md")
        let extract = try ExecutableRunner.run(["extract"], in: project.root)
        #expect(extract.status == 0, "\(extract.standardError)")
        var text = String(decoding: try project.read("locales/en/posts/hello.json"), as: UTF8.self)
        // The translator's edit: state reviewed, and a translation under a misspelled key.
        let first = try #require(text.range(of: "\"state\" : \"new\""))
        text.replaceSubrange(first, with: "\"state\" : \"reviewed\",\n      \"traget\" : \"The first sentence.\"")
        let bytes = Array(text.utf8)
        try project.write(bytes, to: "locales/en/posts/hello.json")
        return (project, bytes)
    }

    @Test(arguments: [["extract"], ["build"], ["glossary", "lint"], ["pseudo", "--locale", "en"]])
    func aMisspelledKeyStopsTheCommandAndTheFileIsLeftAlone(arguments: [String]) throws {
        let (project, bytes) = try Self.projectWithMisspelledTarget()
        defer { project.remove() }
        let text = String(decoding: bytes, as: UTF8.self)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("\"traget\"") }! + 1

        let result = try ExecutableRunner.run(arguments, in: project.root)
        #expect(result.status == 2, "\(result.standardOutput)\(result.standardError)")
        #expect(result.standardError.contains(
            "locales/en/posts/hello.json:\(line):7: error: unknown key \"traget\" in a segment (segments[0]); did you mean \"target\"?"),
            "\(result.standardError)")
        #expect(try project.read("locales/en/posts/hello.json") == bytes)
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("content/posts/hello.en.md").path))
    }
}
