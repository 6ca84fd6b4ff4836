import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// `ExtractRun` after the memory changed: a post is extracted again only when a unit added or
/// changed since its last extract can change its lookups, and the skip is exact: after each kind
/// of memory write, an extract that skips writes the very bytes an extract of every post writes.
@Suite("Extract run after memory changes")
struct ExtractRunMemoryChangeTests {
    static let zh = LocaleTag("zh-CN")!
    static let en = LocaleTag("en")!
    /// In the memory before the first extract: `candidate.md`'s sentence is 91% like it.
    static let seeded = MemoryUnit(
        sourceLocale: zh, targetLocale: en, source: "新版本修复了很多错误。", target: "The new version fixed many bugs.",
        originFile: "seed.tmx")

    /// Four posts, extracted with the memory until a run changes nothing: `done.md` translated
    /// by hand, the others asking the memory about every sentence. The memory is the project's
    /// SQLite file, or a schema of the test PostgreSQL server.
    final class Sample {
        let temporary: TemporaryProject
        let address: MemoryAddress
        private let schema: PostgreSQLTestSchema?

        init(_ backend: TestedMemory.Backend) throws {
            switch backend {
            case .sqlite:
                schema = nil
                temporary = try TemporaryProject()
                address = .sqlite(path: temporary.root.appendingPathComponent(".tandem/memory.sqlite").path)
            case .postgreSQL:
                guard PostgreSQLTestServer.isAvailable else { try Test.cancel(Comment(rawValue: PostgreSQLTestServer.absentMessage)) }
                let schema = try PostgreSQLTestServer.makeSchema()
                self.schema = schema
                temporary = try TemporaryProject(extraConfiguration: "memory: \"\(schema.url)\"\n")
                address = MemoryAddress(schema.url, relativeTo: temporary.root)
            }
            try temporary.write("今天发布了新的模型。\n", to: "content/posts/done.md")
            try temporary.write("服务器在北京。数据每天备份一次。\n", to: "content/posts/exact.md")
            try temporary.write("开发者可以免费试用三个月。\n", to: "content/posts/fuzzy.md")
            try temporary.write("新版本修复了许多错误。\n", to: "content/posts/candidate.md")
            try address.open().add([ExtractRunMemoryChangeTests.seeded])
            try Self.extract(temporary.root)
            let project = try Project.open(configFile: temporary.configFile)
            let url = try project.segmentFile(for: temporary.root.appendingPathComponent("content/posts/done.md"), locale: ExtractRunMemoryChangeTests.en)
            var file = try #require(try SegmentFileStore.read(url))
            file.segments[0].target = "A new model was released today."
            file.segments[0].state = .translated
            file.segments[0].origin = .human
            try SegmentFileStore.write(file, to: url)
            try Self.extract(temporary.root)
            let settled = try Self.extract(temporary.root)
            #expect(settled.values.allSatisfy { $0 }, "every post is skipped once the project settled")
        }

        deinit {
            temporary.remove()
            schema?.drop()
        }

        /// One `tandem extract` of the project at `root`; whether each post (by file name) was skipped.
        @discardableResult
        static func extract(_ root: URL, skipsUnchanged: Bool = true) throws -> [String: Bool] {
            let project = try Project.open(configFile: root.appendingPathComponent("tandem.yml"))
            let run = ExtractRun(project: project, usesMemory: true, skipsUnchanged: skipsUnchanged)
            var skipped: [String: Bool] = [:]
            for post in try project.sourcePosts() { skipped[post.lastPathComponent] = try run.extract(post).allSatisfy(\.skipped) }
            try run.finish()
            return skipped
        }

        /// The segment files under `root`, by project path.
        static func segmentFiles(_ root: URL) throws -> [String: [UInt8]] {
            let locales = root.appendingPathComponent("locales")
            var files: [String: [UInt8]] = [:]
            for case let url as URL in FileManager.default.enumerator(at: locales, includingPropertiesForKeys: nil)!
            where url.pathExtension == "json" {
                files[String(url.path.dropFirst(root.path.count + 1))] = [UInt8](try Data(contentsOf: url))
            }
            return files
        }

