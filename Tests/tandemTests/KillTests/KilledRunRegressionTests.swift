import Foundation
import Testing
import TandemKit
import TandemTestSupport

/// What the kill tests found, replayed without a kill: the state a killed run left, then the
/// next run.
@Suite("Killed run regressions (issue 14 kill test)", .enabled(if: ExternalTool.path("sqlite3") != nil, Comment(rawValue: MemoryFileProbe.sqlite3Missing)))
struct KilledRunRegressionTests {
    /// `tandem import` killed after renaming the segment files but before the memory's commit:
    /// the segment files hold the returned targets, the memory none of them. The next import
    /// found every unit "unchanged", wrote nothing and gave the memory nothing, so the
    /// translations never reached it (found at 2 of 3 kill points).
    @Test func anImportRunAgainAfterAKillBetweenFilesAndMemoryGivesTheMemoryItsUnits() throws {
        let workspace = try TemporaryDirectory(prefix: "tandem-killed-import")
        defer { workspace.remove() }
        let killed = workspace.url.appendingPathComponent("killed")
        try KillTests.makeProject(at: killed)
        try KillTestInputs.writePosts(count: 3, version: 1, sentences: try KillTestInputs.postSentences(count: 3 * KillTestInputs.sentencesPerPost), in: killed)
        try KillTests.tandem(["extract"], in: killed)
        let xliff = workspace.url.appendingPathComponent("en.xlf")
        try KillTests.returnedXLIFF(of: killed, to: xliff)
        let finished = workspace.url.appendingPathComponent("finished")
        try FileManager.default.copyItem(at: killed, to: finished)
        try KillTests.tandem(["import", xliff.path], in: finished)
        let expected = KillScenario.memory(in: finished)
        #expect(try expected.unitCount() > 0)

        // What the killed import left: its segment files, the memory as before.
        try FileManager.default.removeItem(at: killed.appendingPathComponent("locales"))
        try FileManager.default.copyItem(at: finished.appendingPathComponent("locales"), to: killed.appendingPathComponent("locales"))
        let memory = KillScenario.memory(in: killed)
        #expect(try memory.unitCount() == 0)

        let rerun = try ExecutableRunner.run(["import", xliff.path], in: killed)
        #expect(rerun.status == 0, "\(rerun.standardError)")
        #expect(try memory.unitCount() == expected.unitCount())
        #expect(try memory.contentHash() == expected.contentHash())
        #expect(try ProjectSnapshot(of: killed) == ProjectSnapshot(of: finished))
    }

    /// Sentences that differ only in their numbers, as the kill test's posts are without the
    /// benchmark's TSV (on CI): every edited sentence has many fuzzy candidates.
    static func numberedSentences(count: Int) -> [String] {
        (0..<count).map { "这是第\($0)号文章里的一句话，它讲述了第\($0 % 13)个事实。" }
    }

    /// A translated project of numbered posts whose posts then changed (version 2), in `root`.
    static func editedProject(at root: URL, posts: Int) throws {
        let sentences = Self.numberedSentences(count: posts * KillTestInputs.sentencesPerPost)
        try KillTests.translatedProject(at: root, sentences: sentences, posts: posts)
        try KillTestInputs.writePosts(count: posts, version: 2, sentences: sentences, in: root)
    }

