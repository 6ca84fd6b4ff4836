import ArgumentParser
import Foundation
import TandemKit

extension PseudoStyle: ExpressibleByArgument {}

/// `tandem pseudo`: pseudo-translates segment files for testing.
struct PseudoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pseudo",
        abstract: "Fill untranslated segments with a pseudo-translation, to test layouts and the build.",
        discussion: """
            identity copies the source (building then reproduces the post), brackets wraps each sentence in ⟦ ⟧, accents accents Latin letters and pads by 30%. Only new segments and earlier pseudo-translations are filled: real translations are never replaced.

            Examples:
              tandem pseudo --locale en --style brackets
              tandem pseudo --locale en --style identity content/posts/hello.md
            """
    )

    @OptionGroup var options: ProjectOptions

    @Option(name: .shortAndLong, help: "The target locale whose segment files to fill (default: the project's only target).")
    var locale: LocaleTag?

    @Option(help: "identity, brackets or accents.")
    var style: PseudoStyle = .brackets

    @Argument(help: "Posts or directories inside the content directory (default: all).")
    var paths: [String] = []

    func run() throws {
        let (project, lock) = try options.openLockedProject(command: "tandem pseudo")
        defer { lock.release() }
        let locale: LocaleTag
        if let chosen = self.locale {
            try project.requireTargets([chosen])
            locale = chosen
        } else if project.configuration.targets.count == 1 {
            locale = project.configuration.targets[0]
        } else {
            throw TandemError.usage("name the locale with --locale (the project translates into \(project.configuration.targets.map(\.identifier).joined(separator: ", ")))")
        }
        let pseudo = PseudoTranslationRun(project: project, style: style)
        let results = try project.sourcePosts(paths).compactMap { try pseudo.fill($0, locale: locale) }
        try options.emit(results) {
            results.isEmpty
                ? "no segment files for \(locale); run `tandem extract` first\n"
                : results.map { "\($0.segmentFile): \(CountedNoun.phrase($0.filled, "segment")) filled\n" }.joined()
        }
    }
}
