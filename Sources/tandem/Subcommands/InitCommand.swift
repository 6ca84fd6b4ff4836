import ArgumentParser
import Foundation
import TandemKit

/// `tandem init`: makes the current directory a Tandem project.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create tandem.yml, glossaries/ and locales/ in the current directory.",
        discussion: """
            Inside a Hugo site, the site's configuration decides the defaults: the source is the default language (defaultContentLanguage), the targets are the other languages of its languages table, the content directory is the source language's, and translations go where the site puts them (by file name, or by each language's contentDir). Without a Hugo site, the defaults are --source zh-CN --targets en. A language is never both the source and a target: a site whose only language is its default gets no tandem.yml until --source and --targets say what to translate (exit 2). `tandem check` then reports what in the site would still break; init prints the same findings, and exits 1 (with tandem.yml made) when one is an error.

            For Chinese into English, the glossary Tandem ships (about 1,000 terms of tech, business and world news: companies, products, people, places, with their forbidden variants) is installed as glossaries/<source>/<target>.tsv (en.tsv for en), yours to edit; --no-glossary leaves glossaries/ empty.

            Nothing is overwritten: an existing tandem.yml is an error, and existing locale rules files and glossaries are kept.

            Examples:
              tandem init
              tandem init --source zh-CN --targets en,ja --content content
            """
    )

    @Option(help: "The language posts are written in (default: the Hugo site's default language, else zh-CN).")
    var source: LocaleTag?

    @Option(help: "Comma-separated languages to translate every post into (default: the site's other languages, else en).")
    var targets: String?

    @Option(help: "The Hugo content directory (default: the site's, else content).")
    var content: String?

    @Flag(help: "Install no shipped glossary (see above).")
    var noGlossary = false

    func validate() throws { if let targets { _ = try Self.localeTags(targets) } }

    func run() throws {
        let root = WorkingDirectory.url
        let site = try HugoSiteConfiguration.load(siteRoot: root)
        let sourceTag = source ?? site?.defaultLocaleTag ?? LocaleTag("zh-CN")!
        let sourceKey = site?.language(for: sourceTag)?.key
        let siteTargets = site?.languages.filter { !$0.disabled && $0.key != sourceKey }.compactMap(\.localeTag) ?? []
        let targetTags = try targets.map(Self.localeTags) ?? (siteTargets.isEmpty ? [LocaleTag("en")!] : siteTargets)
        // A post is never translated into its own language: a site whose only language is its
        // default `en` (theme example sites are made so) would otherwise get `source en, targets
        // en`, and `extract` would then find no post to translate without saying why.
        if let same = targetTags.first(where: { $0 == sourceTag }) {
            let hint = targets != nil ? "" : site.map { "the site's default language is \($0.defaultContentLanguage) and it names no other language; " } ?? ""
            throw TandemError.invalidArgument(
                "\(same) cannot be both the source and a target: \(hint)say which language the posts are written in and which to translate them into, e.g. tandem init --source zh-CN --targets en")
        }
        let contentDirectory = content ?? site.map { $0.language(for: sourceTag)?.contentDir ?? $0.contentDir } ?? "content"
        let configuration = ProjectConfiguration(source: sourceTag, targets: targetTags, content: contentDirectory)
        let glossaries = noGlossary ? [] : Project.shippedGlossaryDestinations(at: root, configuration: configuration)
        let project = try Project.create(at: root, configuration: configuration, site: site, installGlossaries: !noGlossary)
        print("created tandem.yml (source \(sourceTag), targets \(targetTags.map(\.identifier).joined(separator: ", "))\(site.map { ", from \($0.files.joined(separator: ", "))" } ?? "")), glossaries/, locales/, tm/")
        for (file, tsv) in glossaries {
            print("installed the shipped glossary as glossaries/\(file.deletingLastPathComponent().lastPathComponent)/\(file.lastPathComponent) (\(CountedNoun.phrase(ShippedGlossary.entryCount(tsv), "term")); yours to edit)")
        }
        guard site != nil else { return }
        let findings = try SiteCheck(project: project).findings()
        for finding in findings { print(finding, terminator: "") }
        // The project is made either way; a site that would break translated pages is a finding
        // (exit 1), as `tandem check` says, so that a script sees it.
        if findings.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
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