        /// Applies `write` to the memory, then extracts the project (skipping what it may), and
        /// then a copy of it made before (every post: a copy's paths and memory file are new to
        /// the state; a PostgreSQL memory is shared), and checks that they write the same bytes.
        /// Returns the posts the skipping run extracted, and whether their files changed.
        func extractBothWays(after write: (any TranslationMemory) throws -> Void) throws -> (extracted: Set<String>, changed: Bool) {
            try write(address.open())
            let before = try Self.segmentFiles(temporary.root)
            let workspace = try TemporaryDirectory(prefix: "tandem-extract-both-ways")
            defer { workspace.remove() }
            let full = workspace.url.appendingPathComponent("full")
            try FileManager.default.copyItem(at: temporary.root, to: full)
            let skipped = try Self.extract(temporary.root)
            // The run's own translations, given to the memory, reach none of the posts it skipped
            // or extracted: the next run skips them all.
            let again = try Self.extract(temporary.root)
            #expect(again.values.allSatisfy { $0 }, "skipped again: \(again)")
            try Self.extract(full, skipsUnchanged: false)
            let afterSkipping = try Self.segmentFiles(temporary.root)
            #expect(afterSkipping == (try Self.segmentFiles(full)), "a skipping extract writes what a full one writes")
            return (Set(skipped.filter { !$0.value }.keys), afterSkipping != before)
        }

        func unit(_ source: String, _ target: String, originFile: String = "new.tmx") -> MemoryUnit {
            MemoryUnit(sourceLocale: ExtractRunMemoryChangeTests.zh, targetLocale: ExtractRunMemoryChangeTests.en,
                       source: source, target: target, originFile: originFile)
        }
    }

    @Test(arguments: TestedMemory.Backend.allCases)
    func aNewExactMatchExtractsOnlyThePostWithThatSentence(_ backend: TestedMemory.Backend) throws {
        let sample = try Sample(backend)
        let outcome = try sample.extractBothWays { try $0.add([sample.unit("数据每天备份一次。", "Data is backed up daily.")]) }
        #expect(outcome.extracted == ["exact.md"])
        #expect(outcome.changed, "the sentence was filled: skipping it would have been wrong")
    }

    @Test(arguments: TestedMemory.Backend.allCases)
    func aNewFuzzyCandidateExtractsOnlyThePostWithASimilarSentence(_ backend: TestedMemory.Backend) throws {
        let sample = try Sample(backend)
        let outcome = try sample.extractBothWays { try $0.add([sample.unit("开发者可以免费试用两个月。", "Developers get two free months.")]) }
        #expect(outcome.extracted == ["fuzzy.md"])
        #expect(outcome.changed, "the sentence got a candidate")
    }

    @Test(arguments: TestedMemory.Backend.allCases)
    func anUnrelatedUnitExtractsNoPost(_ backend: TestedMemory.Backend) throws {
        let sample = try Sample(backend)
        let outcome = try sample.extractBothWays { try $0.add([sample.unit("天气很好，我们去公园散步吧。", "Nice weather; let's walk in the park.")]) }
        #expect(outcome.extracted.isEmpty)
        #expect(!outcome.changed)
    }

    @Test(arguments: TestedMemory.Backend.allCases)
    func aRefreshedUnitExtractsThePostItIsACandidateFor(_ backend: TestedMemory.Backend) throws {
        let sample = try Sample(backend)
        // The same unit learnt again from another file: no new id, but the candidate's origin moves.
        let outcome = try sample.extractBothWays { memory in
            var again = ExtractRunMemoryChangeTests.seeded
            again.originFile = "other.tmx"
            again.changed = Date()
            let summary = try memory.add([again])
            #expect(summary.updated == 1)
        }
        #expect(outcome.extracted == ["candidate.md"])
        #expect(outcome.changed, "the candidate shows its new origin")
    }

    @Test(arguments: TestedMemory.Backend.allCases)
    func anUpdatedUnitExtractsThePostItIsACandidateFor(_ backend: TestedMemory.Backend) throws {
        let sample = try Sample(backend)
        let outcome = try sample.extractBothWays { memory in
            let query = MemoryQuery(source: ExtractRunMemoryChangeTests.seeded.source, sourceLocale: Self.zh, targetLocale: Self.en)
            var unit = try #require(try memory.exactMatches(for: query).first?.unit)
            unit.target = "The new release fixes many bugs."
            try memory.update(unit)
        }
        #expect(outcome.extracted == ["candidate.md"])
        #expect(outcome.changed, "the candidate shows the new translation")
    }

