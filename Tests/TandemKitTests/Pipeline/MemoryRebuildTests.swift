import Foundation
import Testing
import TandemKit
import TandemTestSupport

/// `MemoryRebuild.replacing`: the memory again from the text files, swapped in whole.
@Suite("Memory rebuild")
struct MemoryRebuildTests {
    static let zh = LocaleTag("zh-CN")!
    static let en = LocaleTag("en")!

    @Test func replacingASQLiteMemoryKeepsOnlyWhatTheTextFilesHold() throws {
        let temporary = try TemporaryProject()
        defer { temporary.remove() }
        let project = try Project.open(configFile: temporary.configFile)
        var file = SegmentFile(source: "content/posts/a.md", sourceLocale: Self.zh, targetLocale: Self.en, segments: [
            SegmentEntry(id: "1", location: "body/paragraph[1]/s[1]", source: "第一句。", target: "First.", state: .translated, origin: .human),
            SegmentEntry(id: "2", location: "body/paragraph[1]/s[2]", source: "第二句。"),
        ])
        file.obsolete = nil
        try SegmentFileStore.write(file, to: project.localesDirectory.appendingPathComponent("en/posts/a.json"))
        // A unit no text file holds: the rebuild must drop it.
        let path = project.layout.defaultMemoryFile.path
        let old = try SQLiteMemory(path: path)
        try old.add([MemoryUnit(sourceLocale: Self.zh, targetLocale: Self.en, source: "别的。", target: "Other.")])
        try old.close()

        let summary = try MemoryRebuild(project: project).replacing(.sqlite(path: path))
        #expect(summary.segmentFiles == 1)
        #expect(summary.units == 1)
        let rebuilt = try SQLiteMemory(path: path)
        var sources: [String] = []
        try rebuilt.forEachUnit(sourceLocale: nil, targetLocale: nil) { sources.append($0.source) }
        #expect(sources == ["第一句。"])
        // The temporary database and its companions are gone.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.layout.defaultMemoryFile.deletingLastPathComponent().path)
            .filter { $0.contains("rebuild") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }
}
