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
        // A TMX large enough to be bulk-loaded: the new file gets a persisted index of its own.
        let tmxUnits = 1_200
        let tus = (0..<tmxUnits).map { "<tu><tuv xml:lang=\"zh-CN\"><seg>仓库里的零件编号为\($0)，请按顺序上架。</seg></tuv><tuv xml:lang=\"en\"><seg>Part \($0) goes on the shelf in order.</seg></tuv></tu>\n" }
        let tm = temporary.root.appendingPathComponent("tm")
        try FileManager.default.createDirectory(at: tm, withIntermediateDirectories: true)
        try Data("<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"zh-CN\"/><body>\n\(tus.joined())</body></tmx>\n".utf8)
            .write(to: tm.appendingPathComponent("vendor.tmx"))
        // A unit no text file holds: the rebuild must drop it.
        let path = project.layout.defaultMemoryFile.path
        let old = try SQLiteMemory(path: path)
        try old.add([MemoryUnit(sourceLocale: Self.zh, targetLocale: Self.en, source: "别的。", target: "Other.")])
        try old.close()

        let summary = try MemoryRebuild(project: project).replacing(.sqlite(path: path))
        #expect(summary.segmentFiles == 1)
        #expect(summary.tmxUnits == tmxUnits)
        #expect(summary.units == 1 + tmxUnits)
        let rebuilt = try SQLiteMemory(path: path)
        var sources: [String] = []
        try rebuilt.forEachUnit(sourceLocale: nil, targetLocale: nil) { sources.append($0.source) }
        #expect(sources.first == "第一句。")
        #expect(!sources.contains("别的。"))
        // The temporary database, its companions and its index folder are gone.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.layout.defaultMemoryFile.deletingLastPathComponent().path)
            .filter { $0.contains(TemporaryFile.marker) }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }
}
