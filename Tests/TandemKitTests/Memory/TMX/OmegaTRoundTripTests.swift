import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// TMX files that OmegaT itself writes (Debian's OmegaT 3.6, run in its console modes on a
/// project made here) are imported whole, exported again, and the export validates against
/// the TMX 1.4b DTD. Python's ElementTree reads each file independently, as the oracle for
/// unit counts and texts.
@Suite("TMX written by OmegaT", .enabled(if: OmegaTProject.isInstalled, Comment(rawValue: OmegaTProject.missing)))
struct OmegaTRoundTripTests {
    static let zh = LocaleTag("zh-CN")!
    static let en = LocaleTag("en")!

    /// Tandem's own fixture: inline tags that OmegaT turns into `<b0>`/`<a0>` shortcuts.
    static let page = """
        <html><head><meta charset="utf-8"><title>发布说明</title></head><body>
        <p>今天我们发布了<b>新版本</b>。它支持更多语言。</p>
        <p>请阅读<a href="https://example.com/docs">文档</a>了解详情！</p>
        <p>图片<img src="a.png" alt="">在此。</p>
        </body></html>

        """

    /// The project's sources: the fixture page, and the seed post of the shared corpus as
    /// plain text when the corpus is present (OmegaT splits it with its own sentence rules).
    static func makeProject(in directory: TemporaryDirectory) throws -> OmegaTProject {
        var sources = ["notes.html": page]
        if SharedCorpus.isAvailable {
            sources["seed.txt"] = try String(contentsOf: SharedCorpus.seedPost, encoding: .utf8)
        }
        return try OmegaTProject(at: directory.url.appendingPathComponent("omp"),
                                 sourceLanguage: "zh-CN", targetLanguage: "en", sources: sources)
    }

    /// Each `<tu>` of `file` as (language, text of its `<seg>`) pairs, read by Python's ElementTree.
    static func unitsReadByPython(_ file: URL) throws -> [[[String]]] {
        let script = """
            import json, sys, xml.etree.ElementTree as ET
            XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'
            units = []
            for tu in ET.parse(sys.argv[1]).iter('tu'):
                units.append([[tuv.get(XML_LANG) or tuv.get('lang'), ''.join(tuv.find('seg').itertext())]
                              for tuv in tu.findall('tuv')])
            print(json.dumps(units, ensure_ascii=False))
            """
        let result = try ExternalTool.run(try #require(ExternalTool.path("python3")), ["-c", script, file.path])
        try #require(result.status == 0, "\(result.output)")
        return try JSONDecoder().decode([[[String]]].self, from: Data(result.output.utf8))
    }

    static func validate(_ file: URL) throws {
        guard ExternalTool.canValidateTMX else { return }
        let check = try ExternalTool.run(
            ExternalTool.path("xmllint")!, ["--noout", "--nonet", "--dtdvalid", ExternalTool.tmxDTD, file.path])
        #expect(check.status == 0, "\(check.output)")
    }

    @Test func pseudoTranslateTMXRoundTripsWithEveryUnitAndText() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let project = try Self.makeProject(in: directory)
        let written = try project.createPseudoTranslateTMX()
        let expected = try Self.unitsReadByPython(written)
        // The seed post alone gives dozens of sentences; the page at least five.
        #expect(expected.count >= (SharedCorpus.isAvailable ? 30 : 5), "\(expected.count) units")

        let memory = try SQLiteMemory(path: directory.path("m.sqlite"))
        let summary = try memory.importTMX(from: written, displayPath: "tm/pseudo.tmx")
        #expect(summary.translationUnits == expected.count)
        #expect(summary.inserted == expected.count)
        let units = try TMXTests.allUnits(memory)
        #expect(units.count == expected.count)
        #expect(Set(units.map(\.sourceLocale)) == [Self.zh])
        #expect(Set(units.map(\.targetLocale)) == [Self.en])
        // OmegaT's level 1 segments are plain text (its tags are escaped text): kept byte for byte.
        let pairs = Set(expected.map { [$0[0][1], $0[1][1]] })
        #expect(Set(units.map { [$0.source, $0.target] }) == pairs)
        #expect(units.contains { $0.source == "今天我们发布了<b0>新版本</b0>。" })

        let exported = directory.url.appendingPathComponent("export.tmx")
        #expect(try memory.exportTMX(to: exported, toolVersion: "test") == expected.count)
        try Self.validate(exported)
        let again = try Self.unitsReadByPython(exported)
        #expect(Set(again.map { [$0[0][1], $0[1][1]] }) == pairs)
        #expect(Set(again.flatMap { $0.map { $0[0] } }) == ["zh-CN", "en"])
    }

