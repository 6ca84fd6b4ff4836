import ArgumentParser
import Foundation
import TandemKit

/// `tandem segment`: shows how a text or a post is cut into sentences.
struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Print the sentences of a text file or of a Markdown post's body.",
        discussion: """
            Sentences come from ICU's sentence rules for the locale plus the locale's rules in
            locales/<TAG>.yml (found in the current directory or above; built-in rules otherwise):
            no break inside 「」“”《》（） pairs, in decimals or after list numbers, and closing
            quotes or ** markers after a full stop stay with their sentence.

            A file ending in .md or .markdown is read as a Hugo post: its front matter is skipped.
            Text form prints one sentence per line; JSON adds each sentence's line, column and
            UTF-8 byte offsets in the file.

            Examples:
              tandem segment content/posts/hello.md
              tandem segment --locale en --format json notes.txt
              printf '他说：“今天下雨。明天晴。”然后走了。' | tandem segment -
            """
    )

    @Option(name: .shortAndLong, help: "The language of the text, a BCP 47 tag.")
    var locale: String = "zh-CN"

    @Option(name: .shortAndLong, help: "Output format: text (one sentence per line) or json.")
    var format: OutputFormat = .text

    @Flag(help: "Use ICU's plain rules only (no locale rules, no abbreviation suppressions).")
    var plainICU = false

    @Argument(help: "The file to segment, or - for standard input.")
    var file: String

    func run() throws {
        guard let tag = LocaleTag(locale) else {
            throw TandemError.usage("'\(locale)' is not a BCP 47 language tag such as zh-CN or en")
        }
        let isStandardInput = file == "-"
        let bytes = isStandardInput
            ? [UInt8](FileHandle.standardInput.readDataToEndOfFile())
            : try TextFile.readBytes(URL(fileURLWithPath: file))
        let displayName = isStandardInput ? "<stdin>" : file
        _ = try TextFile.decodeUTF8(bytes, path: displayName)  // rejects invalid UTF-8 with its position

        var bodyStart = 0
        let isMarkdown = [".md", ".markdown"].contains { file.lowercased().hasSuffix($0) }
        if isMarkdown, let frontMatter = FrontMatterBlock.locate(in: bytes) {
            bodyStart = frontMatter.range.upperBound
        }
        let rules = plainICU
            ? LocaleRules(locale: tag, sentences: .plainICU)
            : try LocaleRules.load(for: tag, localesDirectory: ProjectLocator.localesDirectory())
        let segmenter = try SegmentCommand.makeSegmenter(rules)
        let body = String(decoding: bytes[bodyStart...], as: UTF8.self)
        let sentences = segmenter.sentences(in: body)
        let lines = LineTable(bytes)

        switch format {
        case .text:
            var output = ""
            for sentence in sentences { output += sentence.text + "\n" }
            Terminal.standardOutput.write(output)
        case .json:
            let report = SegmentReport(
                file: displayName, locale: tag.identifier,
                sentences: sentences.map { sentence in
                    let start = bodyStart + sentence.range.lowerBound
                    let position = lines.position(of: start)
                    return SegmentReport.Entry(
                        text: sentence.text, line: position.line, column: position.column,
                        start: start, end: bodyStart + sentence.range.upperBound)
                })
            Terminal.standardOutput.write(try JSONOutput.encode(report) + "\n")
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
    }
    var file: String
    var locale: String
    var sentences: [Entry]
}
