import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// What an exported XLIFF 1.2 file holds, and that the OASIS strict schema accepts it.
@Suite("XLIFF 1.2 export")
struct XLIFF12WriterTests {
    static var canValidate: Bool {
        ExternalTool.path("xmllint") != nil && FileManager.default.fileExists(atPath: schema)
    }
    static var schema: String { SharedCorpus.sharedDirectory.appendingPathComponent("schemas/xliff-1.2/xliff-core-1.2-strict.xsd").path }

    /// `xmllint --schema` (strict XLIFF 1.2) on `text`: nil when valid, else its complaint.
    static func schemaErrors(_ text: String) throws -> String? {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.url.appendingPathComponent("out.xlf")
        try Data(text.utf8).write(to: url)
        setenv("XML_CATALOG_FILES", SharedCorpus.sharedDirectory.appendingPathComponent("schemas/catalog.xml").path, 1)
        let result = try ExternalTool.run(ExternalTool.path("xmllint")!, ["--noout", "--nonet", "--schema", schema, url.path])
        return result.status == 0 ? nil : result.output
    }

    @Test func inlineCodesBecomeXLIFFTagsByKind() {
        let codes = InlineCodeSet(codes: ["1": "**", "/1": "**", "2/": "`x`", "3": "[", "4/": "\n> "])
        let xml = XLIFF12Writer.inline("a {1}b{/1} {2/} {3}c {4/}<&>", codes: codes)
        #expect(xml == "a <g id=\"1\" ctype=\"bold\">b</g> <x id=\"2\" ctype=\"x-code\" equiv-text=\"`x`\"/> <bx id=\"3\" ctype=\"link\" equiv-text=\"[\"/>c <x id=\"4\" ctype=\"lb\" equiv-text=\"&#10;> \"/>&lt;&amp;&gt;")
    }

    @Test func crossedPairsAreWrittenAsIsolatedCodes() {
        let codes = InlineCodeSet(codes: ["1": "**", "/1": "**", "2": "*", "/2": "*"])
        let xml = XLIFF12Writer.inline("{1}a{2}b{/1}c{/2}", codes: codes)
        #expect(xml.hasPrefix("<bx id=\"1\""))
        #expect(xml.contains("<g id=\"2\" ctype=\"italic\">b<ex id=\"1\""))
    }

    @Test(.enabled(if: canValidate, Comment(rawValue: ExternalTool.xmllintMissing)))
    func theSampleProjectExportIsValidStrictXLIFF() throws {
        let sample = try ExchangeSampleProject()
        defer { sample.remove() }
        let export = ExchangeExport(project: sample.project, locale: LocaleTag("en")!)
        let documents = try export.documents(posts: [sample.post])
        let text = XLIFF12Writer(toolVersion: "test").document(documents)
        #expect(try Self.schemaErrors(text) == nil)
        // Every unit has a pre-filled target (OmegaT skips units without one), and the bold
        // pair split across two sentences is a <bx/> in one unit and an <ex/> in the next.
        #expect(text.components(separatedBy: "<trans-unit ").count - 1 == documents[0].segments.count)
        #expect(text.components(separatedBy: "<target state=\"needs-translation\">").count - 1 == documents[0].segments.count)
        #expect(text.contains("<bx id=\"1\" ctype=\"bold\" equiv-text=\"**\"/>第一句加粗。"))
        #expect(text.contains("第二句也加粗<ex id=\"1\" equiv-text=\"**\"/>"))
        #expect(text.contains("<x id=\"2\" ctype=\"x-shortcode\" equiv-text=\"{{&lt; ref &quot;other.md&quot; >}}\"/>"))
        // A <g> carries no Markdown: a link's address is told in a note.
        #expect(text.contains("<note from=\"tandem\" annotates=\"source\">Link {1}…{/1}: https://example.org/qwen</note>"))
    }

    @Test(.enabled(if: canValidate && SharedCorpus.isAvailable, Comment(rawValue: "xmllint or the shared corpus is missing")),
          arguments: SharedCorpus.allPosts)
    func everyCorpusPostExportsAsValidXLIFFAndPO(_ post: URL) throws {
        let (temporary, documents) = try ExchangeSampleProject.documents(ofCorpusPost: post)
        defer { temporary.remove() }
        let xliff = XLIFF12Writer(toolVersion: "test").document(documents)
        #expect(try Self.schemaErrors(xliff) == nil, "\(post.lastPathComponent)")
        if let msgfmt = ExternalTool.path("msgfmt") {
            let url = temporary.root.appendingPathComponent("out.po")
            try Data(POWriter(toolVersion: "test").catalog(documents, targetLocale: LocaleTag("en")!).utf8).write(to: url)
            let result = try ExternalTool.run(msgfmt, ["--check", "-o", "/dev/null", url.path])
            #expect(result.status == 0, "\(result.output)")
        }
        // What was written reads back as the same sources.
        let read = try XLIFF12Reader(displayPath: "out.xlf").read(Array(xliff.utf8))
        #expect(read.flatMap(\.units).map(\.source) == documents.flatMap(\.segments).map(\.source))
        #expect(read.flatMap(\.units).allSatisfy { $0.problems.isEmpty })
    }
}
