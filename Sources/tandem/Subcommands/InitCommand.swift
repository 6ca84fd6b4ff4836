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
    var source = "zh-CN"

    @Option(help: "Comma-separated languages to translate every post into.")
    var targets = "en"

    @Option(help: "The Hugo content directory.")
    var content = "content"

    func run() throws {
        guard let sourceTag = LocaleTag(source) else { throw TandemError.usage("--source '\(source)' is not a BCP 47 language tag") }
        let targetTags = try targets.split(separator: ",").map { raw -> LocaleTag in
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            guard let tag = LocaleTag(trimmed) else { throw TandemError.usage("--targets: '\(trimmed)' is not a BCP 47 language tag") }
            return tag
        }
        let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let configFile = root.appendingPathComponent("tandem.yml")
        guard !FileManager.default.fileExists(atPath: configFile.path) else {
            throw TandemError.usage("\(configFile.path) already exists; nothing was changed")
        }
        let configuration = ProjectConfiguration(source: sourceTag, targets: targetTags, content: content)
        for directory in ["glossaries/\(sourceTag)", "locales", "tm", content] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(directory), withIntermediateDirectories: true)
        }
        for tag in [sourceTag] + targetTags {
            let rulesFile = root.appendingPathComponent("locales/\(tag).yml")
            if !FileManager.default.fileExists(atPath: rulesFile.path) {
                try AtomicFile.write(Array(LocaleRules.builtIn(for: tag).yaml.utf8), to: rulesFile)
            }
        }
        let ignore = root.appendingPathComponent(".gitignore")
        let existing = (try? String(contentsOf: ignore, encoding: .utf8)) ?? ""
        if !existing.split(separator: "\n").contains(".tandem/") {
            try AtomicFile.write(Array((existing + (existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n") + ".tandem/\n").utf8), to: ignore)
        }
        try AtomicFile.write(Array(configuration.yaml.utf8), to: configFile)
        print("created tandem.yml (source \(sourceTag), targets \(targetTags.map(\.identifier).joined(separator: ", "))), glossaries/, locales/, tm/")
    }
}
