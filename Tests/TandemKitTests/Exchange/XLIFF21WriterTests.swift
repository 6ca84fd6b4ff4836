import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// What an exported XLIFF 2.1 file holds, and that the OASIS core schema with the matches,
/// glossary and metadata modules accepts it, as do the rules the schema cannot check.
@Suite("XLIFF 2.1 export")
struct XLIFF21WriterTests {
    static var schemaDirectory: URL { SharedCorpus.sharedDirectory.appendingPathComponent("schemas/xliff-2.1") }
    static var canValidate: Bool {
        ExternalTool.path("xmllint") != nil && FileManager.default.fileExists(atPath: schemaDirectory.appendingPathComponent("xliff_core_2.0.xsd").path)
    }

    /// `xmllint --schema` on `text`: nil when valid, else its complaint. The core schema admits
    /// module elements laxly, and libxml2 checks a lax element only against a schema it has
    /// loaded: so the schema given is one that imports the core and the three modules used.
    static func schemaErrors(_ text: String) throws -> String? {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.url.appendingPathComponent("out.xlf")
        try Data(text.utf8).write(to: url)
        let modules = [("urn:oasis:names:tc:xliff:document:2.0", "xliff_core_2.0.xsd"), (XLIFF21Writer.matchesNamespace, "matches.xsd"),
                       (XLIFF21Writer.glossaryNamespace, "glossary.xsd"), (XLIFF21Writer.metadataNamespace, "metadata.xsd")]
        var schema = "<?xml version=\"1.0\"?>\n<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n"
        for (namespace, file) in modules {
            schema += "  <xs:import namespace=\"\(namespace)\" schemaLocation=\"\(schemaDirectory.appendingPathComponent(file).path)\"/>\n"
        }
        schema += "</xs:schema>\n"
        let schemaURL = directory.url.appendingPathComponent("all.xsd")
        try Data(schema.utf8).write(to: schemaURL)
        setenv("XML_CATALOG_FILES", schemaDirectory.appendingPathComponent("catalog.xml").path, 1)
        let result = try ExternalTool.run(ExternalTool.path("xmllint")!, ["--noout", "--nonet", "--schema", schemaURL.path, url.path])
        return result.status == 0 ? nil : result.output
    }

