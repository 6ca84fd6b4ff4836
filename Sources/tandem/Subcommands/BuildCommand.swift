import ArgumentParser
import Foundation
import TandemKit

/// `tandem build`: writes translated posts from segment files.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Write the translated posts whose segment files are complete, where the Hugo site expects them.",
        discussion: """
            Only translated, reviewed and final segments are used. A post is built when all its segments are translated, or at least --min-complete percent of them (the rest keep the source text). Every byte outside the translated sentences stays as in the source; lang: names the translation's locale, and translations: lists the source and every built locale in every language version Tandem built. Writes are atomic.

            Where a translation goes comes from the Hugo site's configuration (hugo.toml, config/_default/ …): foo.<lang>.md beside foo.md (index.<lang>.md in a bundle), or the same path in the language's contentDir, with the site's language key (zh-TW → zh-tw). In the site's default language an existing foo.md beside a source foo.zh-cn.md is that language's page already (Hugo reads a file without a suffix so): it is the output path, kept like any file Tandem did not write, and a foo.en.md that an earlier build wrote beside it (which hid it) is removed. A front matter url written from the site's root (/2018/04/a/) loses its leading slash in a translation published under /<lang>/, so that it does not take the source page's address. Hugo looks a ref or relref up among the pages of the page's own language and stops the whole site at one it cannot find: in a translation, a reference naming the source's file (index.zh-cn.md) names the translation's (index.en.md), and one to a post with no translation yet gets the source's language (path="b.md" lang="zh-cn"), so the link leads to the source page until that post is built. `tandem check` runs first: a problem that would break the site (a target missing from [languages], a post Hugo would read as another language) stops the build.

            Human work is never replaced: every file built is recorded with a hash in locales/.built.json (commit it). A file at an output path that Tandem did not write, or that was edited since, is left byte-identical and reported (exit 2); --force replaces it. A file equal to what build writes is adopted silently.

            When a source post was deleted, build removes the translations it built from it (--keep reports them instead) and moves its segment files to locales/<TAG>/.archive/, which `tm rebuild` still reads. A file build wrote where no translation goes any more is removed too: after the site gave the locale a contentDir (or tandem.yml's output changed), and for a locale that is neither a target nor a language of the site; a locale the site still has but tandem.yml no longer targets keeps its files, reported as no longer updated. A post that falls below --min-complete (a sentence added to a translated post) keeps the translation build wrote before, reported as stale, so the published page stays until the new sentences are translated; --withdraw removes it instead. A post that cannot be built is reported as FILE:LINE:COL: error: …; the others are still built, and the exit status is 2.

            Examples:
              tandem build
              tandem build --locale en --min-complete 80 content/posts/hello.md
              tandem build --force content/posts/hello.md
            """
    )

    @OptionGroup var options: ProjectOptions

    @OptionGroup var progressOptions: ProgressOptions

    @Option(name: .shortAndLong, help: "Build only this locale (repeatable).")
    var locale: [LocaleTag] = []

    @Option(help: "Build a post when at least this percentage of its segments is translated.")
    var minComplete: Double = 100

    @Flag(help: "Replace translated posts that Tandem did not write or that were edited since.")
    var force = false

    @Flag(help: "Keep (and only report) the translations of deleted source posts.")
    var keep = false

    @Flag(help: "Remove the translation Tandem built of a post that fell below --min-complete (by default it stays, reported as stale).")
    var withdraw = false

    @Argument(help: "Posts or directories inside the content directory (default: all, and deleted posts are retired).")
    var paths: [String] = []

    /// Everything `build --json` prints.
    struct Report: Encodable {
        var results: [BuildResult]
        var failures: [PostFailure]
        var findings: [SiteFinding]
    }

    func validate() throws {
        guard (0...100).contains(minComplete) else { throw ValidationError("--min-complete must be between 0 and 100") }
    }

    /// Up to this many posts with nothing translated are listed one per line.
    static let untouchedListed = 10

    func run() throws {
        let (project, lock) = try options.openLockedProject(command: "tandem build")
        defer { lock.release() }
        try project.requireTargets(locale)
        let findings = try SiteCheck(project: project).findings()
        // Only what would break the site is printed here; warnings are `check`'s (and in --json).
        for finding in findings where finding.severity == .error { Terminal.standardError.write("\(finding)") }
        if findings.contains(where: { $0.severity == .error }) {
            try options.emit(Report(results: [], failures: [], findings: findings)) {
                "not built: the site's configuration would break (see above; `tandem check`)\n"
            }
            throw ExitCode(2)
        }
        let builder = try PostBuilder(project: project, force: force, savesManifestEachPost: false)
        let posts = try project.sourcePosts(paths)
        let progress = progressOptions.progress(total: posts.count, label: "building", json: options.output.selected == .json)
        var results: [BuildResult] = []
        var failures: [PostFailure] = []
        for (index, post) in posts.enumerated() {
            do {
                results += try builder.build(post, locales: locale.isEmpty ? nil : locale, minimumComplete: minComplete, withdrawsIncomplete: withdraw)
            } catch {
                failures.append(PostFailure(post: project.projectPath(of: post), error: error, root: project.root))
            }
            progress.update(index + 1)
        }
        progress.finish()
        if paths.isEmpty { results += try builder.retireDeletedPosts(keep: keep) }
        try builder.saveManifest()
        // Posts nobody has started translating are counted, not listed one per line, when there
        // are many: on a real blog 540 such lines buried the two posts that were built.
        var untouchedPerLocale: [String: Int] = [:]
        for result in results where result.status == .incomplete && result.complete == 0 { untouchedPerLocale[result.locale, default: 0] += 1 }
        let countsUntouched = untouchedPerLocale.values.reduce(0, +) > Self.untouchedListed
        try options.emit(Report(results: results, failures: failures, findings: findings)) {
            results.filter { !(countsUntouched && $0.status == .incomplete && $0.complete == 0) }.map { result in
                // Rounded down: 249 of 250 sentences said "not built, 100% translated".
                let percent = PercentText.roundedDown(result.complete)
                let output = result.output ?? ""
                switch result.status {
                case .built: return "\(output): built (\(percent) translated)\n"
                case .unchanged: return "\(output): up to date\n"
                case .incomplete: return "\(result.post) [\(result.locale)]: not built, \(percent) translated (--min-complete \(Int(minComplete)))\n"
                case .stale: return "\(output): kept as last built, \(percent) translated is below --min-complete \(Int(minComplete)) (sentences added or edited since are not translated yet: the page still shows the post as it was; --withdraw removes it)\n"
                case .withdrawn: return "\(output): removed, \(percent) translated is below --min-complete \(Int(minComplete))\n"
                case .missingSegments: return "\(result.post) [\(result.locale)]: no segment file; run `tandem extract`\n"
                case .refused: return "\(output): not replaced (not written by Tandem, or edited since)\n"
                case .ownPage: return "\(output): kept, the \(result.locale) site's own page (\(result.post) has nothing to translate)\n"
                case .removed: return "\(output): removed, its source \(result.post) was deleted\n"
                case .kept: return "\(output): kept, though its source \(result.post) was deleted\n"
                case .outOfPlace: return "\(output): kept, though the \(result.locale) translation of \(result.post) no longer goes there: it was edited since Tandem built it (delete it when its text is safe)\n"
                case .relocated: return "\(output): removed, the \(result.locale) translation of \(result.post) goes elsewhere now (the site's contentDir or tandem.yml's output changed)\n"
                case .dropped: return "\(output): removed, \(result.locale) is no longer a target nor a language of the site (Hugo read it as a page of the default language)\n"
                case .untargeted: return "\(output): kept as it is and no longer updated, \(result.locale) is no longer a target in tandem.yml (delete it if the site drops \(result.locale))\n"
                case .archived: return "\(output): segment file archived, its source \(result.post) was deleted\n"
                case .superseded: return "\(output): removed, it hid the \(result.locale) page Hugo reads without a language suffix\n"
                }
            }.joined()
                + (countsUntouched
                    ? untouchedPerLocale.sorted { $0.key < $1.key }.map { locale, count in
                        "\(CountedNoun.phrase(count, "post")) [\(locale)]: not built, nothing translated yet (`tandem stats --locale \(locale)` lists them)\n"
                    }.joined()
                    : "")
        }
        for result in results {
            guard let keys = result.outdatedOwnFrontMatter, let output = result.output else { continue }
            Terminal.standardError.write(
                "\(output): warning: \(result.post) changed its front matter \(keys.joined(separator: ", ")) since `tandem align` kept the translation's own; "
                    + "the translation's \(keys.count == 1 ? "entry is" : "entries are") written, without the post's changes (edit ownFrontMatter in its segment file to take them)\n")
        }
        for result in results where result.status == .refused {
            // After `align` the sentences are adopted, but the file still has what the source
            // has not: say what --force would lose, rather than suggest align again.
            let lost = result.onlyInFile ?? []
            Terminal.standardError.write(
                "\(result.output ?? result.post): error: not written by Tandem (or edited since); "
                    + (lost.isEmpty && result.aligned == true
                        ? "`tandem align` adopted its sentences already; what still differs is outside them (text in shortcode arguments or raw HTML, rows or lines the page added, unsure pairs not yet reviewed): keep it as it is, or --force to replace it with the build\n"
                        : lost.isEmpty
                        ? "--force to replace, or `tandem align` to adopt it (`tandem align --replace` where it changed what a person translated)\n"
                        : "it has \(lost.joined(separator: " and ")), which a build from \(result.post) would not write; keep it as it is, or --force to replace it and lose them (`tandem align` keeps front matter written in the post's syntax, not code blocks)\n"))
        }
        for failure in failures { Terminal.standardError.write("\(failure.description)\n") }
        if !failures.isEmpty || results.contains(where: { $0.status == .refused }) { throw ExitCode(2) }
    }
}