    /// `extract` killed after the memory's commit, before the renames (or a second `extract`
    /// after a finished one): the memory already held the sentences learned in their new
    /// contexts, and each fuzzy candidate came twice, so the rerun wrote other segment files
    /// than one run does (found on CI at 1 of 3 kill points).
    @Test func anExtractRunAgainWritesWhatTheFirstWrote() throws {
        let workspace = try TemporaryDirectory(prefix: "tandem-extract-twice")
        defer { workspace.remove() }
        let root = workspace.url.appendingPathComponent("project")
        try Self.editedProject(at: root, posts: 4)
        try KillTests.tandem(["extract"], in: root)
        let once = try ProjectSnapshot(of: root)
        let unitsOnce = try KillScenario.memory(in: root).contentHash()
        let file = try String(contentsOf: root.appendingPathComponent("locales/en/posts/post-0000.json"), encoding: .utf8)
        #expect(file.contains("\"candidates\""), "the edited sentences get fuzzy candidates")
        try KillTests.tandem(["extract"], in: root)
        let twice = try ProjectSnapshot(of: root)
        let differing = Set(once.files.keys).union(twice.files.keys).filter { once.files[$0] != twice.files[$0] }.sorted()
        #expect(differing.isEmpty, "files a second extract changed: \(differing.prefix(5))")
        #expect(try KillScenario.memory(in: root).contentHash() == unitsOnce)
    }

    /// A post `m` whose first paragraph holds a repeated sentence and a sentence then edited,
    /// and a post `asking` given a sentence like the repeated one; both translated, then changed.
    /// The edit gives the repeat a new id (its paragraph's text is part of it) but leaves its
    /// neighbours, so its unit keeps its identity and the run refreshes that unit's origin.
    static func renumberedRepeatProject(at root: URL, asking: String) throws {
        let repeated = "今天的天气非常好，我们一起去公园散步吧。"
        func m(edited: Bool) -> String {
            let last = edited ? "第一段的最后一句已经改写过了。" : "第一段的最后一句在这里。"
            return "---\ntitle: 甲文章\ndate: 2025-01-01\n---\n\n第一段的开头是这一句。\(repeated)第一段的第三句在这里。\(last)\n\n"
                + "第二段的开头是这一句。\(repeated)第二段的结尾在这里。\n"
        }
        func other(edited: Bool) -> String {
            "---\ntitle: 乙文章\ndate: 2025-01-01\n---\n\n乙文章的第一句话。乙文章的第二句话。"
                + (edited ? "今天的天气非常好，我们一起去公园跑步吧。" : "") + "\n"
        }
        let posts = root.appendingPathComponent("content/posts")
        try KillTests.makeProject(at: root)
        try Data(m(edited: false).utf8).write(to: posts.appendingPathComponent("m.md"))
        try Data(other(edited: false).utf8).write(to: posts.appendingPathComponent("\(asking).md"))
        try KillTests.tandem(["extract"], in: root)
        let xliff = root.deletingLastPathComponent().appendingPathComponent("translated.xlf")
        try KillTests.returnedXLIFF(of: root, to: xliff)
        try KillTests.tandem(["import", xliff.path], in: root)
        try Data(m(edited: true).utf8).write(to: posts.appendingPathComponent("m.md"))
        try Data(other(edited: true).utf8).write(to: posts.appendingPathComponent("\(asking).md"))
    }

    /// `extract` looked up the asking post's new sentence before its own commit refreshed the
    /// origin of the repeat's unit (renumbered in `m`): one run wrote the old id as the
    /// candidate's origin, a second run (or a rerun after a kill between the memory's commit and
    /// the renames) the new one (the kill test at issue 14's size: 12 of 100 points, all in one
    /// file). The asking post comes before `m` (`a`: its lookup precedes the renumbering) or
    /// after it (`z`).
    @Test(arguments: ["a", "z"]) func aCandidateNamesTheOriginItsOwnRunGivesTheMemory(asking: String) throws {
        let workspace = try TemporaryDirectory(prefix: "tandem-extract-renumbered-\(asking)")
        defer { workspace.remove() }
        let before = workspace.url.appendingPathComponent("before")
        try Self.renumberedRepeatProject(at: before, asking: asking)
        let finished = workspace.url.appendingPathComponent("finished")
        try FileManager.default.copyItem(at: before, to: finished)
        try KillTests.tandem(["extract"], in: finished)
        let once = try ProjectSnapshot(of: finished)

        // The precondition: the repeat was renumbered, and the asking post's candidate comes from its unit.
        let segments = finished.appendingPathComponent("locales/en/posts")
        let m = try #require(try SegmentFileStore.read(segments.appendingPathComponent("m.json")))
        let other = try #require(try SegmentFileStore.read(segments.appendingPathComponent("\(asking).json")))
        let repeats = m.segments.filter { $0.source == "今天的天气非常好，我们一起去公园散步吧。" }
        #expect(repeats.count == 2)
        let origins = other.segments.flatMap { $0.candidates ?? [] }.filter { $0.source == repeats.first?.source }.compactMap(\.origin)
        #expect(origins.count == 1, "the new sentence has the repeat as its candidate: \(origins)")
        #expect(origins.allSatisfy { origin in repeats.contains { "locales/en/posts/m.json#\($0.id)" == origin } },
                "the candidate names the repeat as this run leaves it: \(origins), ids \(repeats.map(\.id))")

