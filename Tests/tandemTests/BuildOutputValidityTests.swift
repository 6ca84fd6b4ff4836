import Foundation
import Testing
import TandemTestSupport

/// A post whose markup Tandem misreads must never become a page that is not text: a backslash
/// line break inside a blockquote put a piece boundary inside a character (found on FixIt's
/// documentation), and build wrote invalid UTF-8 with exit 0. Build now writes valid text or
/// refuses the post (exit 2, nothing written).
@Suite("build output is text")
struct BuildOutputValidityTests {
    @Test(arguments: [
        "> 这是第一句。\\\n> 为了更好的兼容性，推荐使用 [扩展语法](https://example.com)。\n",
        "- 这是第一句。\\\n  为了更好的兼容性，推荐使用 [扩展语法](https://example.com)。\n",
    ])
    func aBuiltPageIsValidUTF8OrNotWritten(_ body: String) throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("---\ntitle: 测试\n---\n\n" + body, to: "content/posts/a.md")
        #expect(try ExecutableRunner.run(["extract", "--no-memory"], in: project.root).status == 0)
        #expect(try ExecutableRunner.run(["pseudo", "--locale", "en", "--style", "brackets"], in: project.root).status == 0)
        let build = try ExecutableRunner.run(["build"], in: project.root)
        let output = project.root.appendingPathComponent("content/posts/a.en.md")
        if build.status == 0 {
            let bytes = try Data(contentsOf: output)
            #expect(String(data: bytes, encoding: .utf8) != nil, "build wrote a page that is not UTF-8")
        } else {
            #expect(build.status == 2)
            #expect(build.standardError.contains("content/posts/a.md:1:1: error:"), "\(build.standardError)")
            #expect(!FileManager.default.fileExists(atPath: output.path))
        }
    }
}
