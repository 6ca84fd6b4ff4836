import ArgumentParser
import Foundation
import TandemKit

/// `tandem next`: the next segment to translate, for scripts and editors.
struct NextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next",
        abstract: "Print the next segment to translate, with its context, glossary terms and memory matches.",
        discussion: """
            The next segment is the first new or fuzzy one (--review: translated one) in document order, posts by path: the one `tandem translate` would show. JSON gives its reference (post, segment file, id), the segment as the file holds it, its position, the segments before and after, its glossary terms (required target, forbidden variants, UTF-8 offsets in the source) and memory matches (score, source, target, diff). When none is left, text output says so and JSON is null; the exit status is 0 either way.

            Examples:
              tandem next --locale en
              tandem next --locale en --json content/posts/hello.md
            """
    )

    @OptionGroup var options: WorkspaceOptions

    @OptionGroup var output: OutputOptions

    @Flag(help: "The next translated segment to review instead.")
    var review = false

    @Argument(help: "Posts or directories inside the content directory (default: all).")
    var paths: [String] = []

    func run() throws {
        let workspace = try options.openWorkspace(paths: paths, command: "tandem next")
        let context = try workspace.next(review ? .review : .untranslated).map(workspace.context(of:))
        let breaker = try DisplayLineBreaker()
        try output.emit(context) {
            guard let context else {
                return review ? "Nothing to review in \(workspace.locale.identifier).\n" : "Nothing left to translate in \(workspace.locale.identifier).\n"
            }
            return context.text(width: Terminal.columns, breaker: breaker)
        }
    }
}
