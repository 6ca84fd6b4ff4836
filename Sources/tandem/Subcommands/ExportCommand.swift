import ArgumentParser
import Foundation
import TandemKit

/// `tandem export`: hands segments to translators working in their own CAT tools.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a locale's segments as XLIFF 1.2, XLIFF 2.1 or PO for a CAT tool (OmegaT, Trados, memoQ, Poedit, Weblate).",
        discussion: """
            XLIFF 1.2 (the default) has one <file> per post and one <trans-unit> per segment (id = segment id); inline markup becomes <g>, <x/>, <bx/>, <ex/> tags, which CAT tools protect. Targets are pre-filled with the source unless --no-prefill (OmegaT skips units without a target). Glossary terms and notes travel as <note>s, memory candidates as <alt-trans>. XLIFF 2.1 (--format xliff21) has one <unit> per segment with <pc>, <ph/>, <sc/>/<ec/> codes whose Markdown bytes are <originalData>; glossary terms, memory candidates and the exported target travel in the glossary, matches and metadata modules. PO keeps placeholders as {1}…{/1} tokens, msgctxt = <post>#<segment id>. Return the file with `tandem import`. The file is named .xlf, .xliff or .po and lies outside the project's locales/, content, glossaries/ and tm/ (an export never replaces a segment file or a post).

            Examples:
              tandem export --locale en -o en.xlf
              tandem export -l en --state new,fuzzy -o todo.xlf content/posts/a.md
              tandem export --locale en --format xliff21 -o en.xlf
              tandem export --locale en --format po -o en.po
              tandem export --locale en --split -o exports/
            """
    )

    // Not ProjectOptions: its --format (text|json) would clash with the exchange format here.
    @Option(name: .long, help: ArgumentHelp("The project file to use instead of the nearest tandem.yml.", valueName: "file"))
    var config: String?

    @Flag(help: "Print the summary as JSON for scripts.")
    var json = false

    @OptionGroup var progressOptions: ProgressOptions

    @Option(name: .shortAndLong, help: "The target locale to export.")
    var locale: LocaleTag

    @Option(name: .shortAndLong, help: "xliff12 (also xliff), xliff21 (also xliff2) or po.")
    var format: ExchangeFormat = .xliff12

    @Option(help: ArgumentHelp("Only segments in these states (comma-separated: new, fuzzy, translated, reviewed, final).", valueName: "states"))
    var state: String?

    func validate() throws {
        _ = try states()
    }

    /// The states `--state` names (nil: all).
    private func states() throws -> Set<SegmentState>? {
        guard let state else { return nil }
        return try Set(state.split(separator: ",").map { raw in
            guard let value = SegmentState(rawValue: raw.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("'\(raw)' is not a segment state; expected new, fuzzy, translated, reviewed or final")
            }
            return value
        })
    }

    @Flag(help: "One file per post in the directory given by -o.")
    var split = false

    @Flag(name: .customLong("no-prefill"), help: "Leave untranslated XLIFF targets out instead of copying the source into them.")
    var noPrefill = false

    @Option(name: .shortAndLong, help: "The file to write (a directory with --split).")
    var output: String

    @Argument(help: "Posts or directories inside the content directory (default: all).")
    var paths: [String] = []

    func run() throws {
        let project = try config.map { try Project.open(configFile: URL(fileURLWithPath: $0)) }
            ?? Project.open(searchingFrom: WorkingDirectory.url)
        try project.requireTargets([locale])
        let export = ExchangeExport(project: project, locale: locale, states: try states())
        let posts = try project.sourcePosts(paths)
        let progress = progressOptions.progress(total: posts.count, label: "reading", json: json)
        let documents = try export.documents(posts: posts, progress: progress.update)
        progress.finish()
        let summary = try export.write(
            documents, format: format, to: URL(fileURLWithPath: output), split: split,
            toolVersion: TandemCommand.version, prefillTargets: !noPrefill)
        if json {
            Terminal.standardOutput.write(try JSONText.string(summary) + "\n")
        } else {
            let files = split ? "\(CountedNoun.phrase(summary.files.count, "file")) in \(output)" : output
            Terminal.standardOutput.write("\(files): \(CountedNoun.phrase(summary.units, "unit")) from \(CountedNoun.phrase(summary.posts, "post")) (\(CountedNoun.phrase(summary.cjkCharacters, "CJK character")), \(CountedNoun.phrase(summary.words, "word")))\n")
        }
    }
}
