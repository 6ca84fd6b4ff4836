import TandemKit

/// A post extracted with `keys` translated and built back with hand-written targets (`english`:
/// source sentence → target; other sentences stay as they are): what the front matter tests check.
struct TranslatedPost {
    /// Each segment's location and text, in order.
    var segments: [(location: String, text: String)]
    var built: String

    init(_ post: String, keys: [String], english: [String: String]) throws {
        let document = try HugoDocument(bytes: Array(post.utf8), path: "post.md", translatableKeys: keys)
        let extracted = DocumentSegmenter(segmenter: try SentenceSegmenter(locale: LocaleTag("zh-CN")!)).segments(of: document)
        var targets: [String: String] = [:]
        for segment in extracted { if let target = english[segment.text] { targets[segment.id] = target } }
        let bytes = try DocumentBuilder(document: document, segments: extracted)
            .build(targets: targets, fallbackToSource: true, language: nil, translations: nil)
        segments = extracted.map { ($0.location, $0.text) }
        built = String(decoding: bytes, as: UTF8.self)
    }
}
