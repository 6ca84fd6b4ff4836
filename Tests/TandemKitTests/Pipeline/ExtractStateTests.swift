import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// `ExtractState`'s file: what is saved is what is loaded, and anything else is an empty state.
@Suite("Extract state")
struct ExtractStateTests {
    static let stamp = FileStamp(device: 2049, inode: 1_234_567, size: 4_096, modified: 1_764_500_000_123_456_789, changed: 1_764_500_001_000_000_001)

    /// A state with every kind of field set, and unset.
    static var sample: ExtractState {
        var result = ExtractResult(
            post: "content/posts/a.md", locale: "en", segmentFile: "locales/en/posts/a.json", segments: 12, translated: 7,
            copied: 1, changes: SegmentMerger.Report(unchanged: 5, restored: 1, added: 4, edited: 2, obsoleted: 3),
            leverage: nil, written: true, script: .traditional)
        var summary = LeverageSummary()
        summary.inContext = 1
        summary.exact = 2
        summary.fuzzy = 3
        summary.none = 4
        result.leverage = summary
        let withMemory = ExtractState.Entry(
            hash: 0xFFFF_FFFF_FFFF_FFFF, segmentFiles: ["locales/en/posts/a.json", "locales/ja/posts/a.json"], filesHash: 7,
            memory: "sqlite 1 instance 2 rewrites 0", results: [result, result],
            askingKeys: ExtractState.AskingKeys([["服务器在北京。", ""], []]),
            memoryMark: MemoryMark(instance: -5, generation: 3, rewrites: 0, lastUnitID: 1_000_000))
        let plain = ExtractState.Entry(segmentFiles: [], memory: nil, results: [], askingKeys: nil)
        var state = ExtractState(
            posts: ["content/posts/a.md": withMemory, "content/posts/b.md": plain],
            files: ["content/posts/a.md": ExtractState.FileRecord(stamp: stamp, digest: 0x8000_0000_0000_0001)],
            languages: ["content/posts/a.md": ExtractState.LanguageRecord(stamp: stamp, language: "zh-TW"),
                        "content/posts/c.md": ExtractState.LanguageRecord(stamp: stamp, language: nil)],
            languageSettings: 99)
        state.listing = ContentListing(directories: [
            "": ContentListing.Directory(stamp: stamp, subdirectories: ["posts"], markdownFiles: ["_index.md"]),
            "posts": ContentListing.Directory(stamp: stamp, subdirectories: [], markdownFiles: ["a.md", "b.md", "新文章.md"]),
        ])
        return state
    }

    @Test func aSavedStateLoadsEqualWithItsKeys() throws {
        let directory = try TemporaryDirectory(prefix: "extract-state")
        defer { directory.remove() }
        let url = directory.url.appendingPathComponent("extract-state.bin")
        var saved = Self.sample
        try saved.save(url)
        let loaded = ExtractState.load(url)
        #expect(loaded == saved)
        #expect(loaded.keysFile != 0)
        let keys = try #require(loaded.posts["content/posts/a.md"]?.askingKeys)
        #expect(keys.files == nil, "the keys are in the keys file, not in the state")
        #expect(AskingKeysFile(directory: directory.url, id: loaded.keysFile).files(of: keys) == [["服务器在北京。", ""], []])
        #expect(loaded.posts["content/posts/a.md"]?.asksMemory == true)
    }

    @Test func everyCutOfTheFileLoadsAsAnEmptyState() throws {
        let bytes = Self.sample.binary()
        #expect(try ExtractState(binary: bytes[...]) == Self.sample)
        for length in 0..<bytes.count {
            #expect((try? ExtractState(binary: bytes.prefix(length))) == nil, "cut at \(length)")
        }
        #expect((try? ExtractState(binary: (bytes + [0])[...])) == nil, "a byte past the end")
    }

    @Test func theJSONStateOfFormat2LoadsAsAnEmptyState() throws {
        let directory = try TemporaryDirectory(prefix: "extract-state")
        defer { directory.remove() }
        let url = directory.url.appendingPathComponent("extract-state.bin")
        try Data(#"{"formatVersion":2,"posts":{}}"#.utf8).write(to: url)
        #expect(ExtractState.load(url) == ExtractState())
    }
}
