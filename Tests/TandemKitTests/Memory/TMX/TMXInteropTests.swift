import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// TMX files other tools wrote (OmegaT, the LISA compliance kit, Trados Workbench's TMX 1.2)
/// import with every unit and text that Python's ElementTree reads in them.
@Suite("TMX as other tools write it")
struct TMXInteropTests {
    /// Imports `name` into a fresh memory and returns its units.
    static func imported(_ name: String) throws -> (TMXImportSummary, [MemoryUnit], TemporaryDirectory, SQLiteMemory) {
        let directory = try TemporaryDirectory()
        let memory = try SQLiteMemory(path: directory.path("m.sqlite"))
        let summary = try memory.importTMX(from: InteropFixture.url(name), displayPath: name)
        return (summary, try TMXTests.allUnits(memory), directory, memory)
    }

    /// The (source, target) texts ElementTree reads, the first variant being the source.
    static func expectedPairs(_ name: String) throws -> [[String]] {
        try InteropFixture.tmxUnits(InteropFixture.url(name)).map { [$0[0][1], $0[1][1]] }
    }

    @Test(arguments: [
        "omegat-ImportTest1A-utf16le.tmx", "omegat-ImportTest1G-utf16be.tmx",
        "utf16le-without-bom.tmx", "utf16be-without-bom.tmx",
    ])
    func utf16MemoriesImportWithEveryUnitAndText(_ name: String) throws {
        let (summary, units, directory, _) = try Self.imported(name)
        defer { directory.remove() }
        let expected = try Self.expectedPairs(name)
        #expect(expected.count >= 2)
        #expect(summary.translationUnits == expected.count)
        #expect(summary.inserted == expected.count)
        #expect(summary.skipped == 0)
        #expect(units.map { [$0.source, $0.target] } == expected)
        #expect(Set(units.map(\.sourceLocale.identifier)) == ["en-US"])
    }

    @Test func aUTF16MemoryDeclaringEntitiesIsStillRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let text = """
            <?xml version="1.0" encoding="UTF-16"?>
            <!DOCTYPE tmx [ <!ENTITY boom "boom"> ]>
            <tmx version="1.4"><header srclang="en"/><body/></tmx>
            """
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let url = directory.url.appendingPathComponent("e.tmx")
        try Data(bytes).write(to: url)
        let memory = try SQLiteMemory(path: directory.path("m.sqlite"))
        #expect {
            try memory.importTMX(from: url, displayPath: "e.tmx")
        } throws: { error in
            guard case .invalidValue(let location, let message) = error as? TandemError else { return false }
            return location.file == "e.tmx" && location.line == 2 && message.contains("declares entities")
        }
    }

    @Test func omegaTTMX11KeepsBracesAsTextAndExportsThemAsText() throws {
        let name = "omegat-project_save-tmx11.tmx"
        let (summary, units, directory, memory) = try Self.imported(name)
        defer { directory.remove() }
        let expected = try Self.expectedPairs(name)
        #expect(summary.translationUnits == expected.count && units.count == expected.count)
        // Stored escaped: to every reader of placeholders it is text, and restoring gives the file's text.
        #expect(units.map { [LiteralPlaceholderEscape.restoring($0.source), LiteralPlaceholderEscape.restoring($0.target)] } == expected)
        let error = try #require(units.first { LiteralPlaceholderEscape.restoring($0.source) == "Error {0}: {1}" })
        #expect(error.source != "Error {0}: {1}")
        #expect(CodedText(error.source).placeholders.isEmpty && CodedText(error.target).placeholders.isEmpty)
        #expect(CodedText(error.sourceKey).placeholders.isEmpty)

        let exported = directory.url.appendingPathComponent("export.tmx")
        #expect(try memory.exportTMX(to: exported, toolVersion: "test") == expected.count)
        let text = try String(contentsOf: exported, encoding: .utf8)
        #expect(text.contains("<seg>Error {0}: {1}</seg>"))
        #expect(!text.contains("<it ") && !text.contains("<bpt ") && !text.contains("<ph "))
        #expect(try InteropFixture.tmxUnits(exported).map { [$0[0][1], $0[1][1]] } == expected)
        try OmegaTRoundTripTests.validate(exported)
    }

    @Test func sourcesDifferingOnlyInCaseOrWidthStayApart() throws {
        let name = "case-variants.tmx"
        let (summary, units, directory, memory) = try Self.imported(name)
        defer { directory.remove() }
        let expected = try Self.expectedPairs(name)
        #expect(summary.inserted == expected.count)
        #expect(Set(units.map { [$0.source, $0.target] }) == Set(expected))
        #expect(Set(units.map(\.source)) == ["Select All", "Select all", "SELECT ALL", "Width: １２ px", "Width: 12 px"])
        // Importing again adds nothing: identity is the source as written.
        #expect(try memory.importTMX(from: InteropFixture.url(name)).inserted == 0)
        // Lookups fold case: all three are exact matches, the one written as asked first.
        let en = LocaleTag("en")!, de = LocaleTag("de")!
        let matches = try memory.exactMatches(for: MemoryQuery(source: "Select all", sourceLocale: en, targetLocale: de))
        #expect(matches.count == 3)
        #expect(matches.first?.unit.source == "Select all")
        let upper = try memory.exactMatches(for: MemoryQuery(source: "SELECT ALL", sourceLocale: en, targetLocale: de))
        #expect(upper.first?.unit.source == "SELECT ALL")
    }

    @Test func tmx12CodesAndSubFlowsBecomePlaceholders() throws {
        let name = "tmx12-inline-codes.tmx"
        let (summary, units, directory, _) = try Self.imported(name)
        defer { directory.remove() }
        let expected = try Self.expectedPairs(name)
        #expect(summary.translationUnits == expected.count && units.count == expected.count)
        // Each text without its codes is what ElementTree reads outside the code elements.
        #expect(units.map { [CodedText(LiteralPlaceholderEscape.restoring($0.source)).plainText, CodedText(LiteralPlaceholderEscape.restoring($0.target)).plainText] }
            .map { $0.map { $0.replacingOccurrences(of: "{0}", with: "") } }
            == expected.map { $0.map { $0.replacingOccurrences(of: "{0}", with: "") } })
        let escaped = "{" + String(LiteralPlaceholderEscape.marker) + "0}"
        #expect(units[0].source == "Click {1/}Save{2/} to keep \(escaped) changes.")
        #expect(units[0].target == "Cliquez sur {1/}Enregistrer{2/} pour garder \(escaped) modifications.")
        #expect(units[1].source == "See {1}the index{/1}.")
        #expect(units[1].target == "Voir {1}l'index{/1}.")
        #expect(units[0].sourceLocale.identifier == "en-US" && units[0].targetLocale.identifier == "fr-FR")
    }
}
