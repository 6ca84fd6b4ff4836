@testable import TandemKit

/// What the suites on cmark-gfm's misplaced positions (lazy and indented continuation lines,
/// backslash breaks, autolinks, table rows, tildes) each check: the bytes the parser gives each
/// node of some kinds, and a post's zh-CN segments built back with given targets.
enum MarkdownPositionCheck {
    /// The bytes of every node of `kinds` in `source`, in document order (`<none>` without a range).
    static func texts(of kinds: Set<MarkdownNode.Kind>, in source: String) throws -> [String] {
        let bytes = Array(source.utf8)
        var found: [String] = []
        var pending = [try MarkdownParser.parse(bytes)]
        while let node = pending.popLast() {
            if kinds.contains(node.kind) { found.append(node.range.map { String(decoding: bytes[$0], as: UTF8.self) } ?? "<none>") }
            pending.append(contentsOf: node.children.reversed())
        }
        return found
    }

    /// The zh-CN segments of `source` as `tandem extract` makes them.
    static func segments(_ source: String) throws -> (HugoDocument, [ExtractedSegment]) {
        let document = try HugoDocument(bytes: Array(source.utf8), path: "post.md")
        return (document, DocumentSegmenter(segmenter: try SentenceSegmenter(locale: LocaleTag("zh-CN")!)).segments(of: document))
    }

    /// `source` built with `targets` by segment text (each segment's own text when none is
    /// given, an identity build), as `language`.
    static func build(_ source: String, targets: [String: String] = [:], language: String? = nil) throws -> String {
        let (document, segments) = try self.segments(source)
        let byID = Dictionary(segments.map { ($0.id, targets[$0.text] ?? $0.text) }, uniquingKeysWith: { first, _ in first })
        let built = try DocumentBuilder(document: document, segments: segments)
            .build(targets: byID, fallbackToSource: false, language: language.flatMap { LocaleTag($0) }, translations: nil)
        return String(decoding: built, as: UTF8.self)
    }
}
