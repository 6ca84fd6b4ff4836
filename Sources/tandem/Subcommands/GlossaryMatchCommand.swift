import ArgumentParser
import Foundation
import TandemKit

/// `tandem glossary match`: shows which glossary terms a text contains.
struct GlossaryMatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Print the glossary terms found in a text, with their targets.",
        discussion: """
            Uses the project's glossaries/<locale>/<target>.tsv (.csv and .tbx too), or the file given with --glossary. Matching is on normalized text (full-width and case folded, Traditional Chinese folded to Simplified unless an entry has a script), longest term first; Latin terms only on word boundaries. Placeholders: {1}…{/1} are transparent, {2/} separates.

            Output: one line per hit, BYTE_START-BYTE_END<TAB>TERM<TAB>TARGET<TAB>KIND.

            Examples:
              tandem glossary match '阿里巴巴的通义千问和 DeepSeek'
              echo '库克说 Apple Intelligence 会来' | tandem glossary match -
              tandem glossary match --glossary my.tsv --format json '港股大涨'
            """
    )

    @Option(name: .shortAndLong, help: "The language of the text (a BCP 47 tag).")
    var locale = LocaleTag("zh-CN")!

    @Option(name: .shortAndLong, help: "The target language whose glossary to use.")
    var target = LocaleTag("en")!

    @Option(name: .shortAndLong, help: "A glossary file to use instead of the project's.")
    var glossary: String?

    @OptionGroup var output: OutputOptions

    @Argument(help: "The text to search, or - for standard input.")
    var text: String

    func run() throws {
        let input: String
        if text == "-" {
            input = try TextFile.decodeUTF8([UInt8](FileHandle.standardInput.readDataToEndOfFile()), path: "<stdin>")
        } else {
            input = text
        }
        let terms: Glossary
        if let glossary {
            terms = try Glossary.read(URL(fileURLWithPath: glossary))
        } else {
            let found = ProjectLocator.projectRoot(from: WorkingDirectory.url)
            // A project's glossary is read as its tandem.yml allows: a broken file stops here as
            // it stops every other command (it answered as if nothing were wrong).
            if let found { _ = try ProjectConfiguration.load(ProjectLayout(root: found).configurationFile) }
            let root = found ?? WorkingDirectory.url
            terms = try Glossary.load(projectRoot: root, source: locale, target: target)
        }
        let matcher = GlossaryMatcher(glossary: terms)
        let bytes = Array(input.utf8)
        let hits = matcher.matches(in: input).flatMap { match in
            match.entryIndices.map { index -> MatchReport.Hit in
                let entry = matcher.entries[index]
                return MatchReport.Hit(
                    start: match.range.lowerBound, end: match.range.upperBound,
                    term: String(decoding: bytes[match.range], as: UTF8.self),
                    target: entry.requiredTarget ?? entry.target, kind: entry.kind.rawValue,
                    comment: entry.comment, glossaryLine: entry.location?.line)
            }
        }
        switch output.selected {
        case .text:
            Terminal.standardOutput.write(hits.map { "\($0.start)-\($0.end)\t\($0.term)\t\($0.target)\t\($0.kind)\n" }.joined())
        case .json:
            Terminal.standardOutput.write(try JSONText.string(MatchReport(hits: hits)) + "\n")
        }
    }
}

/// The JSON form of `tandem glossary match`.
struct MatchReport: Encodable {
    struct Hit: Encodable {
        var start: Int
        var end: Int
        var term: String
        var target: String
        var kind: String
        var comment: String?
        var glossaryLine: Int?
    }
    var hits: [Hit]
}
