import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// TMX 1.4b in and out: what real tools write is read, what Tandem writes validates, and
/// hostile XML is refused.
@Suite("TMX import and export")
struct TMXTests {
    static let zh = LocaleTag("zh-CN")!
    static let en = LocaleTag("en")!

    static func write(_ text: String, to directory: TemporaryDirectory, name: String) throws -> URL {
        let url = directory.url.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    static func allUnits(_ memory: any TranslationMemory) throws -> [MemoryUnit] {
        var units: [MemoryUnit] = []
        try memory.forEachUnit(sourceLocale: nil, targetLocale: nil) { units.append($0) }
        return units
    }

    static let tricky: [MemoryUnit] = [
        MemoryUnit(sourceLocale: zh, targetLocale: en, source: "点击{1}保存{/1}，然后{2/}关闭。", target: "Click {1}Save{/1}, then {2/} close.",
                   previousSource: "打开文件。", nextSource: "完成。", originFile: "locales/en/posts/a.json", originSegment: "body/p[1]/s[2]",
                   creator: "alice", created: Date(timeIntervalSince1970: 1_700_000_000), state: .reviewed),
        MemoryUnit(sourceLocale: zh, targetLocale: en, source: "铃声\u{07}与转义\u{1B}[0m。", target: "Bell\u{07} and escape\u{1B}[0m.",
                   creator: "gettext", created: Date(timeIntervalSince1970: 1_600_000_000)),
        MemoryUnit(sourceLocale: zh, targetLocale: en, source: "A & B < C > D \"引号\" 'x'", target: "A & B < C > D \"quotes\" 'x'",
                   created: Date(timeIntervalSince1970: 1_500_000_000)),
        MemoryUnit(sourceLocale: zh, targetLocale: LocaleTag("de")!, source: "跨段{3}开始。", target: "Beginnt{3} hier.",
                   created: Date(timeIntervalSince1970: 1_500_000_000)),
        MemoryUnit(sourceLocale: zh, targetLocale: en, source: "行一\r\n行二\t制表", target: "line one\r\nline two\ttab",
                   created: Date(timeIntervalSince1970: 1_500_000_000)),
    ]

    @Test func roundTripKeepsEveryUnitExactly() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let memory = try SQLiteMemory(path: directory.path("a.sqlite"))
        try memory.add(Self.tricky)
        let tmx = directory.url.appendingPathComponent("out.tmx")
        #expect(try memory.exportTMX(to: tmx, toolVersion: "test") == Self.tricky.count)
        let copy = try SQLiteMemory(path: directory.path("b.sqlite"))
        let summary = try copy.importTMX(from: tmx)
        #expect(summary.translationUnits == Self.tricky.count)
        #expect(summary.inserted == Self.tricky.count)
        let read = try Self.allUnits(copy)
        for (original, back) in zip(Self.tricky, read) {
            #expect(back.source == original.source)
            #expect(back.target == original.target)
            #expect(back.sourceLocale == original.sourceLocale)
            #expect(back.targetLocale == original.targetLocale)
            #expect(back.sourceKey == original.sourceKey)
            #expect(back.previousKey == original.previousKey)
            #expect(back.nextKey == original.nextKey)
            #expect(back.state == original.state)
            #expect(back.creator == original.creator)
            #expect(back.created == original.created)
            #expect(back.originSegment == original.originSegment)
        }
        #expect(read.count == Self.tricky.count)
    }

