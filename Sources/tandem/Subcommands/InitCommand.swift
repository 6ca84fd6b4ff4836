import ArgumentParser
import Foundation
import TandemKit

/// `tandem init`: makes the current directory a Tandem project.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create tandem.yml, glossaries/ and locales/ in the current directory.",
        discussion: """
            Nothing is overwritten: an existing tandem.yml is an error, and existing locale rules files are kept.

            Examples:
              tandem init
              tandem init --source zh-CN --targets en,ja --content content
            """
    )

    @Option(help: "The language posts are written in.")
    var source = LocaleTag("zh-CN")!

    @Option(help: "Comma-separated languages to translate every post into.")
    var targets = "en"

    @Option(help: "The Hugo content directory.")
    var content = "content"

    func validate() throws { _ = try Self.localeTags(targets) }

    func run() throws {
        let targetTags = try Self.localeTags(targets)
        let configuration = ProjectConfiguration(source: source, targets: targetTags, content: content)
        try Project.create(at: WorkingDirectory.url, configuration: configuration)
        print("created tandem.yml (source \(source), targets \(targetTags.map(\.identifier).joined(separator: ", "))), glossaries/, locales/, tm/")
    }

    /// `en,ja` as tags; a malformed one is a usage error.
    static func localeTags(_ list: String) throws -> [LocaleTag] {
        try list.split(separator: ",").map { raw in
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            guard let tag = LocaleTag(trimmed) else { throw ValidationError("'\(trimmed)' is not a BCP 47 language tag") }
            return tag
        }
    }
}
