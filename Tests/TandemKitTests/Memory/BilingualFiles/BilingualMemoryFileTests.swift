import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// Bilingual files from translators' tools as memory sources: Trados' SDLXLIFF, memoQ's
/// MQXLIFF, XLIFF 2.0 and gettext PO. ElementTree (XLIFF) and `msgfmt --statistics` (PO) count
/// the translated units independently.
@Suite("Bilingual XLIFF and PO files as memory sources")
struct BilingualMemoryFileTests {
    /// Each XLIFF 1.2 `<trans-unit>` or XLIFF 2 `<segment>` whose source holds text and whose target holds text or a code,
    /// as (source, target) text outside the codes, read by ElementTree; a trans-unit whose
    /// `<seg-source>` and target mark sentences (`<mrk mtype="seg" mid>`, Trados) gives its
    /// sentence pairs.
    static func translatedPairs(_ file: URL) throws -> [[String]] {
        try InteropFixture.python("""
            import json, sys, xml.etree.ElementTree as ET
            local = lambda e: e.tag.split('}')[-1]
            CODES = {'x', 'bx', 'ex', 'ph', 'bpt', 'ept', 'it', 'sc', 'ec'}
            def text(element):
                out = element.text or ''
                for child in element:
                    if local(child) not in CODES: out += text(child)
                    out += child.tail or ''
                return out
            def filled(target):
                return target is not None and (text(target).strip() or any(local(e) in CODES for e in target.iter()))
            def marks(element):
                if element is None: return []
                return [(m.get('mid'), m) for m in element.iter() if local(m) == 'mrk' and m.get('mtype') == 'seg' and m.get('mid')]
            pairs = []
            for unit in ET.parse(sys.argv[1]).iter():
                if local(unit) not in ('trans-unit', 'segment'): continue
                source = next((c for c in unit if local(c) == 'source'), None)
                target = next((c for c in unit if local(c) == 'target'), None)
                segmented = next((c for c in unit if local(c) == 'seg-source'), None)
                if marks(segmented) and marks(target):
                    translated = dict(marks(target))
                    pairs += [[text(m), text(translated[mid])] for mid, m in marks(segmented)
                              if filled(translated.get(mid)) and text(m).strip()]
                elif filled(target) and text(source).strip():
                    pairs.append([text(source), text(target)])
            print(json.dumps(pairs, ensure_ascii=False))
            """, file)
    }

    /// The text without its codes, escaped braces restored: what ElementTree reads.
    static func plain(_ text: String) -> String { LiteralPlaceholderEscape.restoring(CodedText(text).plainText) }

    @Test(arguments: [
        ("okapi-test2_es-excerpt.sdlxliff", "en-US", "es-ES"), ("okapi-TS09-12-Test01-excerpt.sdlxliff", "en", "de"),
        ("okapi-MQ-12-Test01-excerpt.mqxliff", "en", "fr"), ("memoq-translated.mqxliff", "en-US", "de-DE"),
        ("trados-translated.sdlxliff", "en-US", "fr-FR"),
    ])
    func xliff12FromTradosAndMemoQGivesEveryTranslatedUnit(_ name: String, _ source: String, _ target: String) throws {
        let url = InteropFixture.url(name)
        let file = try BilingualMemoryFile(url: url, displayPath: name)
        let expected = try Self.translatedPairs(url)
        #expect(file.units.count == expected.count, "\(file.warnings.first)")
        #expect(file.units.map { [Self.plain($0.source), Self.plain($0.target)] } == expected)
        #expect(file.units.allSatisfy { $0.sourceLocale.identifier == source && $0.targetLocale.identifier == target })
        #expect(file.unitCount == file.units.count + file.warnings.count)
        #expect(file.warnings.reasons.allSatisfy { ["no target", "an empty source", "only inline codes"].contains($0.reason) })
    }

    @Test func memoQCodesBecomePlaceholdersAndBracesStayText() throws {
        let file = try BilingualMemoryFile(url: InteropFixture.url("memoq-translated.mqxliff"))
        let pairs = file.units.map { [$0.source, $0.target] }
        #expect(pairs[0] == ["Open the {1}Settings{/1} menu.", "Öffnen Sie das Menü {1}Einstellungen{/1}."])
        #expect(pairs[1].map(LiteralPlaceholderEscape.restoring) == ["Error {0}: the file {1} is locked.", "Fehler {0}: Die Datei {1} ist gesperrt."])
        #expect(CodedText(pairs[1][0]).placeholders.isEmpty)
        // A tool id that is no number gets the first free one, the same in source and target.
        #expect(pairs[2] == ["Line one{1/}line two", "Zeile eins{1/}Zeile zwei"])
        #expect(file.units[2].previousKey == Normalizer.matchingKey("Press {2/} to continue."))
        #expect(file.warnings.summary() == "1 skipped: 1 × no target")
        #expect(file.warnings.first.first?.location.line == 13)
    }

