import Foundation
import Testing
import TandemTestSupport

/// `tandem segment`, run as a user runs it.
@Suite("tandem segment")
struct SegmentCommandTests {
    @Test func printsOneSentencePerLine() throws {
        let result = try ExecutableRunner.run(["segment", "-"], input: "今天下雨了。明天是晴天。")
        #expect(result.status == 0)
        #expect(result.standardOutput == "今天下雨了。\n明天是晴天。\n")
    }

    @Test func jsonGivesLineColumnAndByteOffsets() throws {
        let result = try ExecutableRunner.run(["segment", "--format", "json", "-"], input: "第一句。\n  第二句！")
        #expect(result.status == 0)
        let report = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as! [String: Any]
        let sentences = report["sentences"] as! [[String: Any]]
        #expect(sentences.count == 2)
        #expect(sentences[1]["text"] as? String == "第二句！")
        #expect(sentences[1]["line"] as? Int == 2)
        #expect(sentences[1]["column"] as? Int == 3)
        #expect(sentences[1]["start"] as? Int == 15)
        #expect((sentences[1]["count"] as? [String: Int])?["cjkCharacters"] == 3)
        #expect((report["total"] as? [String: Int])?["cjkCharacters"] == 6)
    }

    @Test func markdownPostsSegmentTranslatableFrontMatterAndBodyWithPlaceholders() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-cli-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let post = directory.appendingPathComponent("post.md")
        try "---\ntitle: \"标题\"\ndate: \"2025-01-01\"\n---\n\n正文第一句。**正文**第二句。\n\n```\n代码。不切。\n```\n".write(to: post, atomically: true, encoding: .utf8)
        let result = try ExecutableRunner.run(["segment", post.path])
        #expect(result.status == 0)
        #expect(result.standardOutput == "标题\n正文第一句。\n{1}正文{/1}第二句。\n")
    }

    @Test func englishLocaleKeepsAbbreviations() throws {
        let result = try ExecutableRunner.run(["segment", "--locale", "en", "-"], input: "Dr. Smith came. He left.")
        #expect(result.standardOutput == "Dr. Smith came.\nHe left.\n")
    }

    @Test func invalidUTF8IsRejectedWithItsPosition() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-cli-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("bad.txt")
        try Data([0xE4, 0xBD, 0xA0, 0x0A, 0x41, 0xFF, 0x42]).write(to: file)
        let result = try ExecutableRunner.run(["segment", file.path])
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("\(file.path):2:2: error: invalid UTF-8 at byte offset 5"))
        #expect(result.standardOutput.isEmpty)
    }

    @Test func missingFileExitsTwo() throws {
        let result = try ExecutableRunner.run(["segment", "/nonexistent/post.md"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("/nonexistent/post.md"))
        #expect(result.standardError.contains("error:"))
    }

    @Test func badLocaleIsAUsageError() throws {
        let result = try ExecutableRunner.run(["segment", "--locale", "../etc", "-"], input: "x")
        #expect(result.status == 2)
        // Parsed by the option itself, so the message names the option and shows the usage.
        #expect(result.standardError.contains("'../etc' is invalid for '--locale"))
        #expect(result.standardError.contains("Usage: tandem segment"))
    }

    @Test func unknownOptionExitsTwo() throws {
        let result = try ExecutableRunner.run(["segment", "--bogus", "-"])
        #expect(result.status == 2)
    }

    @Test func helpTeachesWithExamples() throws {
        let result = try ExecutableRunner.run(["segment", "--help"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("Examples:"))
        #expect(result.standardOutput.contains("--format"))
    }

    @Test func versionNamesICU() throws {
        let result = try ExecutableRunner.run(["--version"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("ICU"))
    }
}