    @Test(.enabled(if: ExternalTool.canValidateTMX, Comment(rawValue: ExternalTool.xmllintMissing)))
    func exportValidatesAgainstTheTMXDTD() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let memory = try SQLiteMemory(path: directory.path("a.sqlite"))
        try memory.add(Self.tricky)
        let tmx = directory.url.appendingPathComponent("out.tmx")
        try memory.exportTMX(to: tmx, toolVersion: "test")
        let result = try ExternalTool.run(
            ExternalTool.path("xmllint")!, ["--noout", "--nonet", "--dtdvalid", ExternalTool.tmxDTD, tmx.path])
        #expect(result.status == 0, "\(result.output)")
        // Only the en units when asked for one language.
        let english = directory.url.appendingPathComponent("en.tmx")
        #expect(try memory.exportTMX(to: english, targetLocale: Self.en, toolVersion: "test") == 4)
        let check = try ExternalTool.run(
            ExternalTool.path("xmllint")!, ["--noout", "--nonet", "--dtdvalid", ExternalTool.tmxDTD, english.path])
        #expect(check.status == 0, "\(check.output)")
    }

    /// The shape OmegaT 3.6 writes for project_save.tmx (written here by hand, not copied).
    static let omegaT = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE tmx SYSTEM "tmx14.dtd">
        <tmx version="1.4">
          <header creationtool="OmegaT" o-tmf="OmegaT TMX" adminlang="EN-US" datatype="plaintext" creationtoolversion="3.6.0_0" segtype="sentence" srclang="ZH-CN"/>
          <body>
        <!-- Default translations -->
            <tu>
              <tuv xml:lang="ZH-CN">
                <seg>这是<bpt i="0" x="0">&lt;f0&gt;</bpt>重要<ept i="0">&lt;/f0&gt;</ept>的句子。</seg>
              </tuv>
              <tuv xml:lang="EN" changeid="translator" changedate="20240301T101500Z" creationid="translator" creationdate="20240301T101000Z">
                <seg>This is an <bpt i="0" x="0">&lt;f0&gt;</bpt>important<ept i="0">&lt;/f0&gt;</ept> sentence.</seg>
              </tuv>
            </tu>
            <tu>
              <tuv xml:lang="ZH-CN">
                <seg>图片<ph x="1">&lt;x1/&gt;</ph>在此。</seg>
              </tuv>
              <tuv xml:lang="EN" changeid="translator" changedate="20240301T101600Z">
                <seg>The picture <ph x="1">&lt;x1/&gt;</ph> is here.</seg>
              </tuv>
            </tu>
        <!-- Alternative translations -->
            <tu>
              <prop type="file">source/post.xlf</prop>
              <prop type="id">s7</prop>
              <tuv xml:lang="ZH-CN">
                <seg>谢谢。</seg>
              </tuv>
              <tuv xml:lang="EN">
                <seg>Thanks.</seg>
              </tuv>
            </tu>
          </body>
        </tmx>
        """

    @Test func omegaTFilesAreRead() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try Self.write(Self.omegaT, to: directory, name: "project_save.tmx")
        let memory = try SQLiteMemory(path: directory.path("m.sqlite"))
        let summary = try memory.importTMX(from: file, displayPath: "tm/project_save.tmx")
        #expect(summary.translationUnits == 3)
        #expect(summary.inserted == 3)
        let units = try Self.allUnits(memory)
        #expect(units.map(\.sourceLocale) == [Self.zh, Self.zh, Self.zh])
        #expect(units.map(\.targetLocale) == [Self.en, Self.en, Self.en])
        #expect(units[0].source == "这是{0}重要{/0}的句子。")
        #expect(units[0].target == "This is an {0}important{/0} sentence.")
        #expect(units[0].creator == "translator")
        #expect(units[0].changed == TMXDate.parse("20240301T101500Z"))
        #expect(units[1].source == "图片{1/}在此。")
        #expect(units[2].originFile == "tm/project_save.tmx")
    }

    /// The shape Translate Toolkit's po2tmx writes: header srclang "en" whatever the languages.
    static let po2tmxShape = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE tmx SYSTEM "tmx14.dtd">
        <tmx version="1.4">
          <header creationtool="Translate Toolkit" creationtoolversion="3.8.4" segtype="sentence" o-tmf="UTF-8" adminlang="en" srclang="en" datatype="PlainText"/>
          <body>
            <tu>
              <tuv xml:lang="zh-CN">
                <seg>打开文件</seg>
              </tuv>
              <tuv xml:lang="en">
                <seg>Open file</seg>
              </tuv>
            </tu>
            <tu>
              <tuv xml:lang="zh-CN">
                <seg>打开文件</seg>
              </tuv>
              <tuv xml:lang="en">
                <seg>Open file</seg>
              </tuv>
            </tu>
          </body>
        </tmx>
        """

    @Test func po2tmxWrongHeaderLanguageIsNotBelieved() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try Self.write(Self.po2tmxShape, to: directory, name: "po.tmx")
        let memory = try SQLiteMemory(path: directory.path("m.sqlite"))
        let summary = try memory.importTMX(from: file)
        #expect(summary.translationUnits == 2)
        #expect(summary.inserted == 1)
        #expect(summary.updated == 1)  // the duplicate
        let units = try Self.allUnits(memory)
        #expect(units.count == 1)
        #expect(units.first?.sourceLocale == Self.zh)
        #expect(units.first?.target == "Open file")
    }

    @Test(.enabled(if: ExternalTool.path("po2tmx") != nil, Comment(rawValue: ExternalTool.po2tmxMissing)))
    func realPo2tmxOutputIsReadAndReexportedValid() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let po = try Self.write("""
            msgid ""
            msgstr ""
            "Content-Type: text/plain; charset=UTF-8\\n"
            "Language: en\\n"

            msgid "打开文件"
            msgstr "Open file"

            msgid "保存 <b>全部</b> & 退出"
            msgstr "Save <b>all</b> & quit"

            msgctxt "menu"
            msgid "打开文件"
            msgstr "Open a file"

            msgid "未翻译"
            msgstr ""

            """, to: directory, name: "app.po")
        let tmx = directory.url.appendingPathComponent("app.tmx")
        let run = try ExternalTool.run(ExternalTool.path("po2tmx")!, ["--source-language=zh-CN", "-l", "en", po.path, tmx.path])
        #expect(run.status == 0, "\(run.output)")
        let memory = try SQLiteMemory(path: directory.path("m.sqlite"))
        let summary = try memory.importTMX(from: tmx)
        #expect(summary.translationUnits == 3)
        #expect(summary.inserted == 3)
        let units = try Self.allUnits(memory)
        #expect(Set(units.map(\.sourceLocale)) == [Self.zh])
        #expect(units.map(\.target).sorted() == ["Open a file", "Open file", "Save <b>all</b> & quit"])
        let exact = try memory.exactMatches(for: MemoryQuery(source: "打开文件", sourceLocale: Self.zh, targetLocale: Self.en))
        #expect(exact.count == 2)
        if ExternalTool.canValidateTMX {
            let out = directory.url.appendingPathComponent("again.tmx")
            try memory.exportTMX(to: out, toolVersion: "test")
            let check = try ExternalTool.run(ExternalTool.path("xmllint")!, ["--noout", "--nonet", "--dtdvalid", ExternalTool.tmxDTD, out.path])
            #expect(check.status == 0, "\(check.output)")
        }
    }

    @Test func rawControlCharactersAndReferencesToThemAreKept() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try Self.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header srclang="zh-CN" creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext"/><body>
            <tu><tuv xml:lang="zh-CN"><seg>铃\u{07}声</seg></tuv><tuv xml:lang="en"><seg>bell&#7;&#x1B;[0m</seg></tuv></tu>
            </body></tmx>
            """, to: directory, name: "c.tmx")
        let memory = try SQLiteMemory(path: directory.path("m.sqlite"))
        try memory.importTMX(from: file)
        let units = try Self.allUnits(memory)
        #expect(units.map(\.source) == ["铃\u{07}声"])
        #expect(units.map(\.target) == ["bell\u{07}\u{1B}[0m"])
    }

    static let billionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE tmx [
          <!ENTITY a "aaaaaaaaaa">
          <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
          <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
          <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
          <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
          <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
          <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
          <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
          <!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">
        ]>
        <tmx version="1.4"><header srclang="zh-CN"/><body>
        <tu><tuv xml:lang="zh-CN"><seg>&i;</seg></tuv><tuv xml:lang="en"><seg>x</seg></tuv></tu>
        </body></tmx>
        """

    static func externalEntity(secret: String) -> String {
        """
        <?xml version="1.0"?>
        <!DOCTYPE tmx SYSTEM "tmx14.dtd" [ <!ENTITY secret SYSTEM "file://\(secret)"> ]>
        <tmx version="1.4"><header srclang="zh-CN"/><body>
        <tu><tuv xml:lang="zh-CN"><seg>&secret;</seg></tuv><tuv xml:lang="en"><seg>&secret;</seg></tuv></tu>
        </body></tmx>
        """
    }

    @Test func entityDeclarationsAreRefusedWithTheirPosition() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let secret = try Self.write("TOP-SECRET-VALUE", to: directory, name: "secret.txt")
        let memory = try SQLiteMemory(path: directory.path("m.sqlite"))
        for (name, text, line) in [("laughs.tmx", Self.billionLaughs, 3), ("xxe.tmx", Self.externalEntity(secret: secret.path), 2)] {
            let file = try Self.write(text, to: directory, name: name)
            let error = try #require(throws: TandemError.self) { try memory.importTMX(from: file, displayPath: name) }
            #expect(error.location?.file == name)
            #expect(error.location?.line == line)
            #expect(error.message.contains("declares entities"))
        }
        #expect(try memory.statistics().units == 0)
    }

    @Test func aPlainDoctypeIsFine() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try Self.write(Self.omegaT.replacingOccurrences(of: "tmx14.dtd", with: "/nonexistent/tmx14.dtd"), to: directory, name: "o.tmx")
        let memory = try SQLiteMemory(path: directory.path("m.sqlite"))
        #expect(try memory.importTMX(from: file).inserted == 3)
    }

    @Test(arguments: [
        ("<tmx version=\"1.4\"><body>\n<tu><tuv xml:lang=\"zh-CN\"><seg>一</seg></tuv>\n<tuv xml:lang=\"en\"><seg>one</tuv></tu></body></tmx>", 3, "end tag does not match"),
        ("<tmx version=\"1.4\"><body>\n<tu><tuv><seg>一</seg></tuv></tu></body></tmx>", 2, "without xml:lang"),
        ("<tmx version=\"1.4\"><body>\n\n<tu><tuv xml:lang=\"../../x\"><seg>一</seg></tuv></tu></body></tmx>", 3, "not a language tag"),
        ("<xliff version=\"1.2\"></xliff>", 1, "expected a <tmx> root element"),
        // A NUL, raw or as a reference: refused (BEL and ESC are kept, a NUL is never text).
        ("<tmx version=\"1.4\"><body>\n<tu><tuv xml:lang=\"zh-CN\"><seg>一&#0;二</seg></tuv>\n<tuv xml:lang=\"en\"><seg>one</seg></tuv></tu></body></tmx>", 2, "NUL"),
        // An entity no DOCTYPE declares: refused, never stored as mangled text.
        ("<tmx version=\"1.4\"><body>\n<tu><tuv xml:lang=\"zh-CN\"><seg>你好&undefined;。</seg></tuv>\n<tuv xml:lang=\"en\"><seg>Hello.</seg></tuv></tu></body></tmx>", 2, "undefined"),
        // What only the end of the file shows: text after the root, or no root at all.
        ("<tmx version=\"1.4\"><body>\n<tu><tuv xml:lang=\"zh-CN\"><seg>一</seg></tuv><tuv xml:lang=\"en\"><seg>one</seg></tuv></tu>\n</body></tmx>\nleft over\n", 4, "extra content after the root element"),
        ("<?xml version=\"1.0\"?>\n<!-- no units -->\n", 3, "expected a <tmx> root element, found none"),
    ])
    func brokenFilesAreErrorsWithLineAndColumn(text: String, line: Int, message: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try Self.write(text, to: directory, name: "broken.tmx")
        let memory = try SQLiteMemory(path: directory.path("m.sqlite"))
        let error = try #require(throws: TandemError.self) { try memory.importTMX(from: file, displayPath: "broken.tmx") }
        #expect(error.location?.line == line, "\(error)")
        #expect(error.message.contains(message), "\(error)")
        #expect(error.description.hasPrefix("broken.tmx:\(line):"))
    }

    /// A CDATA section in a `<seg>` is text, as XML says (FoundationXML's reader dropped it).
    @Test func textInACDATASectionIsKept() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try Self.write("""
            <tmx version="1.4"><header srclang="zh-CN"/><body>
            <tu><tuv xml:lang="zh-CN"><seg>按<![CDATA[<Enter>]]>键。</seg></tuv><tuv xml:lang="en"><seg>Press <![CDATA[<Enter>]]>.</seg></tuv></tu>
            </body></tmx>
            """, to: directory, name: "cdata.tmx")
        let memory = try SQLiteMemory(path: directory.path("m.sqlite"))
        #expect(try memory.importTMX(from: file).inserted == 1)
        let unit = try #require(try Self.allUnits(memory).first)
        #expect(unit.source == "按<Enter>键。")
        #expect(unit.target == "Press <Enter>.")
    }

    @Test func largeFilesStreamInBatches() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.url.appendingPathComponent("big.tmx")
        let writer = try TMXWriter(destination: url, sourceLocale: Self.zh, toolVersion: "test")
        for n in 0..<12_000 {
            try writer.write(MemoryUnit(sourceLocale: Self.zh, targetLocale: Self.en, source: "第\(n)句话。", target: "Sentence \(n)."))
        }
        try writer.finish()
        let memory = try SQLiteMemory(path: directory.path("m.sqlite"))
        var progress: [Int] = []
        let summary = try memory.importTMX(from: url, batchSize: 5000) { progress.append($0) }
        #expect(summary.inserted == 12_000)
        #expect(progress == [5000, 10_000, 12_000])
        #expect(try memory.statistics().units == 12_000)
    }

    /// The file is read on another thread while batches are stored: an error in the file
    /// still ends the import with its position, after the whole batches read before it.
    @Test func anErrorAfterSomeBatchesKeepsThoseBatchesAndNamesItsLine() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.url.appendingPathComponent("broken.tmx")
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header srclang=\"zh-CN\"/><body>\n"
        for n in 0..<12_000 {
            text += "<tu><tuv xml:lang=\"zh-CN\"><seg>第\(n)句话。</seg></tuv><tuv xml:lang=\"en\"><seg>Sentence \(n).</seg></tuv></tu>\n"
        }
        text += "<tu><tuv xml:lang=\"zh-CN\"><seg>坏</tuv></tu>\n</body></tmx>\n"
        try Data(text.utf8).write(to: url)
        let memory = try SQLiteMemory(path: directory.path("m.sqlite"))
        #expect {
            try memory.importTMX(from: url, displayPath: "broken.tmx", batchSize: 5000)
        } throws: { error in
            "\(error)".contains("broken.tmx:12003:")
        }
        #expect(try memory.statistics().units == 10_000)
    }

    @Test func aFailedExportLeavesNoFileBehind() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let writer = try TMXWriter(destination: directory.url.appendingPathComponent("x.tmx"), sourceLocale: Self.zh, toolVersion: "t")
        try writer.write(Self.tricky[0])
        writer.abandon()
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path).isEmpty)
    }
}