    @Test func level2InlineCodesBecomePlaceholdersAndGoBackAsCodes() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let project = try Self.makeProject(in: directory)
        let pseudo = try project.createPseudoTranslateTMX()
        let level2 = try project.translate(withProjectMemory: pseudo)
        let expected = try Self.unitsReadByPython(level2)

        let memory = try SQLiteMemory(path: directory.path("m.sqlite"))
        let summary = try memory.importTMX(from: level2)
        #expect(summary.translationUnits == expected.count)
        let units = try TMXTests.allUnits(memory)
        #expect(units.count == expected.count)
        let bold = try #require(units.first { $0.source.hasPrefix("今天我们发布了") })
        #expect(bold.source == "今天我们发布了{0}新版本{/0}。")
        #expect(bold.target == bold.source)
        let link = try #require(units.first { $0.source.hasPrefix("请阅读") })
        #expect(link.source == "请阅读{0}文档{/0}了解详情！")
        // Texts without codes arrive as OmegaT wrote them.
        let plain = Set(expected.map { $0[0][1] }).filter { !$0.contains("<") }
        #expect(plain.isSubset(of: Set(units.map(\.source))))

        let exported = directory.url.appendingPathComponent("export.tmx")
        try memory.exportTMX(to: exported, toolVersion: "test")
        try Self.validate(exported)
        // The placeholders go back as inline code elements (their content is the placeholder:
        // the memory keeps no native code bytes), never as plain segment text.
        let text = try String(contentsOf: exported, encoding: .utf8)
        #expect(text.contains("今天我们发布了<bpt i=\"0\" x=\"0\">{0}</bpt>新版本<ept i=\"0\">{/0}</ept>。"))
        #expect(!text.contains("<seg>今天我们发布了{0}"))
        let copy = try SQLiteMemory(path: directory.path("copy.sqlite"))
        #expect(try copy.importTMX(from: exported).inserted == units.count)
        #expect(Set(try TMXTests.allUnits(copy).map(\.source)) == Set(units.map(\.source)))
    }

    /// OmegaT's own TMX 1.1 project memory (`Error {0}: {1}` as text) imported, exported, and
    /// given back to OmegaT 3.6 as a project memory: OmegaT reads every unit, with the braces
    /// as text, and its export imports into Tandem as the same units.
    @Test func omegaTTMX11MemoryGoesBackToOmegaTWithTheSameUnits() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let original = InteropFixture.url("omegat-project_save-tmx11.tmx")
        let memory = try SQLiteMemory(path: directory.path("m.sqlite"))
        try memory.importTMX(from: original)
        let units = try TMXTests.allUnits(memory)
        let exported = directory.url.appendingPathComponent("tandem.tmx")
        try memory.exportTMX(to: exported, toolVersion: "test")
        try Self.validate(exported)

        // A project whose source holds the memory's sentences, one paragraph each.
        let pairs = try InteropFixture.tmxUnits(original).map { [$0[0][1], $0[1][1]] }
        let text = pairs.map { $0[0] }.joined(separator: "\n\n") + "\n"
        let project = try OmegaTProject(at: directory.url.appendingPathComponent("omp"), sourceLanguage: "en",
                                        targetLanguage: "fr", sources: ["strings.txt": text])
        let level2 = try project.translate(withProjectMemory: exported)
        let readBack = try InteropFixture.tmxUnits(level2).map { [$0[0][1], $0[1][1]] }
        #expect(Set(readBack) == Set(pairs))
        #expect(readBack.contains(["Error {0}: {1}", "Error {0}: {1}"]))

        let again = try SQLiteMemory(path: directory.path("again.sqlite"))
        try again.importTMX(from: level2)
        #expect(Set(try TMXTests.allUnits(again).map { [$0.source, $0.target] }) == Set(units.map { [$0.source, $0.target] }))
    }
}
