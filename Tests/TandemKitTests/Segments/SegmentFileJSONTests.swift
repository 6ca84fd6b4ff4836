import Foundation
import Testing
import TandemTestSupport
@testable import TandemKit

/// Segment files are written without `JSONEncoder` (`SegmentFileJSON`): the bytes must be the
/// ones `JSONText.encoder` gives, or every project's committed segment files would change.
@Suite("Segment file JSON")
struct SegmentFileJSONTests {
    static func encoderBytes(_ file: SegmentFile) throws -> [UInt8] {
        Array(try JSONText.encoder.encode(file)) + [0x0A]
    }

    /// Expects the writer's bytes to be the encoder's; says where they part when they do not.
    static func expectEncoderBytes(_ file: SegmentFile, _ comment: String = "", sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let written = try SegmentFileStore.encode(file)
        let expected = try encoderBytes(file)
        guard written != expected else { return }
        let offset = zip(written, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(written.count, expected.count)
        func around(_ bytes: [UInt8]) -> String { String(decoding: bytes[max(0, offset - 40)..<min(bytes.count, offset + 40)], as: UTF8.self) }
        Issue.record("\(comment) bytes part at \(offset): written …\(around(written))… encoder …\(around(expected))…", sourceLocation: sourceLocation)
    }

    /// Every character JSON escapes or might: controls, quote, backslash, slash, DEL, the line
    /// separators JavaScript minds, a BOM, decomposed and astral characters, both scripts.
    static let awkward: String = {
        var text = ""
        for value in 0..<0x80 { text.unicodeScalars.append(Unicode.Scalar(value)!) }
        return text + "\u{2028}\u{2029}\u{FEFF}e\u{301}é😀漢字，“引号”「括弧」{1}{/1}{2/}"
    }()

    static func fullEntry(_ index: Int) -> SegmentEntry {
        var entry = SegmentEntry(
            id: "id\(index)", location: "body/paragraph[\(index)]/s[1]", source: "第\(index)句 {1}粗体{/1}\\ \"引\"。",
            codes: ["1": "**", "/1": "**", "2/": "![图](a/b.png \"t\")", "10": "\t", "e\u{301}": "x", "ê": "y", "": "empty"],
            target: Self.awkward, state: .fuzzy, origin: .tm)
        entry.previousSource = "旧的\n句子"
        entry.candidates = [
            MatchCandidate(score: 87, source: "来源/一", target: "Source/one", origin: "tm/a.tmx", diff: "[-一-]{+二+}"),
            MatchCandidate(score: -1, source: "", target: ""),
        ]
        entry.terms = [
            TermNote(term: "通义千问", target: "Qwen", kind: "term", comment: "Alibaba's model\r\n", forbidden: ["Tongyi", "千問"]),
            TermNote(term: "Apple Intelligence", target: "Apple Intelligence", kind: "keep"),
        ]
        entry.notes = ["note one", Self.awkward]
        entry.lintDisable = ["numbers", "terms/forbidden"]
        return entry
    }

    /// New members must be written by `SegmentFileJSON` too: these counts fail first.
    @Test func everyStoredPropertyIsOneTheWriterKnows() {
        #expect(Mirror(reflecting: SegmentFile(source: "", sourceLocale: LocaleTag("zh-CN")!, targetLocale: LocaleTag("en")!, segments: [])).children.count == 8)
        #expect(Mirror(reflecting: Self.fullEntry(1)).children.count == 12)
        #expect(Mirror(reflecting: MatchCandidate(score: 1, source: "", target: "")).children.count == 5)
        #expect(Mirror(reflecting: TermNote(term: "", target: "", kind: "")).children.count == 5)
    }

    @Test func everyMemberSetGivesTheEncodersBytes() throws {
        var file = SegmentFile(source: "content/posts/a b/引号\".md", sourceLocale: LocaleTag("zh-TW")!, targetLocale: LocaleTag("en")!,
                               segments: (1...3).map(Self.fullEntry))
        file.obsolete = [Self.fullEntry(9)]
        file.lintDisable = ["length"]
        file.ownFrontMatter = OwnFrontMatter(syntax: .toml, entries: [.init(key: "params", text: "[params]\nauthor = \"Jane \\\"J\\\"\"\n", replaced: "[params]\nauthor = \"张\"\n")])
        try Self.expectEncoderBytes(file)
        // And it reads back as the same value.
        #expect(try SegmentFileStore.decode(try SegmentFileStore.encode(file), path: "a.json") == file)
    }

    @Test func emptyAndAbsentMembersGiveTheEncodersBytes() throws {
        var empty = SegmentFile(source: "", sourceLocale: LocaleTag("zh-CN")!, targetLocale: LocaleTag("en")!, segments: [])
        try Self.expectEncoderBytes(empty)
        empty.obsolete = []
        empty.lintDisable = []
        var entry = SegmentEntry(id: "", location: "", source: "", codes: [:], target: "")
        entry.candidates = []
        entry.terms = [TermNote(term: "", target: "", kind: "", forbidden: [])]
        entry.notes = []
        entry.lintDisable = []
        empty.segments = [entry, SegmentEntry(id: "b", location: "front/title", source: "标题")]
        try Self.expectEncoderBytes(empty)
    }

    /// Random text from a pool of awkward characters, 300 files, a fixed seed.
    @Test func randomFilesGiveTheEncodersBytes() throws {
        var generator = SeededRandom(seed: 0x5E6F11E)
        let pool = Array(Self.awkward.unicodeScalars) + Array("句子。，、！？abc 123".unicodeScalars)
        func text() -> String {
            var text = ""
            for _ in 0..<Int.random(in: 0...12, using: &generator) { text.unicodeScalars.append(pool.randomElement(using: &generator)!) }
            return text
        }
        func maybe<T>(_ make: () -> T) -> T? { Bool.random(using: &generator) ? make() : nil }
        for _ in 0..<300 {
            let entries = (0..<Int.random(in: 0...4, using: &generator)).map { _ in
                var entry = SegmentEntry(
                    id: text(), location: text(), source: text(),
                    codes: maybe { Dictionary((0..<Int.random(in: 0...5, using: &generator)).map { _ in (text(), text()) }, uniquingKeysWith: { a, _ in a }) },
                    target: maybe(text), state: SegmentState.allCases.randomElement(using: &generator)!,
                    origin: maybe { TargetOrigin.allCases.randomElement(using: &generator)! })
                entry.previousSource = maybe(text)
                entry.candidates = maybe { [MatchCandidate(score: Int.random(in: -5...101, using: &generator), source: text(), target: text(), origin: maybe(text), diff: maybe(text))] }
                entry.terms = maybe { [TermNote(term: text(), target: text(), kind: text(), comment: maybe(text), forbidden: maybe { [text()] })] }
                entry.notes = maybe { [text(), text()] }
                entry.lintDisable = maybe { [text()] }
                return entry
            }
            var file = SegmentFile(source: text(), sourceLocale: LocaleTag("zh-CN")!, targetLocale: LocaleTag("de")!, segments: entries)
            file.obsolete = maybe { Array(entries.prefix(1)) }
            file.lintDisable = maybe { [text()] }
            try Self.expectEncoderBytes(file)
        }
    }

    /// The segments of real posts, with their codes, as `extract` makes them.
    @Test(.enabled(if: SharedCorpus.isAvailable, Comment(rawValue: SharedCorpus.absentMessage)))
    func corpusPostsGiveTheEncodersBytes() throws {
        let segmenter = DocumentSegmenter(segmenter: try SentenceSegmenter(locale: LocaleTag("zh-CN")!))
        var checked = 0
        for post in SharedCorpus.allPosts {
            let document = try HugoDocument(bytes: TextFile.readBytes(post), path: post.path)
            let entries = segmenter.segments(of: document).map {
                SegmentEntry(id: $0.id, location: $0.location, source: $0.text, codes: $0.codes.isEmpty ? nil : $0.codes, target: $0.text, state: .translated, origin: .human)
            }
            let file = SegmentFile(source: post.lastPathComponent, sourceLocale: LocaleTag("zh-CN")!, targetLocale: LocaleTag("en")!, segments: entries)
            try Self.expectEncoderBytes(file, post.lastPathComponent)
            checked += 1
        }
        #expect(checked == SharedCorpus.allPosts.count && checked > 0)
    }
}
