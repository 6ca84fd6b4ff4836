import ArgumentParser
import Foundation
import TandemKit

/// `tandem build`: writes translated posts from segment files.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Write the translated posts (foo.<TAG>.md) whose segment files are complete.",
        discussion: """
            Only translated, reviewed and final segments are used. A post is built when all its segments are translated, or at least --min-complete percent of them (the rest keep the source text). Every byte outside the translated sentences stays as in the source; lang: names the translation's locale, and translations: lists the source and every built locale in every language version of the post. Writes are atomic.

            Examples:
              tandem build
              tandem build --locale en --min-complete 80 content/posts/hello.md
            """
    )

    @OptionGroup var options: ProjectOptions

    @OptionGroup var progressOptions: ProgressOptions

    @Option(name: .shortAndLong, help: "Build only this locale (repeatable).")
    var locale: [LocaleTag] = []

    @Option(help: "Build a post when at least this percentage of its segments is translated.")
    var minComplete: Double = 100

    @Argument(help: "Posts or directories inside the content directory (default: all).")
    var paths: [String] = []

    func validate() throws {
        guard (0...100).contains(minComplete) else { throw ValidationError("--min-complete must be between 0 and 100") }
    }

    func run() throws {
        let project = try options.openProject()
        let builder = try PostBuilder(project: project)
        let posts = try project.sourcePosts(paths)
        let progress = progressOptions.progress(total: posts.count, label: "building", json: options.output.selected == .json)
        var results: [BuildResult] = []
        for (index, post) in posts.enumerated() {
            results += try builder.build(post, locales: locale.isEmpty ? nil : locale, minimumComplete: minComplete)
            progress.update(index + 1)
        }
        progress.finish()
        try options.emit(results) {
            results.map { result in
                let percent = String(format: "%.0f%%", result.complete)
                switch result.status {
                case .built: return "\(result.output ?? ""): built (\(percent) translated)\n"
                case .unchanged: return "\(result.output ?? ""): up to date\n"
                case .incomplete: return "\(result.post) [\(result.locale)]: not built, \(percent) translated (--min-complete \(Int(minComplete)))\n"
                case .missingSegments: return "\(result.post) [\(result.locale)]: no segment file; run `tandem extract`\n"
                }
            }.joined()
        }
    }
}
