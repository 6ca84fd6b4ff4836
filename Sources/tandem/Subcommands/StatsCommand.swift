import ArgumentParser
import Foundation
import TandemKit

/// `tandem stats`: what there is to translate, what the memory covers, and how far each locale is.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count segments, words and CJK characters, with match bands and progress per locale.",
        discussion: """
            Reads the segment files (run `tandem extract` first). Per post and in total for each target locale: segments, Latin-script words (ICU word breaks) and CJK characters (each Han or kana character counts one) of the source, the units translators are paid by; a CAT analysis against the project memory in the bands Trados and memoQ quote: repetitions, in context (101%), 100%, 95–99%, 85–94%, 75–84%, 50–74%, no match; and the segments in each state (new, fuzzy, translated, reviewed, final; a pseudo-translation counts as new).

            A segment matched in context counts as 101% even when repeated; any other later occurrence of a source already counted is a repetition. A segment's own translation in the memory does not count as a match for it.

            Examples:
              tandem stats
              tandem stats --locale en content/posts/hello.md
              tandem stats --json --no-memory
            """
    )

    @OptionGroup var options: ProjectOptions

    @OptionGroup var progressOptions: ProgressOptions

    @Option(name: .shortAndLong, help: "Only this target locale (repeatable; default: every locale with segment files).")
    var locale: [LocaleTag] = []

    @Flag(help: "Do not look anything up in the translation memory (only repetitions are found).")
    var noMemory = false

    @Argument(help: "Posts or directories inside the content directory (default: all).")
    var paths: [String] = []

    func run() throws {
        let project = try options.openProject()
        try project.requireTargets(locale)
        let statistics = try TranslationStatistics(project: project, memory: noMemory ? nil : try project.openMemory(waiting: LockWaitNotice.sayForMemory))
        let posts = try project.sourcePosts(paths)
        let progress = progressOptions.progress(total: posts.count, label: "counting", json: options.output.selected == .json)
        let result = try statistics.statistics(of: posts, locales: locale.isEmpty ? statistics.locales() : locale, progress: progress.update)
        progress.finish()
        try options.emit(result) { result.map(Self.text).joined(separator: "\n") }
    }

    /// One locale as people read it: the total's bands, then a line per post.
    static func text(_ locale: LocaleStatistics) -> String {
        let total = locale.total
        var text = "\(locale.locale): \(locale.posts.count) post\(locale.posts.count == 1 ? "" : "s"), \(summary(total))\n"
        let rows = [["", "segments", "words", "CJK chars"]]
            + total.bands.map { [$0.band.label, "\($0.volume.segments)", "\($0.volume.words)", "\($0.volume.cjkCharacters)"] }
            + [["Total", "\(total.volume.segments)", "\(total.volume.words)", "\(total.volume.cjkCharacters)"]]
        text += table(rows)
        text += "  \(states(total))\n"
        for post in locale.posts {
            text += "  \(post.post): \(summary(post)); \(states(post))\n"
        }
        return text
    }

    static func summary(_ post: PostStatistics) -> String {
        "\(CountedNoun.phrase(post.volume.segments, "segment")), \(CountedNoun.phrase(post.volume.words, "word")), \(CountedNoun.phrase(post.volume.cjkCharacters, "CJK character"))"
    }

    static func states(_ post: PostStatistics) -> String {
        SegmentState.allCases.map { state in
            "\(state.rawValue) \(post.count(in: state))" + (state == .new && post.pseudo > 0 ? " (\(post.pseudo) pseudo-translated)" : "")
        }.joined(separator: ", ") + " (\(PercentText.roundedDown(post.percentTranslated)) translated)"
    }

    /// Rows with the first column left-aligned and the rest right-aligned, indented two spaces.
    static func table(_ rows: [[String]]) -> String {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            "  " + row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + padding : padding + cell
            }.joined(separator: "  ") + "\n"
        }.joined()
    }
}
