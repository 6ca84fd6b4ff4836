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

    @Option(name: .shortAndLong, help: "The target locale whose segment files to fill.")
    var locale: String

    @Option(help: "identity, brackets or accents.")
    var style: PseudoStyle = .brackets

    @Argument(help: "Posts or directories inside the content directory (default: all).")
    var paths: [String] = []

    struct Result: Encodable {
        var segmentFile: String
        var filled: Int
    }

    func run() throws {
        guard let tag = LocaleTag(locale) else { throw TandemError.usage("'\(locale)' is not a BCP 47 language tag") }
        let project = try options.openProject()
        let translator = PseudoTranslator(style: style)
        var results: [Result] = []
        for post in try project.sourcePosts(paths) {
            let url = try project.segmentFile(for: post, locale: tag)
            guard var file = try SegmentFileStore.read(url) else { continue }
            let filled = translator.fill(&file)
            if filled > 0 { try SegmentFileStore.write(file, to: url) }
            results.append(Result(segmentFile: project.projectPath(of: url), filled: filled))
        }
        try options.emit(results) {
            results.isEmpty
                ? "no segment files for \(tag); run `tandem extract` first\n"
                : results.map { "\($0.segmentFile): \($0.filled) segments filled\n" }.joined()
        }
    }
}
