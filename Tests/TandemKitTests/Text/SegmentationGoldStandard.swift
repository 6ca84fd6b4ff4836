import Foundation
import TandemKit

/// The hand-cut Chinese news text in `Fixtures/Segmentation` (see its SOURCES.md): one sentence
/// per line, a blank line between paragraphs.
struct SegmentationGoldStandard {
    /// A paragraph and where a translator cuts it.
    struct Paragraph {
        var text: String
        /// Byte offsets of the cuts inside the paragraph (its start and end excluded).
        var cuts: Set<Int>
    }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/Segmentation")

    /// The gold files and the locale whose rules cut them.
    static let files: [(name: String, locale: String)] = [("zh-Hans-news.txt", "zh-CN"), ("zh-Hant-news.txt", "zh-TW")]

    var name: String
    var locale: LocaleTag
    var paragraphs: [Paragraph]

    init(name: String, locale: String) throws {
        self.name = name
        self.locale = LocaleTag(locale)!
        let text = try String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8)
        paragraphs = text.components(separatedBy: "\n\n").compactMap { block in
            let lines = block.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
            guard !lines.isEmpty else { return nil }
            var cuts = Set<Int>()
            var offset = 0
            for line in lines.dropLast() {
                offset += line.utf8.count
                cuts.insert(offset)
            }
            return Paragraph(text: lines.joined(), cuts: cuts)
        }
    }

    var sentenceCount: Int { paragraphs.reduce(0) { $0 + $1.cuts.count + 1 } }
}
