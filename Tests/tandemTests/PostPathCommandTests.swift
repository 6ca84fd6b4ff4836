import Foundation
import Testing
import TandemTestSupport

/// Commands print posts from the project's root (`content/posts/a.md`); a translator who copied
/// one into `tandem set --post` from another directory of the project got "no such file", and
/// one who typed the path inside the content directory (`posts/a.md`) got "not inside the
/// content directory". A relative path that names nothing from the current directory is now
/// read from the root, then from the content directory.
@Suite("Post paths from anywhere in the project")
struct PostPathCommandTests {
    static func project() throws -> TemporaryProject {
        let project = try TemporaryProject()
        try project.write("---\ntitle: \"你好\"\n---\n\n第一句话。\n", to: "content/posts/a.md")
        try project.write("---\ntitle: \"再见\"\n---\n\n第一句话。\n", to: "content/posts/b.md")
        #expect(try ExecutableRunner.run(["extract", "--no-memory"], in: project.root).status == 0)
        return project
    }

    /// The id of the title segment of `post`, as `tandem next --json` gives it.
    static func titleID(_ post: String, in project: TemporaryProject) throws -> String {
        let result = try ExecutableRunner.run(["next", "--json", "--no-memory", post], in: project.root)
        let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        let segment = try #require(object?["segment"] as? [String: Any])
        return try #require(segment["id"] as? String)
    }

    @Test func aPathAsCommandsPrintItWorksFromASubdirectory() throws {
        let project = try Self.project()
        defer { project.remove() }
        let id = try Self.titleID("content/posts/b.md", in: project)
        let subdirectory = project.root.appendingPathComponent("content/posts")
        let result = try ExecutableRunner.run(["set", "--no-memory", "--post", "content/posts/b.md", id, "Goodbye"], in: subdirectory)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(String(decoding: try project.read("locales/en/posts/b.json"), as: UTF8.self).contains("\"Goodbye\""))
        #expect(!String(decoding: try project.read("locales/en/posts/a.json"), as: UTF8.self).contains("\"Goodbye\""))
    }

    @Test func aPathInsideTheContentDirectoryWorksFromTheRoot() throws {
        let project = try Self.project()
        defer { project.remove() }
        let id = try Self.titleID("posts/a.md", in: project)
        let result = try ExecutableRunner.run(["set", "--no-memory", "--post", "posts/a.md", id, "Hello"], in: project.root)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(String(decoding: try project.read("locales/en/posts/a.json"), as: UTF8.self).contains("\"Hello\""))
    }

    /// A path that names nothing anywhere is still an error about the path the user typed.
    @Test func aPathThatNamesNothingIsAnError() throws {
        let project = try Self.project()
        defer { project.remove() }
        let result = try ExecutableRunner.run(["extract", "--no-memory", "posts/c.md"], in: project.root)
        #expect(result.status == 2)
        #expect(result.standardError.contains("posts/c.md"), "\(result.standardError)")
        #expect(result.standardError.contains("no such file or directory"), "\(result.standardError)")
    }
}
