import ArgumentParser
import Foundation
import TandemKit

/// `tandem align`: adopts existing human translations.
struct AlignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "align",
        abstract: "Adopt an existing human translation of a post into its segment file and the memory.",
        discussion: """
            Pairs the sentences of POST with those of TRANSLATION (a foo.en.md a person wrote beside foo.md): structure first (headings, paragraphs, list items, table cells, titles of the same kind, in order), then the sentences inside each pair of blocks by length and anchors (numbers, Latin words, inline code and link targets), one to one, two to one, one to two or left out. Sure pairs fill the segment file as translated, origin aligned; unsure ones (an odd length ratio, a code not found, a sentence merged or added) as fuzzy, for a person to check. Targets a person wrote or checked are not replaced: those that differ from TRANSLATION are counted, and --replace takes TRANSLATION's text for them (a translator who edited the built page by hand: build then names the file as edited since it was built and advises align). The filled translations go into the translation memory, and build then reproduces the human text. Front matter the translation has of its own (an author, a slug, a description only it has) is kept in the segment file as written and every build writes it; in another syntax than POST's it cannot be, and is named.

            With --all, every post with a translated file beside it (foo.<tag>.md for each target, or foo.md in the site's default language) is aligned, except files build wrote and nobody changed since.

            Examples:
              tandem align content/posts/hello.md content/posts/hello.en.md
              tandem align --all
              tandem align --dry-run --pairs --json content/posts/a.md content/posts/a.en.md
            """
    )

    @OptionGroup var options: ProjectOptions

    @Flag(help: "Align every post that has a translated file beside it.")
    var all = false

    @Option(help: ArgumentHelp("The translation's language (default: found from its file name among the targets).", valueName: "tag"))
    var locale: LocaleTag?

    @Flag(help: "Report what would be filled; write nothing.")
    var dryRun = false

    @Flag(help: "List every pairing (source sentence, translation sentences, sure or not).")
    var pairs = false

    @Flag(help: "Do not add the adopted translations to the translation memory.")
    var noMemory = false

    @Flag(help: "Replace targets a person wrote or checked where TRANSLATION says otherwise (a translation edited by hand after build).")
    var replace = false

    @Argument(help: "The source post, then its human translation.")
    var files: [String] = []

    func validate() throws {
        if all, !files.isEmpty { throw ValidationError("give either --all or a post and its translation") }
        if !all, files.count != 2 { throw ValidationError("name the source post and its translation (or pass --all)") }
    }

    func run() throws {
        let (project, lock) = try options.openLockedProject(command: "tandem align", usingMemory: !(noMemory || dryRun))
        defer { lock.release() }
        let adoption = TranslationAdoption(project: project, memory: noMemory || dryRun ? nil : try project.openMemory(waiting: LockWaitNotice.sayForMemory))
        var work: [(post: URL, translation: URL, locale: LocaleTag)] = []
        if all {
            // A file `build` wrote (and nobody changed since) is Tandem's own output, not a human
            // translation to adopt: its sentences are the segment file's already.
            let manifest = try BuildManifest.load(project)
            for post in try project.sourcePosts() {
                for tag in project.configuration.targets {
                    let translation = try project.translatedPost(for: post, locale: tag)
                    guard FileManager.default.fileExists(atPath: translation.path) else { continue }
                    let bytes = try TextFile.readBytes(translation, limit: TextFile.postSizeLimit)
                    if manifest.ownership(of: project.projectPath(of: translation), bytes: bytes) == .tandem { continue }
                    work.append((post, translation, tag))
                }
            }
        } else {
            let post = project.postPath(files[0])
            let translation = project.postPath(files[1])
            let tag = try locale ?? project.configuration.targets.first { try project.translatedPost(for: post, locale: $0) == translation }
            guard let tag else {
                throw ValidationError("\(files[1]) is not named as a translation of \(files[0]) into any target (\(project.configuration.targets.map(\.identifier).joined(separator: ", "))); pass --locale")
            }
            work.append((post, translation, tag))
        }
        var results: [TranslationAdoption.Result] = []
        for item in work {
            results.append(try adoption.adopt(post: item.post, translation: item.translation, locale: item.locale, dryRun: dryRun, listingPairs: pairs, replacingPeoplesTargets: replace))
        }
        try options.emit(results) {
            var text = ""
            for result in results {
                for pair in result.pairs ?? [] {
                    text += "\(pair.certain ? "=" : "?") \(pair.source)\n  \(pair.written)\n"
                }
                text += "\(result.segmentFile): \(dryRun ? "would adopt" : "adopted") \(result.translation): \(result.translated) translated, \(result.fuzzy) fuzzy (unsure), \(result.untouched) untouched\n"
                if result.stale > 0 {
                    text += "\(result.segmentFile): \(CountedNoun.phrase(result.stale, "sentence")) edited in \(result.post) since \(result.translation) was built \(result.stale == 1 ? "stays" : "stay") fuzzy: the page has the old translation\n"
                }
                if let kept = result.keptFrontMatter {
                    text += "\(result.segmentFile): \(dryRun ? "would keep" : "kept") \(result.translation)'s own front matter for every build: \(kept.joined(separator: ", "))\n"
                }
                if let lost = result.frontMatterNotKept {
                    text += "\(result.segmentFile): warning: \(result.translation)'s front matter \(lost.count == 1 ? "key" : "keys") \(lost.joined(separator: ", ")) cannot be kept: a page's own front matter is kept when both files write it in YAML, or both in TOML (not JSON, not one of each); `build --force` would lose \(lost.count == 1 ? "it" : "them")\n"
                }
                if result.differing > 0 {
                    text += "\(result.segmentFile): \(CountedNoun.phrase(result.differing, "target")) a person wrote or checked \(result.differing == 1 ? "differs" : "differ") from \(result.translation) and \(result.differing == 1 ? "was" : "were") kept; "
                        + "`tandem align --replace \(result.post) \(result.translation)` takes the page's text\n"
                }
            }
            if results.isEmpty { text = "no translated posts found beside the sources\n" }
            return text
        }
    }
}