    @Test(arguments: TestedMemory.Backend.allCases)
    func removedUnitsExtractEveryPostThatAsksTheMemory(_ backend: TestedMemory.Backend) throws {
        let sample = try Sample(backend)
        // What `tm rebuild` does in place: every unit goes, some come back.
        let outcome = try sample.extractBothWays { memory in
            try memory.removeAll()
            try memory.add([sample.unit("天气很好，我们去公园散步吧。", "Nice weather; let's walk in the park.")])
        }
        // done.md asks the memory nothing, but its units were removed: it gives them again
        // (a teammate's rebuild of a shared memory lost them for good before).
        #expect(outcome.extracted == ["exact.md", "fuzzy.md", "candidate.md", "done.md"])
    }

    /// A run that extracts one post appends that post's keys to the keys file (`AskingKeysFile`):
    /// the other posts' keys are neither read nor rewritten, and the state holds none.
    @Test func aOnePostRunAppendsOnlyThatPostsKeys() throws {
        let sample = try Sample(.sqlite)
        let project = try Project.open(configFile: sample.temporary.configFile)
        let directory = project.layout.extractStateFile.deletingLastPathComponent()
        let before = ExtractState.load(project.layout.extractStateFile)
        let keysFile = AskingKeysFile.url(in: directory, id: before.keysFile)
        let keysBefore = try FileBytes.contents(atPath: keysFile.path)
        let post = try sample.temporary.write("开发者可以免费试用三个月。新用户还有优惠。\n", to: "content/posts/fuzzy.md")
        let run = ExtractRun(project: project, usesMemory: true)
        for found in try run.sourcePosts([post.path]) { #expect(try run.extract(found).allSatisfy { !$0.skipped }) }
        try run.finish()
        let after = ExtractState.load(project.layout.extractStateFile)
        #expect(after.keysFile == before.keysFile, "appended, not rewritten")
        let keysAfter = try FileBytes.contents(atPath: keysFile.path)
        #expect(Array(keysAfter.prefix(keysBefore.count)) == keysBefore)
        guard case .stored(let block)? = after.posts["content/posts/fuzzy.md"]?.askingKeys?.storage else {
            Issue.record("the extracted post's keys are in the keys file")
            return
        }
        #expect(block.offset == keysBefore.count && keysAfter.count == keysBefore.count + block.length)
        #expect(AskingKeysFile(directory: directory, id: after.keysFile).files(of: after.posts["content/posts/fuzzy.md"]!.askingKeys!)?
            .flatMap { $0 }.contains("新用户还有优惠。") == true)
        for (path, entry) in before.posts where path != "content/posts/fuzzy.md" {
            #expect(after.posts[path]?.askingKeys == entry.askingKeys, "\(path)'s keys are where they were")
        }
        let state = try FileBytes.contents(atPath: project.layout.extractStateFile.path)
        #expect(state.firstRange(of: Array("服务器在北京。".utf8)) == nil, "no key in the state file")
    }

    /// With its keys file lost, a run after a memory write cannot tell what reaches the posts
    /// that ask the memory: it extracts them, and writes what a full extract writes.
    @Test func aLostKeysFileExtractsThePostsThatAskTheMemory() throws {
        let sample = try Sample(.sqlite)
        let project = try Project.open(configFile: sample.temporary.configFile)
        let state = ExtractState.load(project.layout.extractStateFile)
        let asking = Set(state.posts.filter { $0.value.asksMemory }.keys.map { URL(fileURLWithPath: $0).lastPathComponent })
        #expect(!asking.isEmpty)
        unlink(AskingKeysFile.url(in: project.layout.extractStateFile.deletingLastPathComponent(), id: state.keysFile).path)
        let outcome = try sample.extractBothWays { try $0.add([sample.unit("今天天气很好。", "The weather is fine today.")]) }
        #expect(outcome.extracted == asking)
    }
}