        // A second run writes what the first wrote.
        try KillTests.tandem(["extract"], in: finished)
        let twice = try ProjectSnapshot(of: finished)
        let differing = Set(once.files.keys).union(twice.files.keys).filter { once.files[$0] != twice.files[$0] }.sorted()
        #expect(differing.isEmpty, "files a second extract changed: \(differing)")

        // A run killed after the memory's commit, before the renames: the memory holds the
        // renumbered origin, the segment files and the state are as before. The rerun writes
        // what one run wrote.
        let killed = workspace.url.appendingPathComponent("killed")
        try FileManager.default.copyItem(at: before, to: killed)
        try KillTests.tandem(["extract"], in: killed)
        try FileManager.default.removeItem(at: killed.appendingPathComponent("locales"))
        try FileManager.default.copyItem(at: before.appendingPathComponent("locales"), to: killed.appendingPathComponent("locales"))
        let state = ".tandem/extract-state.bin"
        try FileManager.default.removeItem(at: killed.appendingPathComponent(state))
        try FileManager.default.copyItem(at: before.appendingPathComponent(state), to: killed.appendingPathComponent(state))
        try KillTests.tandem(["extract"], in: killed)
        let rerun = try ProjectSnapshot(of: killed)
        let wrong = Set(once.files.keys).union(rerun.files.keys).filter { once.files[$0] != rerun.files[$0] }.sorted()
        #expect(wrong.isEmpty, "files the rerun wrote otherwise than one run: \(wrong)")
    }

    /// `build` killed after withdrawing a post that fell below `--min-complete` but before
    /// saving the manifest: the entry of the removed file stayed, and every later build kept
    /// it, so `locales/.built.json` differed from one run's (found on CI at 1 of 3 kill points).
    @Test func aBuildRunAgainForgetsThePostAKilledBuildWithdrew() throws {
        let workspace = try TemporaryDirectory(prefix: "tandem-build-withdrawn")
        defer { workspace.remove() }
        let root = workspace.url.appendingPathComponent("project")
        let sentences = Self.numberedSentences(count: 2 * KillTestInputs.sentencesPerPost)
        try KillTests.translatedProject(at: root, sentences: sentences, posts: 2)
        try KillTests.tandem(["build"], in: root)
        let manifest = root.appendingPathComponent("locales/.built.json")
        let built = try String(contentsOf: manifest, encoding: .utf8)
        #expect(built.contains("post-0000.en.md"))
        try KillTestInputs.writePosts(count: 2, version: 2, sentences: sentences, in: root)
        try KillTests.tandem(["extract"], in: root)
        // What the killed build left: the translations removed, the manifest as before.
        for index in 0..<2 {
            try FileManager.default.removeItem(at: root.appendingPathComponent(String(format: "content/posts/post-%04d.en.md", index)))
        }
        let rerun = try ExecutableRunner.run(["build"], in: root)
        #expect(rerun.status == 0, "\(rerun.standardError)")
        let after = try String(contentsOf: manifest, encoding: .utf8)
        #expect(!after.contains("post-0000.en.md") && !after.contains("post-0001.en.md"), "\(after)")
    }
}
