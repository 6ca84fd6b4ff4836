import ArgumentParser
import Foundation
import TandemKit

/// `tandem glossary lint`: the CI gate for terms, numbers and placeholders.
struct GlossaryLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Lint glossaries and the translations in segment files.",
        discussion: """
            With no PATH, lints the project's glossaries/ and locales/ (the project is the nearest folder with tandem.yml). A PATH may be a glossary (.tsv, .csv, .tbx), a segment file (.json) or a folder searched for both. Segment files are checked against the glossary of their language pair (a pair without one gets a note on standard error: its terms were not checked); only segments with a target are checked. Pseudo-translations (written by tandem pseudo) are checked only for what build refuses too (placeholders, unsafe text), unless --include-pseudo.

            Rules (default severity):
            \(LintRule.allCases.map { "  \($0.rawValue) (\($0.severity.rawValue))" }.joined(separator: "\n"))

            Switch rules off for one segment with "lintDisable": ["forbidden-variant"] in the segment, for a whole segment file with a top-level "lintDisable" list, or for a TSV glossary with a line "# lint-disable: glossary-duplicate". "all" switches every rule off.

            Exit status: 0 no findings at or above --severity, 1 findings, 2 bad input.

            Examples:
              tandem glossary lint
              tandem glossary lint --severity error locales/en
              tandem glossary lint --format github     # GitHub Actions annotations
              tandem glossary lint --format sarif > glossary.sarif   # code scanning
              tandem glossary lint --json glossaries/zh-CN/en.tsv
            """
    )

    @Option(name: .shortAndLong, help: "Output: text, json, github (workflow annotations) or sarif (2.1.0).")
    var format: LintReportFormat = .text

    @Flag(help: "Print JSON for scripts (same as --format json).")
    var json = false

    @Option(help: "Exit 1 when a finding is at least this severe: warning or error.")
    var severity: LintSeverity = .warning

    @Flag(help: "Check pseudo-translated targets by every rule (by default only placeholders and unsafe text: they are layout tests, not translations).")
    var includePseudo = false

    @Argument(help: "Glossary files, segment files or folders (default: the project's glossaries/ and locales/).")
    var paths: [String] = []

    func run() throws {
        var unglossed: [(source: LocaleTag, target: LocaleTag)] = []
        let findings = try GlossaryLintRun(workingDirectory: WorkingDirectory.url, includesPseudo: includePseudo)
            .findings(paths: paths, pairsWithoutGlossary: &unglossed)
        // On standard error, so JSON and SARIF stay what they are: a gate that checked no term
        // says so instead of passing in silence.
        for pair in unglossed {
            Terminal.standardError.write(
                "note: no glossary for \(pair.source) → \(pair.target) (glossaries/\(pair.source)/\(pair.target).tsv): its terms were not checked\n")
        }
        let output = try (json ? LintReportFormat.json : format).render(findings, toolVersion: TandemCommand.version)
        Terminal.standardOutput.write(output)
        if findings.contains(where: { $0.severity >= severity }) { throw ExitCode(1) }
    }
}
