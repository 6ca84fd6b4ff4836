import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// The hand-off with a real CAT tool: Debian's OmegaT 3.6 loads Tandem's XLIFF 1.2, fills it
/// from a memory in `tm/auto/`, writes its target file, and `tandem import` applies it; the
/// built post carries the translations with its markup (links, image, code) intact.
@Suite("XLIFF through OmegaT", .enabled(if: OmegaTProject.isInstalled, Comment(rawValue: OmegaTProject.missing)))
struct OmegaTXLIFFRoundTripTests {
    static let en = LocaleTag("en")!

    /// OmegaT's own tag shortcuts in a segment (`<g0>`, `</g0>`, `<x1/>`, `<bx2/>`…), in order.
    static func omegaTTags(_ text: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"</?[a-z]+[0-9]+/?>"#)
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { (text as NSString).substring(with: $0.range) }
    }

    /// `text`'s placeholders replaced by the OmegaT tags at the same positions of the source.
    /// OmegaT hides tags at a segment's edges from the translator (and puts them back in its
    /// target file): those are left out.
    static func withOmegaTTags(_ text: String, source: String, omegaTSource: String) -> String? {
        var pieces = CodedText(source).pieces
        var hidden = Set<Placeholder>()
        while case .placeholder(let edge)? = pieces.first, !omegaTSource.hasPrefix("<") { hidden.insert(edge); pieces.removeFirst() }
        while case .placeholder(let edge)? = pieces.last, !omegaTSource.hasSuffix(">") { hidden.insert(edge); pieces.removeLast() }
        let ours = CodedText(pieces: pieces).placeholders
        let theirs = omegaTTags(omegaTSource)
        guard ours.count == theirs.count else { return nil }
        let map = Dictionary(uniqueKeysWithValues: zip(ours, theirs))
        return CodedText(text).pieces.map { piece -> String in
            switch piece {
            case .text(let run): return run
            case .placeholder(let placeholder): return hidden.contains(placeholder) ? "" : map[placeholder] ?? placeholder.token
            }
        }.joined()
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    @Test func omegaTTranslatesTheExportAndImportAppliesItsTargetFile() throws {
        let sample = try ExchangeSampleProject()
        defer { sample.remove() }
        let documents = try ExchangeExport(project: sample.project, locale: Self.en).documents(posts: [sample.post])
        let xliff = XLIFF12Writer(toolVersion: "test").document(documents)
        let omegat = try OmegaTProject(
            at: sample.temporary.root.appendingPathComponent("omegat-project"), sourceLanguage: "zh-CN", targetLanguage: "en",
            sources: ["open-models.xlf": xliff], sentenceSegmentation: false)

        // OmegaT's view of each segment (its tags as text), from its own pseudo-translation memory.
        let pseudo = try String(contentsOf: try omegat.createPseudoTranslateTMX(), encoding: .utf8)
        let seg = try NSRegularExpression(pattern: #"<tuv[^>]*lang="zh-CN"[^>]*>\s*<seg>(.*?)</seg>"#, options: [.dotMatchesLineSeparators])
        let omegaTSources = seg.matches(in: pseudo, range: NSRange(pseudo.startIndex..., in: pseudo)).map {
            (pseudo as NSString).substring(with: $0.range(at: 1))
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        }
        #expect(omegaTSources.count == documents[0].segments.count, "OmegaT saw \(omegaTSources.count) segments")

        // A memory of the English translations in OmegaT's terms, for tm/auto/.
        var units = ""
        for segment in documents[0].segments {
            let english = try #require(ExchangeSampleProject.english[segment.source])
            let plain = CodedText(segment.source).plainText
            guard let omegaTSource = omegaTSources.first(where: { $0.replacingOccurrences(of: #"</?[a-z]+[0-9]+/?>"#, with: "", options: .regularExpression) == plain }),
                  let target = Self.withOmegaTTags(english, source: segment.source, omegaTSource: omegaTSource)
            else {
                Issue.record("OmegaT has no segment for \(segment.source): \(omegaTSources)")
                continue
            }
            units += "<tu><tuv lang=\"zh-CN\"><seg>\(Self.escape(omegaTSource))</seg></tuv><tuv lang=\"en\"><seg>\(Self.escape(target))</seg></tuv></tu>\n"
        }
        let memory = sample.temporary.root.appendingPathComponent("english.tmx")
        try Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header creationtool="test" creationtoolversion="1" segtype="paragraph" o-tmf="test" adminlang="en" srclang="zh-CN" datatype="plaintext"/>
            <body>
            \(units)</body></tmx>
            """.utf8).write(to: memory)

        let returned = try omegat.translate("open-models.xlf", withAutoMemory: memory)
        let report = try ExchangeImport(project: sample.project).run([returned])
        #expect(report.quarantined.isEmpty, "\(report.quarantined)")
        #expect(report.applied == ExchangeSampleProject.english.count)
        for segment in try sample.segments().segments {
            #expect(segment.target == ExchangeSampleProject.english[segment.source])
        }
        _ = try PostBuilder(project: sample.project).build(sample.post)
        let built = String(decoding: try TextFile.readBytes(try sample.project.translatedPost(for: sample.post, locale: Self.en)), as: UTF8.self)
        for markup in ["**Qwen**", "[official site](https://example.org/qwen)", "`pip install qwen`",
                       "![At the launch event](/img/launch.png)", "[^1]", "{{< ref \"other.md\" >}}"] {
            #expect(built.contains(markup), "built post lacks \(markup)")
        }
    }

    /// `href` and `src` values inside a rendered page's `<article>`, in order.
    static func linksAndImages(_ html: String) -> [String] {
        guard let start = html.range(of: "<article>"), let end = html.range(of: "</article>", range: start.upperBound..<html.endIndex) else { return [] }
        let article = String(html[start.upperBound..<end.lowerBound])
        let pattern = try! NSRegularExpression(pattern: #"(?:href|src)="([^"]*)""#)
        return pattern.matches(in: article, range: NSRange(article.startIndex..., in: article)).map { (article as NSString).substring(with: $0.range(at: 1)) }
    }

    @Test(.enabled(if: SharedCorpus.isAvailable && FileManager.default.isExecutableFile(atPath: "/usr/bin/hugo"),
                   "needs the shared corpus and Debian's hugo"))
    func corpusPostsTravelThroughOmegaTAndRenderWithTheirLinksAndImages() throws {
        // The news-shaped posts of the corpus, in a copy of the sample site's Hugo setup.
        let posts = SharedCorpus.allPosts.filter { !$0.path.contains("hugo-mixed") }
        let temporary = try TemporaryProject()
        defer { temporary.remove() }
        for item in ["hugo.toml", "layouts/_default/single.html", "layouts/_default/list.html"] {
            try temporary.write(try TextFile.readBytes(SharedCorpus.repositoryRoot.appendingPathComponent(item)), to: item)
        }
        let project = try Project.open(configFile: temporary.configFile)
        var copies: [URL] = []
        for post in posts {
            let copy = try temporary.write(try TextFile.readBytes(post), to: "content/posts/\(post.deletingLastPathComponent().lastPathComponent)-\(post.lastPathComponent)")
            _ = try Extractor(project: project).extract(copy)
            copies.append(copy)
        }
        let export = ExchangeExport(project: project, locale: Self.en)
        var sources: [String: String] = [:]
        var unitCount = 0
        for copy in copies {
            let documents = try export.documents(posts: [copy])
            unitCount += documents.flatMap(\.segments).count
            sources[copy.deletingPathExtension().lastPathComponent + ".xlf"] = XLIFF12Writer(toolVersion: "test").document(documents)
        }
        let omegat = try OmegaTProject(at: temporary.root.appendingPathComponent("omegat-project"), sourceLanguage: "zh-CN",
                                       targetLanguage: "en", sources: sources, sentenceSegmentation: false)
        // OmegaT's own memory of its segments, targets turned into bracketed pseudo-English
        // (its tags, written as text in this memory, stay as they are), used as exact matches.
        var tmx = try String(contentsOf: try omegat.createPseudoTranslateTMX(), encoding: .utf8)
        let target = try NSRegularExpression(pattern: #"(<tuv[^>]*lang="en"[^>]*>\s*<seg>)(.*?)(</seg>)"#, options: [.dotMatchesLineSeparators])
        tmx = target.stringByReplacingMatches(in: tmx, range: NSRange(tmx.startIndex..., in: tmx), withTemplate: "$1⟦$2⟧$3")
        let memory = temporary.root.appendingPathComponent("pseudo-en.tmx")
        try Data(tmx.utf8).write(to: memory)
        let returned = try omegat.translate(sources.keys.sorted(), withAutoMemory: memory)

        let report = try ExchangeImport(project: project).run(returned)
        #expect(report.quarantined.isEmpty, "\(report.quarantined.prefix(5))")
        #expect(report.applied == unitCount, "\(report.applied) of \(unitCount) units applied")
        for copy in copies {
            let results = try PostBuilder(project: project).build(copy)
            #expect(results.map(\.status) == [.built], "\(copy.lastPathComponent)")
        }

        let hugo = try ExternalTool.run("/usr/bin/hugo", ["--source", temporary.root.path, "--destination", temporary.root.appendingPathComponent("public").path, "--quiet"])
        #expect(hugo.status == 0, "\(hugo.output)")
        for copy in copies {
            let slug = copy.deletingPathExtension().lastPathComponent.lowercased()
            let chinese = try String(contentsOf: temporary.root.appendingPathComponent("public/posts/\(slug)/index.html"), encoding: .utf8)
            let english = try String(contentsOf: temporary.root.appendingPathComponent("public/en/posts/\(slug)/index.html"), encoding: .utf8)
            #expect(english.contains("⟦"), "\(slug): the English page holds no translation")
            // Every link and image of the Chinese page is in the English one, in the same order.
            #expect(Self.linksAndImages(english) == Self.linksAndImages(chinese), "\(slug)")
        }
    }
}
