import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// Multilingual term bases as TBX-Basic, TBX-Core, TBX-Min and TBX v2 (martif) write them: the
/// pair asked for is read, the other languages reported, and concepts that cannot give an entry
/// skipped with a warning; ElementTree counts what should be read.
@Suite("TBX with any number of languages")
struct TBXInteropTests {
    static let dialects = ["tbx-basic-multilingual.tbx", "tbx-core-multilingual.tbx", "tbx-min-multilingual.tbx"]

    /// The (source, first target) terms of every concept with a non-empty term in both
    /// languages, read by ElementTree (namespaces and TBX v2/v3 names alike).
    static func expectedPairs(_ name: String, source: String, target: String) throws -> [[String]] {
        try InteropFixture.python("""
            import json, sys, xml.etree.ElementTree as ET
            XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'
            local = lambda e: e.tag.split('}')[-1]
            pairs = []
            for concept in ET.parse(sys.argv[1]).iter():
                if local(concept) not in ('conceptEntry', 'termEntry'): continue
                terms = {}
                for section in concept:
                    if local(section) not in ('langSec', 'langSet'): continue
                    found = [''.join(t.itertext()) for t in section.iter() if local(t) == 'term' and ''.join(t.itertext()).strip()]
                    terms.setdefault(section.get(XML_LANG).lower(), []).extend(found)
                if terms.get('\(source)') and terms.get('\(target)'):
                    pairs.append([terms['\(source)'][0], terms['\(target)'][0]])
            print(json.dumps(pairs, ensure_ascii=False))
            """, InteropFixture.url(name))
    }

    static func read(_ name: String, _ source: String? = nil, _ target: String? = nil) throws -> Glossary {
        try Glossary.read(InteropFixture.url(name), displayPath: name,
                          sourceLocale: source.flatMap(LocaleTag.init), targetLocale: target.flatMap(LocaleTag.init))
    }

    @Test(arguments: dialects)
    func thePairAskedForIsReadAndTheRestReported(_ name: String) throws {
        let glossary = try Self.read(name, "en", "es")
        let expected = try Self.expectedPairs(name, source: "en", target: "es")
        #expect(expected.count == 2)
        #expect(glossary.entries.map { [$0.source, $0.target] } == expected)
        #expect(glossary.languagesLeftOut.map(\.identifier) == ["zu"])
        // c2: an empty <term/> and so no Spanish term; c3: no Spanish term.
        #expect(glossary.warnings.map(\.reason) == ["an empty <term>", "no term in es", "no term in es"])
        #expect(glossary.warnings.allSatisfy { $0.location.file == name && $0.location.line > 1 })
        #expect(ImportWarning.summary(glossary.warnings) == "3 skipped: 2 × no term in es, 1 × an empty <term>")
    }

    @Test(arguments: dialects)
    func withoutAPairTheRootLanguageAndTheFirstOtherAreRead(_ name: String) throws {
        let glossary = try Self.read(name)
        #expect(glossary.sourceLocale?.identifier == "en" && glossary.targetLocale?.identifier == "es")
        #expect(glossary.entries.count == 2)
    }

    @Test(arguments: dialects)
    func anotherPairOfTheSameFile(_ name: String) throws {
        let glossary = try Self.read(name, "en", "zu")
        #expect(glossary.entries.map { [$0.source, $0.target] } == (try Self.expectedPairs(name, source: "en", target: "zu")))
        #expect(glossary.entries.map(\.source) == ["open cluster", "white dwarf"])
        #expect(glossary.languagesLeftOut.map(\.identifier) == ["es"])
    }

    @Test func okapiMultilingualMartifGivesAnyOfItsPairs() throws {
        let name = "okapi-maryland.tbx"
        let glossary = try Self.read(name, "fr", "es")
        let expected = try Self.expectedPairs(name, source: "fr", target: "es")
        #expect(!expected.isEmpty)
        #expect(glossary.entries.map { [$0.source, $0.target] }.filter { expected.contains($0) }.count == expected.count)
        #expect(Set(glossary.languagesLeftOut.map(\.identifier)).isSuperset(of: ["it"]))
        // Its definition spans two lines.
        #expect(glossary.entries.contains { $0.note?.contains("\n") == true })
    }

    @Test func multiLineDefinitionsGoToTSVOnOneLineOrAreRefusedWhenStrict() throws {
        let glossary = try Self.read("tbx-basic-multilingual.tbx", "en", "es")
        let (text, warnings) = try TSVGlossaryFormat.write(glossary)
        #expect(text.contains("A group of stars that formed together and still move through space as one."))
        #expect(text.contains("The point in an orbit closest to the Sun."))
        #expect(!text.dropLast().contains("\n\t") && text.split(separator: "\n").count == 3)  // header + 2 entries
        #expect(warnings.map(\.reason) == ["a tab or line break written as a space", "a tab or line break written as a space"])
        // What the TSV reader reads back is the entries with their text on one line.
        let again = try TSVGlossaryFormat.read(text, path: "g.tsv")
        #expect(again.entries.map(\.source) == ["open cluster", "perihelion"])
        #expect(throws: TandemError.self) { try TSVGlossaryFormat.write(glossary, strict: true) }
    }

    @Test func aUTF16TermBaseReadsAsItsUTF8Original() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let text = try String(contentsOf: InteropFixture.url("tbx-core-multilingual.tbx"), encoding: .utf8)
            .replacingOccurrences(of: "encoding=\"utf-8\"", with: "encoding=\"UTF-16\"")
        var bytes: [UInt8] = [0xFE, 0xFF]
        for unit in text.utf16 { bytes += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        let url = directory.url.appendingPathComponent("be.tbx")
        try Data(bytes).write(to: url)
        let read = try Glossary.read(url, sourceLocale: LocaleTag("en"), targetLocale: LocaleTag("es"))
        #expect(read.entries == (try Self.read("tbx-core-multilingual.tbx", "en", "es")).entries.map { entry in
            var entry = entry
            entry.location?.file = url.path
            return entry
        })
    }
}
