import Foundation
import Testing
@testable import TandemKit

/// Reading and writing term bases: OmegaT TSV, CSV and TBX, with positions in every error.
@Suite("Glossary formats")
struct GlossaryFormatTests {
    @Test func omegaTThreeColumnsWithoutHeader() throws {
        let glossary = try TSVGlossaryFormat.read("百度\tBaidu\t搜索公司\r\n\n# a comment\n腾讯\tTencent\n", path: "g.tsv")
        #expect(glossary.entries.map(\.source) == ["百度", "腾讯"])
        #expect(glossary.entries[0].comment == "搜索公司")
        #expect(glossary.entries[0].kind == .term)
        #expect(glossary.entries[1].location == SourceLocation(file: "g.tsv", line: 4, column: 1))
    }

    @Test func headerNamesExtraColumns() throws {
        let text = "# source\ttarget\tcomment\ttype\tforbidden\tcase\tpos\tnote\n通义千问\tQwen\t\tterm\tTongyi Qianwen|Tongyi Qwen\t\tproperNoun\tbrand\nAMD\t\t\tkeep\t\tyes\n"
        let glossary = try TSVGlossaryFormat.read(text, path: "g.tsv")
        #expect(glossary.entries[0].forbiddenVariants == ["Tongyi Qianwen", "Tongyi Qwen"])
        #expect(glossary.entries[0].partOfSpeech == "properNoun")
        #expect(glossary.entries[0].note == "brand")
        #expect(glossary.entries[1] == GlossaryEntry(source: "AMD", target: "AMD", kind: .keep, isCaseSensitive: true,
                                                     location: SourceLocation(file: "g.tsv", line: 3, column: 1)))
    }

    /// `notPrecededBy`/`notFollowedBy` survive every format (TBX: source term notes).
    @Test(arguments: [Glossary.FileFormat.tsv, .csv, .tbx])
    func matchContextsSurviveEveryFormat(_ format: Glossary.FileFormat) throws {
        let tsv = "# source\ttarget\tcomment\tnotPrecededBy\tnotFollowedBy\n三星\tSamsung\tthe company\t第\t期 | 级|\n苹果\tApple\n"
        var glossary = try TSVGlossaryFormat.read(tsv, path: "g.tsv")
        (glossary.sourceLocale, glossary.targetLocale) = (LocaleTag("zh-CN"), LocaleTag("en"))
        #expect(glossary.entries[0].notPrecededBy == ["第"])
        #expect(glossary.entries[0].notFollowedBy == ["期", "级"])
        let text: String
        switch format {
        case .tsv: text = try TSVGlossaryFormat.write(glossary).text
        case .csv: text = CSVGlossaryFormat.write(glossary)
        case .tbx: text = TBXGlossaryWriter.write(glossary)
        }
        let read: Glossary
        switch format {
        case .tsv: read = try TSVGlossaryFormat.read(text, path: "g.tsv")
        case .csv: read = try CSVGlossaryFormat.read(text, path: "g.csv")
        case .tbx: read = try TBXGlossaryReader.read(Array(text.utf8), path: "g.tbx")
        }
        #expect(read.entries.map(\.notPrecededBy) == [["第"], []])
        #expect(read.entries.map(\.notFollowedBy) == [["期", "级"], []])
    }

    @Test func tsvWriteThenReadIsTheSame() throws {
        let url = SharedRoot.glossary
        let glossary = try Glossary.read(url)
        let again = try TSVGlossaryFormat.read(try TSVGlossaryFormat.write(glossary).text, path: url.path)
        #expect(again.entries.map { [$0.source, $0.target, $0.kind.rawValue] } == glossary.entries.map { [$0.source, $0.target, $0.kind.rawValue] })
        #expect(again.entries.map(\.forbiddenVariants) == glossary.entries.map(\.forbiddenVariants))
        #expect(again.entries.map(\.isCaseSensitive) == glossary.entries.map(\.isCaseSensitive))
    }

    @Test(arguments: [
        ("百度\n", "g.tsv:1:1: error: empty target for '百度'; a term entry needs one"),
        ("# source\ttarget\tkind\n百度\tBaidu\tmaybe\n", "g.tsv:2:10: error: unknown entry type 'maybe'; expected term, keep or forbidden"),
        ("# source\ttarget\tcolour\n", "g.tsv:1:17: error: unknown column 'colour'; expected one of source, target, comment, type, forbidden, case, pos, note, script, notPrecededBy, notFollowedBy"),
        ("百度\tBaidu\tc\textra\n", "g.tsv:1:12: error: 4 columns but the header names 3 (source, target, comment)"),
    ])
    func tsvErrorsHavePositions(_ text: String, _ message: String) {
        #expect(throws: (any Error).self) { try TSVGlossaryFormat.read(text, path: "g.tsv") }
        do {
            _ = try TSVGlossaryFormat.read(text, path: "g.tsv")
        } catch {
            #expect("\(error)" == message)
        }
    }

    @Test func csvQuotedFieldsAndHeader() throws {
        let text = "source,target,comment,type\n\"苹果\",Apple,\"the company, not \"\"apple\"\"\",term\nDeepSeek,,\"multi\nline\",keep\n"
        let glossary = try CSVGlossaryFormat.read(text, path: "g.csv")
        #expect(glossary.entries[0].comment == "the company, not \"apple\"")
        #expect(glossary.entries[1].target == "DeepSeek")
        #expect(glossary.entries[1].comment == "multi\nline")
        #expect(glossary.entries[1].location?.line == 3)
        let again = try CSVGlossaryFormat.read(CSVGlossaryFormat.write(glossary), path: "g.csv")
        #expect(again.entries.map(\.comment) == glossary.entries.map(\.comment))
    }

    @Test func csvUnclosedQuoteIsAnError() {
        #expect(throws: TandemError.invalidValue(SourceLocation(file: "g.csv", line: 2, column: 5), message: "quoted field is never closed")) {
            try CSVGlossaryFormat.read("a,b\nx,y,\"open\n", path: "g.csv")
        }
    }

    @Test func tbxRoundTripKeepsKindsVariantsAndNotes() throws {
        var glossary = try Glossary.read(SharedRoot.glossary)
        glossary.entries = glossary.entries.map { entry in
            var entry = entry
            entry.isCaseSensitive = false  // TBX-Basic has no place for the case flag
            entry.location = nil
            return entry
        }
        let tbx = TBXGlossaryWriter.write(glossary)
        let read = try TBXGlossaryReader.read(Array(tbx.utf8), path: "g.tbx")
        #expect(read.sourceLocale == LocaleTag("zh-CN"))
        #expect(read.targetLocale == LocaleTag("en"))
        #expect(read.entries.map { entry -> GlossaryEntry in
            var entry = entry
            entry.location = nil
            return entry
        } == glossary.entries)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint"), "xmllint not installed (Debian libxml2-utils)"))
    func tbxIsWellFormedForXmllint() throws {
        let xmllint = URL(fileURLWithPath: "/usr/bin/xmllint")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-\(UUID()).tbx")
        defer { try? FileManager.default.removeItem(at: file) }
        var glossary = try Glossary.read(SharedRoot.glossary)
        // A comment pasted from a terminal, with BEL and ESC that XML 1.0 cannot carry.
        glossary.entries[0].comment = "copied \u{07}from \u{1B}[1ma terminal & <pasted> \"as is\""
        try TBXGlossaryWriter.write(glossary).write(to: file, atomically: true, encoding: .utf8)
        let process = try Process.run(xmllint, arguments: ["--noout", "--nonet", file.path])
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let read = try TBXGlossaryReader.read(Array(try Data(contentsOf: file)), path: "g.tbx")
        #expect(read.entries[0].comment == "copied \u{FFFD}from \u{FFFD}[1ma terminal & <pasted> \"as is\"")
    }

    @Test func tbxV2IsRead() throws {
        let tbx = """
            <?xml version="1.0"?>
            <!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
            <martif type="TBX" xml:lang="zh-CN"><text><body>
              <termEntry id="1">
                <langSet xml:lang="zh-CN"><tig><term>马云</term></tig></langSet>
                <langSet xml:lang="en"><tig><term>Jack Ma</term></tig>
                  <tig><term>Ma Yun</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet>
              </termEntry>
            </body></text></martif>
            """
        let glossary = try TBXGlossaryReader.read(Array(tbx.utf8), path: "v2.tbx")
        #expect(glossary.entries.count == 1)
        #expect(glossary.entries[0].target == "Jack Ma")
        #expect(glossary.entries[0].forbiddenVariants == ["Ma Yun"])
        #expect(glossary.entries[0].location?.line == 4)
    }

    /// Bad TBX input and the start of the error it must produce (entity declarations are
    /// refused before parsing; libxml2 recovers from a mismatched end tag and XMLParser still
    /// reports success, so the reader must fail on its own).
    @Test(arguments: [
        ("<?xml version=\"1.0\"?>\n<!DOCTYPE tbx [\n  <!ENTITY lol \"lol\">\n]>\n<tbx xml:lang=\"zh-CN\">&lol;</tbx>",
         "bad.tbx:3:3: error: DOCTYPE declares an entity"),
        ("<tbx xml:lang=\"zh-CN\">\n<text><body>\n<conceptEntry id=\"1\" <oops/></body></text></tbx>",
         "bad.tbx:3:22: error: not well-formed XML"),
        ("<tbx xml:lang=\"zh-CN\">\n<text><body>\n</text></tbx>",
         "bad.tbx:3:8: error: not well-formed XML: the end tag does not match the start tag"),
    ])
    func badTBXIsRefusedWithItsPosition(_ tbx: String, _ expectedPrefix: String) {
        do {
            _ = try TBXGlossaryReader.read(Array(tbx.utf8), path: "bad.tbx")
            Issue.record("bad TBX was accepted")
        } catch {
            #expect("\(error)".hasPrefix(expectedPrefix))
        }
    }

    @Test func projectLoaderReadsTheLanguagePairFiles() throws {
        let glossary = try Glossary.load(projectRoot: SharedRoot.repository, source: LocaleTag("zh-CN")!, target: LocaleTag("en")!)
        #expect(glossary.entries.contains { $0.source == "通义千问" && $0.target == "Qwen" })
        let none = try Glossary.load(projectRoot: SharedRoot.repository, source: LocaleTag("ja")!, target: LocaleTag("en")!)
        #expect(none.entries.isEmpty)
    }
}

/// Paths of the repository's own files.
enum SharedRoot {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let glossary = repository.appendingPathComponent("glossaries/zh-CN/en.tsv")
}
