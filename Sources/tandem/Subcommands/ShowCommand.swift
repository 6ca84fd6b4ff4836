import ArgumentParser
import Foundation
import TandemKit

/// `tandem show`: one segment with its context.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one segment with its context, glossary terms and memory matches.",
        discussion: """
            ID is a segment id or a unique prefix of one (as git takes commit ids); the same sentence in two posts has the same id, so name the post with --post when the prefix is ambiguous. The output is the one of `tandem next`.

            Examples:
              tandem show 3f2a --locale en
              tandem show 3f2a9c01 --post content/posts/hello.md --json
            """
    )

    @OptionGroup var options: WorkspaceOptions

    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("Look for the id only in this post (or directory).", valueName: "path"))
    var post: String?

    @Argument(help: "The segment id, or a unique prefix of it.")
    var id: String

    func run() throws {
        let workspace = try options.openWorkspace(paths: post.map { [$0] } ?? [], command: "tandem show")
        let context = try workspace.context(of: workspace.resolve(id))
        let breaker = try DisplayLineBreaker()
        try output.emit(context) { context.text(width: Terminal.columns, breaker: breaker) }
    }
}
