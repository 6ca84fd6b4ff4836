import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// Returned XLIFF 2 as tools write it: resegmented units, annotations, codes in every form.
@Suite("XLIFF 2.1 import reading")
struct XLIFF21ReaderTests {
    /// A file of one unit whose `<segment>`s (and `<ignorable>`s) are `body`.
    static func file(_ body: String, trgLang: String = " trgLang=\"en\"", data: String = "<data id=\"d1\">**</data><data id=\"d1e\">**</data><data id=\"d2\">`x`</data>") -> [UInt8] {
        Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="zh-CN"\(trgLang)>
              <file id="f1" original="content/posts/a.md">
                <unit id="u1" name="body/p[1]">
                  <originalData>\(data)</originalData>
                  \(body)
                </unit>
              </file>
            </xliff>
            """.utf8)
    }

    static func unit(_ body: String, data: String? = nil) throws -> ReturnedUnit {
        let bytes = data.map { file(body, data: $0) } ?? file(body)
        return try XLIFF21Reader(displayPath: "a.xlf").read(bytes)[0].units[0]
    }

    @Test func codesInEveryFormBecomePlaceholders() throws {
        let unit = try Self.unit("""
            <segment state="translated"><source><pc id="1" dataRefStart="d1" dataRefEnd="d1e">粗</pc><ph id="2" dataRef="d2"/></source>\
            <target><sc id="1" dataRef="d1"/><mrk id="m1" type="term">Bold</mrk><sm id="m2"/><ec startRef="1" dataRef="d1e"/><em startRef="m2"/> <ph id="2" dataRef="d2"/></target></segment>
            """)
        #expect(unit.source == "{1}粗{/1}{2/}")
        #expect(unit.target == "{1}Bold{/1} {2/}")
        #expect(unit.state == .translated)
        #expect(unit.problems.isEmpty)
    }

    @Test func aUnitAToolResegmentedIsJoinedInOrder() throws {
        let unit = try Self.unit("""
            <segment id="s1" state="reviewed"><source>第一。</source><target>First.</target></segment>\
            <ignorable><source> </source></ignorable>\
            <segment id="s2" state="translated"><source><pc id="1" dataRefStart="d1" dataRefEnd="d1e">第二。</pc></source><target><pc id="1" dataRefStart="d1" dataRefEnd="d1e">Second.</pc></target></segment>
            """)
        #expect(unit.source == "第一。 {1}第二。{/1}")
        #expect(unit.target == "First. {1}Second.{/1}")
        #expect(unit.state == .translated)
        #expect(unit.problems.isEmpty)
        // Half translated: not applied.
        let half = try Self.unit("<segment><source>第一。</source><target>First.</target></segment><segment><source>第二。</source></segment>")
        #expect(half.problems == ["1 of its 2 segments have no target; a resegmented unit is applied only whole"])
    }

    @Test func whatCannotBeReadAsTandemTextIsAProblemOfTheUnit() throws {
        let cases: [(String, String)] = [
            ("<segment><source>a</source><target>a<ph id=\"x\" dataRef=\"d2\"/></target></segment>", "<ph> has id 'x', which is not an inline code of this segment"),
            ("<segment><source>a</source><target>a {1/}</target></segment>", "the text '{1/}' reads as an inline code; codes must be tags"),
            ("<segment><source>a</source><target>a{<cp hex=\"0031\"/>/}</target></segment>", "the text '{1/}' reads as an inline code; codes must be tags"),
            ("<segment><source>a</source><target><b>a</b></target></segment>", "unexpected element <b> inside a target"),
            ("<segment><source>a</source><target><x:b xmlns:x=\"urn:x\">a</x:b></target></segment>", "unexpected element <b> inside a target"),
            ("<segment><source>a</source><target>a<ph id=\"2\" dataRef=\"d7\"/></target></segment>", "dataRef 'd7' names no <data> of the unit"),
            ("<segment><source>a</source><target><sc id=\"1\" dataRef=\"d1\"/>a</target></segment>", "<sc id=\"1\"> in the target has no <ec>"),
            ("<segment><source>a</source><target>a<ec startRef=\"1\"/></target></segment>", "<ec startRef=\"1\"> closes no <sc> opened before it in the target"),
            ("<segment><source>a</source><target>a<ec dataRef=\"d1e\"/></target></segment>", "an <ec> with neither startRef nor isolated=\"yes\""),
            ("<segment><source>a</source><target><ph id=\"2\"/><ph id=\"2\"/></target></segment>", "inline id '2' appears twice in the target"),
            ("<segment state=\"done\"><source>a</source><target>a</target></segment>", "unknown state 'done'"),
        ]
        for (body, problem) in cases {
            let unit = try Self.unit(body)
            #expect(unit.problems.contains(problem), "\(body): \(unit.problems)")
        }
    }

    @Test func hostileAndForeignFilesAreRefused() throws {
        let entity = Array("<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [<!ENTITY a \"b\">]>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\" srcLang=\"zh-CN\"/>".utf8)
        #expect(throws: TandemError.self) { try XLIFF21Reader(displayPath: "a.xlf").read(entity) }
        let wrongVersion = Array("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"1.2\" srcLang=\"zh-CN\"/>".utf8)
        #expect(throws: TandemError.self) { try XLIFF21Reader(displayPath: "a.xlf").read(wrongVersion) }
        let truncated = Array(Self.file("<segment><source>a</source></segment>").dropLast(30))
        #expect(throws: TandemError.self) { try XLIFF21Reader(displayPath: "a.xlf").read(truncated) }
    }

    @Test func theFormatIsDetectedFromTheRootVersion() {
        #expect(ExchangeFormat.detect(Self.file("")) == .xliff21)
        #expect(ExchangeFormat.detect(Array("\u{FEFF}<?xml version=\"1.0\"?>\n<!-- x -->\n<xliff version='2.0' xmlns='urn:oasis:names:tc:xliff:document:2.0'>".utf8)) == .xliff21)
        #expect(ExchangeFormat.detect(Array("<?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\">".utf8)) == .xliff12)
        #expect(ExchangeFormat.detect(Array("<?xml version=\"1.0\"?>\n<x:xliff xmlns:x=\"urn:oasis:names:tc:xliff:document:2.0\"\n  version = \"2.1\">".utf8)) == .xliff21)
        #expect(ExchangeFormat.detect(Array("msgid \"\"\nmsgstr \"\"\n".utf8)) == .po)
    }

    /// A UTF-16 XLIFF, with or without a byte order mark, is XLIFF and not PO.
    @Test func utf16FilesAreDetectedAsXLIFF() {
        let xliff12 = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\">"
        func utf16(_ text: String, bigEndian: Bool, mark: Bool) -> [UInt8] {
            var bytes: [UInt8] = mark ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
            for unit in text.utf16 {
                let high = UInt8(unit >> 8), low = UInt8(unit & 0xFF)
                bytes += bigEndian ? [high, low] : [low, high]
            }
            return bytes
        }
        #expect(ExchangeFormat.detect(utf16(xliff12, bigEndian: false, mark: true)) == .xliff12)
        #expect(ExchangeFormat.detect(utf16(xliff12, bigEndian: true, mark: false)) == .xliff12)
        #expect(ExchangeFormat.detect(utf16(String(decoding: Self.file(""), as: UTF8.self), bigEndian: false, mark: false)) == .xliff21)
    }
}
