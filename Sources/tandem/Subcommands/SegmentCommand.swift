import ArgumentParser
import Foundation
import TandemKit

/// `tandem segment`: shows how a text or a post is cut into sentences.
struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Print the sentences of a text file or of a Markdown post's body.",
        discussion: """
            Sentences come from ICU's sentence rules for the locale plus the locale's rules in locales/<TAG>.yml (found in the current directory or above; built-in rules otherwise): no break inside 《》（） pairs, in decimals, tickers (03690.HK), Latin abbreviations and initials (Inc., J. P. Morgan) or after list numbers; a quote holding several sentences is cut inside, and a quote keeps its attribution (“…。”他说。); closing quotes or ** markers after a full stop stay with their sentence; interface text glued to a sentence's start or end (放大圖片, 显示原图: interfaceText in the rules file) is a sentence of its own.

            A file ending in .md or .markdown is read as a Hugo post: the translatable front matter values (title, linkTitle, subtitle, summary, description, lead, excerpt, a menu entry's name: menu.*.name, menus.*.name, and a page resource's title: resources.*.title) and the Markdown body's headings, paragraphs, list items and table cells are segmented, then link and image titles and the text arguments of shortcodes (figure's title and caption, admonition's title, …); code, HTML, the rest of shortcodes and URLs are not. Inline markup shows as placeholders: {1}…{/1} for a pair such as **bold**, {2/} for a standalone code such as `code`.

            Input is limited to 16 MiB (16777216 bytes), as posts are; a larger file or standard input is refused (exit 2).

            Text form prints one sentence per line; JSON adds each sentence's line, column, UTF-8 byte offsets in the file and word count (Latin words and CJK characters, what translators are paid by), and for posts its id, location and placeholder codes.

            Examples:
              tandem segment content/posts/hello.md
              tandem segment --locale en --json notes.txt
              printf '他说：“今天下雨。明天晴。”然后走了。' | tandem segment -
            """
    )

    @Option(name: .shortAndLong, help: "The language of the text, a BCP 47 tag.")
    var locale = LocaleTag("zh-CN")!

    @OptionGroup var output: OutputOptions

    @Flag(help: "Use ICU's plain rules only (no locale rules, no abbreviation suppressions).")
    var plainICU = false

    @Argument(help: "The file to segment, or - for standard input.")
    var file: String

    func run() throws {
        let tag = locale
        let isStandardInput = file == "-"
        // Input is bounded as posts are: a file or standard input past the limit is refused
        // before it is held in memory.
        let bytes = isStandardInput
            ? try Self.readStandardInput(limit: TextFile.postSizeLimit)
            : try TextFile.readBytes(URL(fileURLWithPath: file), limit: TextFile.postSizeLimit)
        let displayName = isStandardInput ? "<stdin>" : file
        _ = try TextFile.decodeText(bytes, path: displayName)  // rejects invalid UTF-8 and NUL with their position

        let rules = plainICU
            ? LocaleRules(locale: tag, sentences: .plainICU)
            : try LocaleRules.load(for: tag, localesDirectory: ProjectLocator.localesDirectory(from: WorkingDirectory.url))
        let segmenter = try SegmentCommand.makeSegmenter(rules)
        let isMarkdown = [".md", ".markdown"].contains { file.lowercased().hasSuffix($0) }
        let entries = isMarkdown
            ? try markdownEntries(bytes, path: displayName, segmenter: segmenter)
            : plainEntries(bytes, segmenter: segmenter)

        let counter = try WordCounter(locale: tag)
        let counted = entries.map { entry -> SegmentReport.Entry in
            var entry = entry
            entry.count = counter.count(CodedText(entry.text).plainText)
            return entry
        }
        switch output.selected {
        case .text:
            Terminal.standardOutput.write(counted.map { $0.text + "\n" }.joined())
        case .json:
            let total = counted.compactMap(\.count).reduce(WordCount(), +)
            let report = SegmentReport(file: displayName, locale: tag.identifier, total: total, sentences: counted)
            Terminal.standardOutput.write(try JSONText.string(report) + "\n")
        }
    }

    /// Standard input, up to `limit` bytes; more is an error at `<stdin>`.
    static func readStandardInput(limit: Int) throws -> [UInt8] {
        var bytes: [UInt8] = []
        while let chunk = try FileHandle.standardInput.read(upToCount: 1 << 20), !chunk.isEmpty {
            bytes.append(contentsOf: chunk)
            if bytes.count > limit {
                throw TandemError.invalidValue(
                    SourceLocation(file: "<stdin>", line: 1, column: 1),
                    message: "input is more than \(limit) bytes; at most \(limit) are accepted (split the text)")
            }
        }
        return bytes
    }

    /// Plain text: every sentence of the file, line breaks ending sentences as ICU has it.
    private func plainEntries(_ bytes: [UInt8], segmenter: SentenceSegmenter) -> [SegmentReport.Entry] {
        let sentences = segmenter.sentences(in: String(decoding: bytes, as: UTF8.self))
        let positions = LineTable(bytes).positions(of: sentences.map(\.range.lowerBound))
        return zip(sentences, positions).map { sentence, position in
            SegmentReport.Entry(
                text: sentence.text, line: position.line, column: position.column,
                start: sentence.range.lowerBound, end: sentence.range.upperBound)
        }
    }

    /// A Hugo post: the sentences of its translatable front matter values and body units, with
    /// inline markup as placeholders.
    private func markdownEntries(_ bytes: [UInt8], path: String, segmenter: SentenceSegmenter) throws -> [SegmentReport.Entry] {
        let document = try HugoDocument(bytes: bytes, path: path)
        let segments = DocumentSegmenter(segmenter: segmenter).segments(of: document)
        // Body sentences point at their bytes; front matter ones at their value.
        let extents = segments.map { segment -> Range<Int> in
            let unit = document.units[segment.unitIndex]
            return unit.frontMatterField == nil && unit.embedding == nil
                ? (unit.origin.lowerBound + segment.range.lowerBound)..<(unit.origin.lowerBound + segment.range.upperBound)
                : unit.origin
        }
        let positions = LineTable(bytes).positions(of: extents.map(\.lowerBound))
        return segments.indices.map { index in
            let (segment, position, start, end) = (segments[index], positions[index], extents[index].lowerBound, extents[index].upperBound)
            return SegmentReport.Entry(
                text: segment.text, line: position.line, column: position.column, start: start, end: end,
                id: segment.id, location: segment.location, codes: segment.codes.isEmpty ? nil : segment.codes)
        }
    }

    static func makeSegmenter(_ rules: LocaleRules) throws -> SentenceSegmenter {
        do {
            return try SentenceSegmenter(rules: rules)
        } catch let error as ICUError {
            throw TandemError.usage("ICU cannot segment \(rules.locale): \(error)")
        }
    }
}

/// The JSON form of `tandem segment`.
struct SegmentReport: Encodable {
    struct Entry: Encodable {
        var text: String
        var line: Int
        var column: Int
        var start: Int
        var end: Int
        var id: String?
        var location: String?
        var codes: [String: String]?
        /// What a translator is paid by (placeholders not counted).
        var count: WordCount?
    }
    var file: String
    var locale: String
    /// Words and CJK characters of all sentences.
    var total: WordCount
    var sentences: [Entry]
}