    @Test func inlineCodesBecomeXLIFF2ElementsByKind() {
        let codes = InlineCodeSet(codes: ["1": "**", "/1": "**", "2/": "`x`", "3": "[", "4/": "\n"])
        let xml = XLIFF21Writer.inline("a {1}b{/1} {2/} {3}c {4/}<&>", codes: codes)
        #expect(xml == "a <pc id=\"1\" dataRefStart=\"d1\" dataRefEnd=\"d1e\" type=\"fmt\" subType=\"xlf:b\" canCopy=\"no\" canDelete=\"no\" canReorder=\"yes\">b</pc>"
            + " <ph id=\"2\" dataRef=\"d2\" type=\"other\" subType=\"tandem:code\" canCopy=\"no\" canDelete=\"no\" canReorder=\"yes\"/>"
            + " <sc id=\"3\" isolated=\"yes\" dataRef=\"d3\" type=\"link\" canCopy=\"no\" canDelete=\"no\" canReorder=\"yes\"/>c"
            + " <ph id=\"4\" dataRef=\"d4\" type=\"fmt\" subType=\"xlf:lb\" canCopy=\"no\" canDelete=\"yes\" canReorder=\"yes\"/>&lt;&amp;&gt;")
    }

    @Test func crossedPairsAreStartAndEndCodesOfTheSameUnit() throws {
        let codes = InlineCodeSet(codes: ["1": "**", "/1": "**", "2": "*", "/2": "*"])
        let xml = XLIFF21Writer.inline("{1}a{2}b{/1}c{/2}", codes: codes)
        #expect(xml.hasPrefix("<sc id=\"1\" dataRef=\"d1\""))
        #expect(xml.contains("<pc id=\"2\" dataRefStart=\"d2\" dataRefEnd=\"d2e\" type=\"fmt\" subType=\"xlf:i\""))
        #expect(xml.contains(">b<ec startRef=\"1\" dataRef=\"d1e\""))
        // And they read back as the same placeholders.
        let segment = SegmentEntry(id: "u1", location: "body/p[1]", source: "{1}a{2}b{/1}c{/2}", codes: ["1": "**", "/1": "**", "2": "*", "/2": "*"])
        let document = ExchangeDocument(original: "content/posts/a.md", sourceLocale: LocaleTag("zh-CN")!, targetLocale: LocaleTag("en")!, segments: [segment])
        let text = XLIFF21Writer(toolVersion: "test").document([document])
        let read = try XLIFF21Reader(displayPath: "a.xlf").read(Array(text.utf8))
        #expect(read[0].units[0].source == segment.source)
        #expect(read[0].units[0].target == segment.source)
        #expect(read[0].units[0].problems.isEmpty)
    }

    @Test func charactersXMLCannotHoldTravelAsCodePoints() throws {
        let segment = SegmentEntry(id: "u1", location: "body/p[1]", source: "a\u{1}b", target: "A\u{1}B", state: .translated)
        let document = ExchangeDocument(original: "content/posts/a.md", sourceLocale: LocaleTag("zh-CN")!, targetLocale: LocaleTag("en")!, segments: [segment])
        let text = XLIFF21Writer(toolVersion: "test").document([document])
        #expect(text.contains("<source>a<cp hex=\"0001\"/>b</source>"))
        let unit = try XLIFF21Reader(displayPath: "a.xlf").read(Array(text.utf8))[0].units[0]
        #expect(unit.source == "a\u{1}b")
        #expect(unit.target == "A\u{1}B")
        #expect(unit.state == .translated)
    }

    @Test func statesMapBothWays() throws {
        for state in SegmentState.allCases {
            let segment = SegmentEntry(id: "u1", location: "body/p[1]", source: "源", target: state == .new ? nil : "Source", state: state)
            let document = ExchangeDocument(original: "content/posts/a.md", sourceLocale: LocaleTag("zh-CN")!, targetLocale: LocaleTag("en")!, segments: [segment])
            let text = XLIFF21Writer(prefillTargets: false, toolVersion: "test").document([document])
            let unit = try XLIFF21Reader(displayPath: "a.xlf").read(Array(text.utf8))[0].units[0]
            #expect(unit.state == state, "\(state)")
            #expect(unit.exportedTarget == (segment.target ?? ""))
        }
    }

    @Test(.enabled(if: canValidate, Comment(rawValue: ExternalTool.xmllintMissing)))
    func theSampleProjectExportIsValidXLIFF21() throws {
        let sample = try ExchangeSampleProject()
        defer { sample.remove() }
        let export = ExchangeExport(project: sample.project, locale: LocaleTag("en")!)
        var documents = try export.documents(posts: [sample.post])
        // Modules too: a memory candidate, a glossary term, a note, a previous source, a fuzzy target.
        documents[0].segments[1].candidates = [MatchCandidate(score: 101, source: "本周，{1}通义千问{/1}发布了。", target: "This week, {1}Qwen{/1} was released.", origin: "tm")]
        documents[0].segments[1].terms = [
            TermNote(term: "通义千问", target: "Qwen", kind: "term", comment: "Alibaba's model family", forbidden: ["Tongyi Qianwen"]),
            TermNote(term: "通义千问", target: "Tongyi Qianwen", kind: "forbidden"),
        ]
        documents[0].segments[1].notes = ["Keep the product name."]
        documents[0].segments[1].previousSource = "本周，{1}通义{/1}发布了新版本。"
        documents[0].segments[1].target = "This week, {1}Qwen{/1} released a new version."
        documents[0].segments[1].state = .fuzzy
        let text = XLIFF21Writer(toolVersion: "test").document(documents)
        #expect(try Self.schemaErrors(text) == nil)
        #expect(try XLIFF21Reader.ruleViolations(Array(text.utf8)) == [])
        #expect(text.components(separatedBy: "<unit ").count - 1 == documents[0].segments.count)
        #expect(text.contains("<mtc:match ref=\"#s1\" type=\"tm\" matchQuality=\"100\" origin=\"tm\">"))
        #expect(text.contains("<gls:term source=\"tandem:term\">通义千问</gls:term>\n          <gls:translation>Qwen</gls:translation>"))
        #expect(text.contains("<gls:definition source=\"tandem:forbidden\">"))
        // The entry's comment is the term's definition; its forbidden variants are in the note.
        #expect(text.contains("<gls:translation>Qwen</gls:translation>\n          <gls:definition source=\"tandem:comment\">Alibaba&apos;s model family</gls:definition>")
            || text.contains("<gls:translation>Qwen</gls:translation>\n          <gls:definition source=\"tandem:comment\">Alibaba's model family</gls:definition>"))
        #expect(text.contains("Glossary: '通义千问' → 'Qwen' (term); not 'Tongyi Qianwen'; Alibaba"))
        #expect(text.contains("<segment id=\"s1\" state=\"initial\" subState=\"tandem:fuzzy\">"))
        // The bold pair split across two sentences: an isolated start in one unit, an isolated end in the next.
        #expect(text.contains("<sc id=\"1\" isolated=\"yes\" dataRef=\"d1\" type=\"fmt\" subType=\"xlf:b\" canCopy=\"no\" canDelete=\"no\" canReorder=\"yes\"/>第一句加粗。"))
        #expect(text.contains("第二句也加粗<ec id=\"1\" isolated=\"yes\" dataRef=\"d1e\""))
        #expect(text.contains("<data id=\"d2\">{{&lt; ref &quot;other.md&quot; &gt;}}</data>") || text.contains("<data id=\"d2\">{{&lt; ref \"other.md\" &gt;}}</data>"))
        // What was written reads back: sources, the fuzzy state and the exported target.
        let read = try XLIFF21Reader(displayPath: "out.xlf").read(Array(text.utf8))
        #expect(read.flatMap(\.units).map(\.source) == documents.flatMap(\.segments).map(\.source))
        #expect(read[0].units[1].state == .fuzzy)
        #expect(read[0].units[1].exportedTarget == documents[0].segments[1].target)
    }

    @Test(.enabled(if: canValidate, Comment(rawValue: ExternalTool.xmllintMissing)))
    func theSchemaCheckAndTheRulesCatchBrokenFiles() throws {
        let sample = try ExchangeSampleProject()
        defer { sample.remove() }
        let documents = try ExchangeExport(project: sample.project, locale: LocaleTag("en")!).documents(posts: [sample.post])
        let text = XLIFF21Writer(toolVersion: "test").document(documents)
        // The schema sees a wrong module element; only the rules see a dangling dataRef or a missing trgLang.
        #expect(try Self.schemaErrors(text.replacingOccurrences(of: "<mda:metaGroup category=\"tandem\">", with: "<mda:metaGroup category=\"tandem\"><mda:bogus/>")) != nil)
        let dangling = text.replacingOccurrences(of: "<data id=\"d2\">", with: "<data id=\"d9\">")
        #expect(try Self.schemaErrors(dangling) == nil)
        #expect(try XLIFF21Reader.ruleViolations(Array(dangling.utf8)).contains { $0.contains("dataRef 'd2' names no <data>") })
        let noTarget = text.replacingOccurrences(of: " trgLang=\"en\"", with: "")
        #expect(try Self.schemaErrors(noTarget) == nil)
        #expect(try XLIFF21Reader.ruleViolations(Array(noTarget.utf8)) == ["a unit has a target, and <xliff> has no trgLang"])
    }

    @Test(.enabled(if: canValidate && SharedCorpus.isAvailable, Comment(rawValue: "xmllint or the shared corpus is missing")),
          arguments: SharedCorpus.allPosts)
    func everyCorpusPostExportsAsValidXLIFF21(_ post: URL) throws {
        let (temporary, documents) = try ExchangeSampleProject.documents(ofCorpusPost: post)
        defer { temporary.remove() }
        let xliff = XLIFF21Writer(toolVersion: "test").document(documents)
        #expect(try Self.schemaErrors(xliff) == nil, "\(post.lastPathComponent)")
        #expect(try XLIFF21Reader.ruleViolations(Array(xliff.utf8)) == [], "\(post.lastPathComponent)")
        let read = try XLIFF21Reader(displayPath: "out.xlf").read(Array(xliff.utf8))
        #expect(read.flatMap(\.units).map(\.source) == documents.flatMap(\.segments).map(\.source))
    }
}
