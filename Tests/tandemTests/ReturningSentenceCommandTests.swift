import Foundation
import Testing
import TandemTestSupport

/// `tandem extract` after a translated sentence was deleted from a post and put back, as a user
/// runs it: the reviewed translation comes back, with or without the memory, and `tm rebuild`
/// keeps the deleted sentence's translation in the memory meanwhile.
@Suite("tandem extract: a returning sentence")
struct ReturningSentenceCommandTests {
    static let both = "第一句话。第二句话。\n"
    static let first = "第一句话。\n"
    static let segmentFile = "locales/en/posts/returning.json"

    /// The segment file, loosely parsed.
    static func read(_ project: TemporaryProject) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(try project.read(segmentFile))) as! [String: Any]
    }

    @discardableResult
    static func extract(_ project: TemporaryProject, _ flags: [String]) throws -> String {
        let result = try ExecutableRunner.run(["extract"] + flags, in: project.root)
        #expect(result.status == 0, "\(result.standardError)")
        return result.standardOutput
    }

    @Test(arguments: [["--no-memory"], []])
    func aDeletedReviewedSentenceComesBackReviewed(flags: [String]) throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write(Self.both, to: "content/posts/returning.md")
        try Self.extract(project, flags)

        // A person translates and reviews both sentences, with a note on the second.
        var file = try Self.read(project)
        var segments = file["segments"] as! [[String: Any]]
        for (index, target) in ["The first sentence.", "The second sentence."].enumerated() {
            segments[index]["target"] = target
            segments[index]["state"] = "reviewed"
            segments[index]["origin"] = "human"
        }
        segments[1]["notes"] = ["Checked with the author."]
        segments[1]["lintDisable"] = ["glossary-forbidden"]
        file["segments"] = segments
        try project.write(Array(try JSONSerialization.data(withJSONObject: file)), to: Self.segmentFile)
        try Self.extract(project, flags)

        try project.write(Self.first, to: "content/posts/returning.md")
        try Self.extract(project, flags)
        let obsolete = try Self.read(project)["obsolete"] as? [[String: Any]]
        #expect(obsolete?.compactMap { $0["target"] as? String } == ["The second sentence."])

        if flags.isEmpty {
            // Rebuilt from the files, the memory still has the deleted sentence's translation.
            #expect(try ExecutableRunner.run(["tm", "rebuild"], in: project.root).status == 0)
            let lookup = try ExecutableRunner.run(["tm", "lookup", "第二句话。"], in: project.root)
            #expect(lookup.standardOutput.contains("target: The second sentence."), "\(lookup.standardOutput)")
        }

        try project.write(Self.both, to: "content/posts/returning.md")
        #expect(try Self.extract(project, flags).contains("2 translated (0 new, 0 edited→fuzzy, 0 obsolete, 1 restored"))
        let restored = try Self.read(project)
        let second = (restored["segments"] as! [[String: Any]])[1]
        #expect(second["source"] as? String == "第二句话。")
        #expect(second["target"] as? String == "The second sentence.")
        #expect(second["state"] as? String == "reviewed")
        #expect(second["origin"] as? String == "human")
        #expect(second["notes"] as? [String] == ["Checked with the author."])
        #expect(second["lintDisable"] as? [String] == ["glossary-forbidden"])
        #expect(restored["obsolete"] == nil)
    }
}
