import ArgumentParser
import Foundation
import TandemKit

/// `tandem check`: what in the Hugo site would break once translations are built.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report what in the Hugo site's configuration would break translated pages.",
        discussion: """
            Reads the site's configuration as Hugo does (hugo.toml|yaml|json, config.toml|yaml|json, config/_default/ with languages.toml and per-language files such as config.zh-cn.toml, or siteConfig: in tandem.yml) and reports, with the exact lines to add in the file's own format: a site without a languages table (Hugo would render foo.en.md as a duplicate of foo.md, not as its translation), a source or target language with no languages entry or disabled, a post whose front matter names a language Hugo will not give it (a file without a language suffix is the default language), a language suffix Hugo does not know, and a default language other than the source. `tandem build` runs the same check and refuses to build on an error.

            Exit status: 0 no errors (warnings are printed), 1 errors found, 2 bad input.

            Examples:
              tandem check
              tandem check --json
            """
    )

    @OptionGroup var options: ProjectOptions

    func run() throws {
        let project = try options.openProject()
        let findings = try SiteCheck(project: project).findings()
        try options.emit(findings) {
            findings.isEmpty ? "the site's configuration fits tandem.yml (\(project.site?.files.joined(separator: ", ") ?? ""))\n" : findings.map(\.description).joined()
        }
        if findings.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }
}
