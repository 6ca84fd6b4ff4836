import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// Text that looks like a placeholder gets one answer from every part of Tandem: extraction
/// (a lookalike in a post becomes a code, so it stays text), lint and build (a translator's
/// text is a placeholder exactly when build treats it as one), the memory's symbols and TMX.
@Suite("Placeholder lookalikes, everywhere alike")
struct PlaceholderLookalikeTests {
    /// The lookalike, and whether Tandem's grammar reads it as a placeholder.
    static let lookalikes: [(String, Bool)] = [
        ("{12345}", false), ("{/0}", true), ("{0}", true), ("{01}", false), ("{1/1}", false), ("{/1/}", false),
        ("｛1｝", false), ("{１}", false), ("{x}", false),
        ("{1}", true), ("{/1}", true), ("{1/}", true), ("{9999}", true),
    ]
    /// Lookalikes inside other text.
    static let composites = ["{1/}{1}", "{{1}}", "{{12345}}", "a{/0}b{2/}c"]

    static func extract(_ post: String) throws -> (HugoDocument, [ExtractedSegment]) {
        let document = try HugoDocument(bytes: Array(post.utf8), path: "post.md")
        let segmenter = DocumentSegmenter(segmenter: try SentenceSegmenter(locale: LocaleTag("zh-CN")!))
        return (document, segmenter.segments(of: document))
    }

    @Test(arguments: lookalikes)
    func extractionKeepsALookalikeAsText(_ lookalike: String, _ isPlaceholder: Bool) throws {
        let post = "数组\(lookalike)不是占位符。\n"
        let (document, segments) = try Self.extract(post)
        let segment = try #require(segments.first)
        if isPlaceholder {
            // Turned into a code of its own, so a translator cannot confuse it with markup.
            #expect(segment.text == "数组{1/}不是占位符。")
            #expect(InlineCodeSet(codes: segment.codes)[.standalone(1)]?.kind == .literal)
            #expect(segment.codes["1/"] == lookalike)
        } else {
            #expect(segment.text == "数组\(lookalike)不是占位符。")
            #expect(segment.codes.isEmpty)
        }
        // Built with the source as its own translation, the post comes back byte for byte.
        let built = try DocumentBuilder(document: document, segments: segments)
            .build(targets: [segment.id: segment.text], fallbackToSource: false, language: nil, translations: nil)
        #expect(String(decoding: built, as: UTF8.self) == post)
    }

    @Test(arguments: composites)
    func compositesRoundTrip(_ text: String) throws {
        let post = "文本\(text)结束。\n"
        let (document, segments) = try Self.extract(post)
        let built = try DocumentBuilder(document: document, segments: segments)
            .build(targets: Dictionary(uniqueKeysWithValues: segments.map { ($0.id, $0.text) }), fallbackToSource: false, language: nil, translations: nil)
        #expect(String(decoding: built, as: UTF8.self) == post)
        // Every placeholder in the extracted text is a code with bytes: none is left unexplained.
        for segment in segments {
            for placeholder in CodedText(segment.text).placeholders { #expect(segment.codes[placeholder.key] != nil) }
        }
    }

    @Test(arguments: lookalikes)
    func lintAndBuildAgreeOnATranslatorsText(_ lookalike: String, _ isPlaceholder: Bool) throws {
        // A source with one code; the translator types the lookalike as text.
        let (document, segments) = try Self.extract("见`code`一文。\n")
        let segment = try #require(segments.first)
        let target = "See {1/} and \(lookalike) here."
        var entry = SegmentEntry(id: segment.id, location: segment.location, source: segment.text, codes: segment.codes,
                                 target: target, state: .translated)
        entry.codes = segment.codes
        let linter = TranslationLinter(glossary: Glossary(entries: []))
        let findings = linter.lint(segment: entry, at: SourceLocation(file: "a.json", line: 1, column: 1))
        let build = Result {
            try DocumentBuilder(document: document, segments: segments)
                .build(targets: [segment.id: target], fallbackToSource: false, language: nil, translations: nil)
        }
        let buildRefused = if case .failure = build { true } else { false }
        #expect(findings.isEmpty == !buildRefused, "lint and build disagree on \(lookalike)")
        #expect(buildRefused == isPlaceholder)
        if case .success(let bytes) = build {
            #expect(String(decoding: bytes, as: UTF8.self) == "See `code` and \(lookalike) here.\n")
        }
    }

    @Test(arguments: lookalikes)
    func theMemoryCountsAPlaceholderAsOneSymbol(_ lookalike: String, _ isPlaceholder: Bool) {
        // The memory symbolizes matching keys, which fold full-width characters: a folded
        // `｛１｝` must not become a placeholder there.
        let key = Normalizer.matchingKey(lookalike)
        var symbolizer = MatchSymbolizer()
        let symbols = symbolizer.learnSymbols(of: key)
        #expect((symbols.count == 1) == isPlaceholder, "key \(key)")
        #expect(CodedText(key).placeholders.isEmpty == !isPlaceholder)
        #expect(Normalizer.matchingKey(key) == key)
    }

    @Test(arguments: lookalikes)
    func tmxWritesAndReadsItTheSameWay(_ lookalike: String, _ isPlaceholder: Bool) throws {
        let text = "a \(lookalike) b"
        let seg = TMXWriter.segment(text)
        // A placeholder becomes an inline element; text stays character data.
        #expect(seg.contains("<") == isPlaceholder)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.url.appendingPathComponent("a.tmx")
        let document = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="zh-CN" datatype="plaintext"/>
            <body><tu><tuv xml:lang="zh-CN"><seg>\(seg)</seg></tuv><tuv xml:lang="en"><seg>\(seg)</seg></tuv></tu></body></tmx>
            """
        try Data(document.utf8).write(to: url)
        var read: [String] = []
        _ = try TMXReader(url: url).read { unit in read += unit.variants.map(\.text) }
        #expect(read == [text, text])
    }

    @Test func aParagraphWithMoreCodesThanNumbersIsRefusedWithItsPosition() throws {
        let crowded = "标题。\n\n" + String(repeating: "字`x`", count: Placeholder.numbers.upperBound + 1) + "\n"
        #expect {
            _ = try HugoDocument(bytes: Array(crowded.utf8), path: "post.md")
        } throws: { error in
            guard let error = error as? TandemError, case .invalidValue(let location, let message) = error else { return false }
            return location.line == 3 && location.column == 1 && message.contains("more than 9999 inline codes")
        }
        // At the limit, it is read.
        let full = String(repeating: "字`x`", count: 5_000) + "\n"
        #expect(try HugoDocument(bytes: Array(full.utf8), path: "post.md").units.count == 1)
    }
}
