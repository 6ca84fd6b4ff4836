import ArgumentParser
import Foundation
import TandemKit

/// `tandem extract`: updates segment files from the posts.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Write or update the segment files of every post, one per target locale.",
        discussion: """
            For each source post under the content directory (or each PATH), the sentences of its translatable front matter and body go to locales/<TAG>/<path>.json for every locale in its translations: field and every target in tandem.yml. A post's language comes from its file name (foo.<lang>.md, index.<lang>.md), its language's contentDir in the Hugo site, or lang:/language: in its front matter, else the site's default language; posts in other languages (existing translations) are never sources. include:/exclude: in tandem.yml narrow the posts down. Re-running keeps every translation whose sentence is unchanged (also when paragraphs moved), gives a deleted sentence that comes back its translation from "obsolete", marks an edited sentence fuzzy with its old translation, and moves translations of deleted sentences to "obsolete" in the file. Content files are never written.

            What is translated: the front matter keys in translateKeys: (a list such as tags: item by item, written back as the same list; a path such as menu.*.name or params.subtitle reaches into nested maps, and resources.*.title into each item of a list of maps), headings, paragraphs, list items, table cells, image alt text, link and image titles, and the shortcode arguments that hold text (shortcodes: in tandem.yml; by default figure's title, caption, alt and attr, admonition's title, image's alt, caption and title, link's content and title; name: raw there marks a paired shortcode whose content is code, as highlight's is). A sentence with nothing to translate (numbers, URLs, emoji codes such as :smile:, punctuation, placeholders only) is copied as its own translation (origin auto) and not counted.

            The translation memory (memory: in tandem.yml: a SQLite file, or a team's PostgreSQL server as postgres://user@host/database) fills untranslated sentences from exact and in-context matches (origin tm, state translated), offers fuzzy matches as candidates with a diff of the sources, and receives every translated sentence (pseudo-translations excepted). leverage: in tandem.yml changes this: fillState: fuzzy has a person check each reused sentence, fillExact: false only offers exact matches whose neighbours differ, minimumScore and candidates set the fuzzy offers.

            A post is skipped, without being read, when nothing it is made from changed since the last extract (recorded in .tandem/extract-state.bin, and the keys of the sentences that ask the memory in .tandem/extract-keys-<id>.bin): its bytes, its segment files, tandem.yml, the Hugo configuration, the locale rules, the glossaries, the tandem executable and which memory is used. A post or segment file whose stamp (inode, size, modification and change times) is as recorded is not read, unless it had changed within the file system's clock tick when the stamp was taken (then it is read once more, as git treats "racily clean" files). With a memory, a post whose files still hold untranslated or fuzzy sentences is extracted again only when a unit the memory gained or changed since could answer one of them differently (a unit of the same sentence, or of one within the fuzzy minimum score), and every such post is when the memory cannot tell (units were removed, as by tm rebuild, or more than 20,000 sentences changed).

            In a Chinese source, each post's script (Simplified or Traditional, from the characters only one of them uses) is reported when the posts are in both: "12 posts in Traditional script (zh-Hant)" (--json: "script" per result, "scripts" in total). The memory and the glossary fold Traditional characters to Simplified, so one serves both. A Chinese or Japanese source post whose sentences hold no Han or kana is most likely in another language: it gets a warning on standard error when it is read ("lacksSourceText" in --json). So does Chinese or Japanese text no segment holds, which stays in the source language on every translated page: a shortcode argument no shortcodes: rule names and raw HTML as FILE:LINE:COL: warning: …, and once per run each front matter key outside translateKeys: whose values hold it ("untranslatedText" in --json).

            A post that cannot be read is reported as FILE:LINE:COL: error: …; every other post is still extracted, and the exit status is 2.

            Examples:
              tandem extract
              tandem extract content/posts/hello.md --json
            """
    )

    @OptionGroup var options: ProjectOptions

    @OptionGroup var progressOptions: ProgressOptions

    @Flag(help: "Do not use the translation memory (no pre-filling, no candidates, memory not updated).")
    var noMemory = false

    @Argument(help: "Posts or directories inside the content directory (default: all).")
    var paths: [String] = []

    /// Everything `extract --json` prints.
    struct Report: Encodable {
        var results: [ExtractResult]
        var failures: [PostFailure]
        /// Posts by Chinese script (`Hans`, `Hant`), when a Chinese source has posts in both.
        var scripts: [String: Int]?
    }

    /// How many untranslated places of one post are named one by one before the rest is counted.
    static let untranslatedPlacesShown = 3

    /// Warns about source text no segment holds (once per post read this run): each shortcode
    /// argument and piece of raw HTML as `file:line:col: warning: …`, up to a few per post, and
    /// front matter keys once for the whole run, by key, since a site's tags or authors are in
    /// every post and one line per post would bury the rest.
    static func warnUntranslatedText(_ results: [ExtractResult], language: String) {
        var seen = Set<String>()
        var keys: [(key: String, first: String, posts: Int, inFlow: Bool)] = []
        for result in results where seen.insert(result.post).inserted {
            guard let places = result.untranslatedText else { continue }
            var keysOfPost = Set<String>()
            for place in places where place.place == .frontMatter || place.place == .frontMatterFlow {
                let key = place.name ?? "?"
                let inFlow = place.place == .frontMatterFlow
                guard keysOfPost.insert(key).inserted else { continue }
                if let index = keys.firstIndex(where: { $0.key == key && $0.inFlow == inFlow }) {
                    keys[index].posts += 1
                } else {
                    keys.append((key, "\(result.post):\(place.line):\(place.column)", 1, inFlow))
                }
            }
            let body = places.filter { $0.place != .frontMatter && $0.place != .frontMatterFlow }
            for place in body.prefix(untranslatedPlacesShown) {
                if place.place == .headingLink {
                    Terminal.standardError.write(
                        "\(result.post):\(place.line):\(place.column): warning: the link to '#\(place.text)', a heading's automatic id, points nowhere in every translation, "
                            + "whose heading gets an id of its own text; give the heading an id that stays: `## \(place.text) {#an-id}`, and link to #an-id\n")
                    continue
                }
                let (what, remedy): (String, String) = place.place == .shortcode
                    ? ("an argument of shortcode \(place.name ?? "?")", "name the argument in tandem.yml's shortcodes: to translate it")
                    : ("raw HTML", "write it as Markdown, or translate it in the translated page by hand")
                Terminal.standardError.write(
                    "\(result.post):\(place.line):\(place.column): warning: '\(place.text)' (\(what)) is in no segment and stays \(language) in every translation; \(remedy)\n")
            }
            if body.count > untranslatedPlacesShown {
                Terminal.standardError.write("\(result.post): warning: \(body.count - untranslatedPlacesShown) more places of \(language) text in no segment (--json lists them)\n")
            }
        }
        for key in keys {
            let posts = "\(key.posts) post\(key.posts == 1 ? "" : "s")"
            Terminal.standardError.write(
                key.inFlow
                    ? "\(key.first): warning: front matter key '\(key.key)' holds \(language) text inside a flow mapping ({…}) in \(posts), which is not translated; "
                        + "write the mapping as a block, one key per line, and add its keys to translateKeys: in tandem.yml (\(key.key).<key>) to translate them\n"
                    : "\(key.first): warning: front matter key '\(key.key)' holds \(language) text in \(posts) and is not translated; "
                        + "add it to translateKeys: in tandem.yml to translate it\n")
        }
    }

    /// How many posts are in each Chinese script, or nil unless there are posts in both.
    static func scriptCounts(_ results: [ExtractResult]) -> [ChineseScript: Int]? {
        var scriptByPost: [String: ChineseScript] = [:]
        for result in results { scriptByPost[result.post] = result.script ?? scriptByPost[result.post] }
        let counts = Dictionary(grouping: scriptByPost.values, by: { $0 }).mapValues(\.count)
        return counts.count > 1 ? counts : nil
    }

    func run() throws {
        let (project, lock) = try options.openLockedProject(command: "tandem extract", usingMemory: !noMemory)
        defer { lock.release() }
        let run = ExtractRun(project: project, usesMemory: !noMemory)
        let posts = try run.sourcePosts(paths)
        let progress = progressOptions.progress(total: posts.count, label: "extracting", json: options.output.selected == .json)
        var results: [ExtractResult] = []
        var failures: [PostFailure] = []
        // All segment files become visible together, after one flush, and only then does the
        // memory get their translations (one transaction): a thousand posts do not cost two
        // thousand fsyncs. A bad post is left out of the batch; the others go on.
        for (index, post) in posts.enumerated() {
            do {
                results += try run.extract(post)
            } catch let failure as ExtractRun.SetupFailure {
                throw failure.error
            } catch {
                failures.append(PostFailure(post: project.projectPath(of: post), error: error, root: project.root))
            }
            progress.update(index + 1)
        }
        try run.finish()
        if let error = run.stateNotSaved {
            let reason = (error as? TandemError)?.message ?? "\(error)"
            Terminal.standardError.write("warning: \(project.projectPath(of: project.layout.extractStateFile)): \(reason) (the segment files and the memory are written; the next extract reads every post again)\n")
        }
        progress.finish()
        let scripts = Self.scriptCounts(results)
        let report = Report(
            results: results, failures: failures,
            scripts: scripts.map { Dictionary(uniqueKeysWithValues: $0.map { ($0.key.rawValue, $0.value) }) })
        try options.emit(report, json: report.jsonText) {
            var text = results.map { result in
                let changes = result.changes
                let memory = result.leverage.map { ", memory: \($0.inContext) in context, \($0.exact) exact, \($0.fuzzy) fuzzy" } ?? ""
                let copied = result.copied > 0 ? ", \(result.copied) copied (nothing to translate)" : ""
                return "\(result.segmentFile): \(CountedNoun.phrase(result.segments, "segment")), \(result.translated) translated\(copied)"
                    + " (\(changes.added) new, \(changes.edited) edited→fuzzy, \(changes.obsoleted) obsolete"
                    + "\(changes.restored > 0 ? ", \(changes.restored) restored" : "")\(memory))\(result.skipped ? ", skipped (nothing changed)" : result.written ? "" : ", unchanged")\n"
            }.joined()
            if results.isEmpty && failures.isEmpty { text = project.noSourcePostsExplanation() + "\n" }
            if let scripts {
                // The site mixes scripts: matching folds them, but a person reviewing wants to know.
                text += ChineseScript.allCases.compactMap { script in
                    scripts[script].map { "\($0) post\($0 == 1 ? "" : "s") in \(script.name) script (zh-\(script.rawValue))" }
                }.joined(separator: ", ") + "\n"
            }
            return text
        }
        // Once per post (a post has a result per locale), and only when it was read this run.
        var warned = Set<String>()
        for result in results where result.lacksSourceText == true && warned.insert(result.post).inserted {
            Terminal.standardError.write(
                "\(result.post): warning: no \(project.configuration.source.language == "ja" ? "Japanese" : "Chinese") text in a \(project.configuration.source) source post; "
                    + "if it is written in another language, name it with that language's suffix (foo.en.md, as Hugo expects) or exclude it in tandem.yml\n")
        }
        Self.warnUntranslatedText(results, language: project.configuration.source.language == "ja" ? "Japanese" : "Chinese")
        for failure in failures { Terminal.standardError.write("\(failure.description)\n") }
        if !failures.isEmpty { throw ExitCode(2) }
    }
}
