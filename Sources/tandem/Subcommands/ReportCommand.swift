import ArgumentParser
import Foundation
import TandemKit

/// `tandem report`: the project's state as one HTML page to open or share.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write an HTML page with progress per locale and post, match bands and lint findings.",
        discussion: """
            One self-contained file (inline CSS and SVG, no script, nothing fetched): per target locale, the share of segments translated with a bar by state, the match analysis of `tandem stats` as a chart, a table of every post's segments, words, CJK characters and states; then the open findings of `tandem glossary lint` over the project. Written atomically.

            Examples:
              tandem report -o report.html
              tandem report -o /tmp/en.html --locale en --no-memory
            """
    )

    @Option(name: .long, help: ArgumentHelp("The project file to use instead of the nearest tandem.yml.", valueName: "file"))
    var config: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("The HTML file to write.", valueName: "file"))
    var output: String

    @Option(name: .shortAndLong, help: "Only this target locale (repeatable; default: every locale with segment files).")
    var locale: [LocaleTag] = []

    @Flag(help: "Do not look anything up in the translation memory (only repetitions are found).")
    var noMemory = false

    @OptionGroup var progressOptions: ProgressOptions

    func run() throws {
        let project = try config.map { try Project.open(configFile: URL(fileURLWithPath: $0)) }
            ?? Project.open(searchingFrom: WorkingDirectory.url)
        try project.requireTargets(locale)
        let statistics = try TranslationStatistics(project: project, memory: noMemory ? nil : try project.openMemory(waiting: LockWaitNotice.sayForMemory))
        let posts = try project.sourcePosts()
        let progress = progressOptions.progress(total: posts.count, label: "counting")
        let locales = try statistics.statistics(of: posts, locales: locale.isEmpty ? statistics.locales() : locale, progress: progress.update)
        progress.finish()
        let findings: [LintFinding]
        do {
            findings = try GlossaryLintRun(workingDirectory: project.root).findings(paths: [])
        } catch TandemError.nothingToLint {
            findings = []
        }
        let report = HTMLReport(title: project.root.lastPathComponent, locales: locales, findings: findings)
        let url = URL(fileURLWithPath: output, relativeTo: WorkingDirectory.url)
        try AtomicFile.write(Array(report.render().utf8), to: url)
        let tags = locales.map(\.locale.identifier).joined(separator: ", ")
        Terminal.standardOutput.write("\(output): \(tags.isEmpty ? "no locales" : tags); \(findings.count) open lint findings\n")
    }
}
