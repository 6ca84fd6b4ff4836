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
}