    @Test func tradosSentenceMarksGiveSentencePairs() throws {
        let file = try BilingualMemoryFile(url: InteropFixture.url("trados-translated.sdlxliff"))
        #expect(file.units.map { [$0.source, $0.target] } == [
            ["Unpack the printer.", "Déballez l'imprimante."],
            ["Remove the {1}orange{/1} tape.", "Retirez le ruban {1}orange{/1}."],
            ["Connect the cable.", "Branchez le câble."],
        ])
        #expect(file.units.map(\.originSegment) == ["a3f1c2d4-0001-4c6e-9f00-1b2c3d4e5f60#1", "a3f1c2d4-0001-4c6e-9f00-1b2c3d4e5f60#2", "a3f1c2d4-0002-4c6e-9f00-1b2c3d4e5f60#3"])
        // The neighbouring sentence is the context of each.
        #expect(file.units[1].previousKey == Normalizer.matchingKey("Unpack the printer."))
        #expect(file.warnings.summary() == "2 skipped: 2 × no target")
    }

    @Test func xliff20SegmentsAreUnitsOfTheirOwn() throws {
        let url = InteropFixture.url("omegat-xliff2-ex.9.5.xlf")
        // The specification's example names no target language.
        #expect {
            _ = try BilingualMemoryFile(url: url, displayPath: "ex.xlf")
        } throws: { error in
            guard case .invalidValue(let location, let message) = error as? TandemError else { return false }
            return location.file == "ex.xlf" && location.line > 1 && message.contains("no target language; pass --target-locale")
        }
        let file = try BilingualMemoryFile(url: url, targetLocale: LocaleTag("fr"))
        let expected = try Self.translatedPairs(url)
        #expect(expected.count == 1)
        #expect(file.units.map { [Self.plain($0.source), Self.plain($0.target)] } == expected)
        #expect(file.units.first?.source == "{1}High Altitude Birds")
        #expect(file.units.first?.target == "{1}Oiseaux de haute altitude")
    }

    /// `msgfmt --statistics` of a catalog: translated, fuzzy and untranslated counts.
    static func msgfmtCounts(_ file: URL, utf16: Bool = false) throws -> [Int] {
        let command = (utf16 ? "iconv -f UTF-16 -t UTF-8 \"$1\"" : "cat \"$1\"") + " | LC_ALL=C msgfmt --statistics -o /dev/null - 2>&1"
        let result = try ExternalTool.run("/bin/sh", ["-c", command, "sh", file.path])
        func count(_ word: String) -> Int {
            guard let range = result.output.range(of: " \(word)") else { return 0 }
            return Int(result.output[..<range.lowerBound].split(separator: " ").last.map(String.init) ?? "") ?? 0
        }
        return [count("translated"), count("fuzzy"), count("untranslated")]
    }

    @Test func poCatalogsOfTranslateToolkitAndOkapi() throws {
        guard ExternalTool.path("msgfmt") != nil else { return }
        let one = InteropFixture.url("translate-one.po")
        #expect(throws: TandemError.self) { try BilingualMemoryFile(url: one) }
        let read = try BilingualMemoryFile(url: one, sourceLocale: LocaleTag("en"), targetLocale: LocaleTag("nl"))
        #expect([read.units.count, 0, read.warnings.count] == (try Self.msgfmtCounts(one)))
        #expect(read.units.map { [$0.source, $0.target] } == [["One", "Een"], ["†wo", "†wee"]])

        // UTF-16 with fuzzy entries: fuzzy ones are stored as fuzzy (offered, never filled in).
        let okapi = InteropFixture.url("okapi-Test01-utf16.po")
        let utf16 = try BilingualMemoryFile(url: okapi, sourceLocale: LocaleTag("en"), targetLocale: LocaleTag("fr"))
        let counts = try Self.msgfmtCounts(okapi, utf16: true)
        #expect(utf16.units.filter { $0.state == .translated }.count == counts[0])
        #expect(utf16.units.filter { $0.state == .fuzzy }.count == counts[1])
        #expect(utf16.warnings.count == counts[2])
        #expect(utf16.units.first?.target == "Impossible de trouver %s")
    }

    @Test func importingAFileStoresItsUnitsOnceWithTheSummary() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let memory = try SQLiteMemory(path: directory.path("m.sqlite"))
        let url = InteropFixture.url("memoq-translated.mqxliff")
        let summary = try memory.importBilingualFile(from: url, displayPath: "memoq-translated.mqxliff")
        let counts: [Int] = [summary.translationUnits, summary.inserted, summary.updated, summary.skipped]
        #expect(counts == [4, 3, 0, 1])
        #expect(try memory.importBilingualFile(from: url, displayPath: "memoq-translated.mqxliff").inserted == 0)
        let stored = try TMXTests.allUnits(memory)
        #expect(stored.map(\.originFile) == Array(repeating: "memoq-translated.mqxliff", count: 3))
        // Exported as TMX, the braces are text again and the codes are codes.
        let exported = directory.url.appendingPathComponent("e.tmx")
        try memory.exportTMX(to: exported, toolVersion: "test")
        let text = try String(contentsOf: exported, encoding: .utf8)
        #expect(text.contains("<seg>Error {0}: the file {1} is locked.</seg>"))
        #expect(text.contains("<bpt i=\"1\" x=\"1\">{1}</bpt>Settings<ept i=\"1\">{/1}</ept>"))
        try OmegaTRoundTripTests.validate(exported)
    }
}
