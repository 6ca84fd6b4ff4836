import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// Leverage as `extract` uses it: a post translated once, one sentence edited, extracted again.
@Suite("Leverage")
struct LeverageTests {
    static let zh = LocaleTag("zh-CN")!
    static let en = LocaleTag("en")!

    static func post(_ sources: [String], targets: [String?]) -> SegmentFile {
        SegmentFile(
            source: "content/posts/launch.md", sourceLocale: zh, targetLocale: en,
            segments: zip(sources.indices, zip(sources, targets)).map { index, pair in
                SegmentEntry(id: "s\(index + 1)", location: "body/p[1]/s[\(index + 1)]", source: pair.0, target: pair.1,
                             state: pair.1 == nil ? .new : .translated, origin: pair.1 == nil ? nil : .human)
            })
    }

    static let sources = ["新版本今天发布。", "它支持{1}离线模式{/1}和同步。", "欢迎下载试用。", "谢谢。"]
    static let targets = ["The new version ships today.", "It supports {1}offline mode{/1} and sync.", "Download it and try it.", "Thanks."]

    @Test func editedSentenceGetsItsOldTranslationAsCandidateOthersAreFilled() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let memory = try SQLiteMemory(path: directory.path("m.sqlite"))
        let translated = Self.post(Self.sources, targets: Self.targets)
        try memory.add(translated.memoryUnits(originFile: "locales/en/posts/launch.json"))

        var edited = Self.sources
        edited[1] = "它支持{1}离线模式{/1}和云同步。"
        var file = Self.post(edited, targets: [nil, nil, nil, nil])
        let summary = try Leverage(memory: memory).apply(to: &file)

        #expect(file.segments[0].target == Self.targets[0])
        #expect(file.segments[0].state == .translated)
        #expect(file.segments[0].origin == .tm)
        #expect(file.segments[2].target == Self.targets[2])
        #expect(file.segments[3].target == Self.targets[3])
        #expect(file.segments[1].target == nil)
        #expect(file.segments[1].state == .new)
        let candidate = try #require(file.segments[1].candidates?.first)
        #expect(candidate.target == Self.targets[1])
        #expect(candidate.source == Self.sources[1])
        #expect((75..<100).contains(candidate.score))
        #expect(candidate.origin == "locales/en/posts/launch.json#s2")
        // The last sentence kept both neighbours: in context. The first and third lost one.
        #expect(summary == { var s = LeverageSummary(); s.inContext = 1; s.exact = 2; s.fuzzy = 1; return s }())
    }

    @Test func existingTargetsAreNeverOverwritten() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let memory = try SQLiteMemory(path: directory.path("m.sqlite"))
        try memory.add(Self.post(Self.sources, targets: Self.targets).memoryUnits(originFile: "a.json"))
        var file = Self.post(Self.sources, targets: ["Mine.", nil, nil, nil])
        try Leverage(memory: memory).apply(to: &file)
        #expect(file.segments[0].target == "Mine.")
        #expect(file.segments[0].origin == .human)
        #expect(file.segments[1].target == Self.targets[1])
    }

    @Test func offersListEverySegmentInOrder() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let memory = try SQLiteMemory(path: directory.path("m.sqlite"))
        try memory.add(Self.post(Self.sources, targets: Self.targets).memoryUnits(originFile: "a.json"))
        let offers = try Leverage(memory: memory, fillsExactMatches: false).offers(for: Self.post(["新版本今天发布。", "完全无关。"], targets: [nil, nil]))
        #expect(offers.map(\.segmentID) == ["s1", "s2"])
        // Not in context and exact fills switched off: the exact match is a candidate.
        #expect(offers[0].fill == nil)
        #expect(offers[0].candidates.first?.score == 100)
        #expect(offers[1].candidates.isEmpty)
    }
}
