import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// Translate Toolkit (Debian `translate-toolkit`) as an independent reader of Tandem's XLIFF
/// and PO: `pocount` counts the units, `pofilter` checks the PO, and a round trip through
/// `xliff2po`/`po2xliff` is never applied wrongly.
@Suite("XLIFF and PO through Translate Toolkit", .enabled(if: ExternalTool.path("pocount") != nil, "Translate Toolkit not installed (Debian translate-toolkit)"))
struct TranslateToolkitTests {
    static let en = LocaleTag("en")!

    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try ExternalTool.run(try #require(ExternalTool.path(tool), "\(tool) missing"), arguments)
    }

    @Test func pocountSeesEveryUnitOfTheXLIFFAndThePO() throws {
        let sample = try ExchangeSampleProject()
        defer { sample.remove() }
        let xlf = try sample.temporary.write(try ExchangeImportTests.translatedXLIFF(sample), to: "en.xlf")
        let po = try sample.temporary.write(try ExchangeImportTests.translatedPO(sample), to: "en.po")
        let result = try Self.run("pocount", ["--csv", xlf.path, po.path])
        #expect(result.status == 0, "\(result.output)")
        // Filename, translated, …, fuzzy, …, untranslated, …, Total Message, …
        let rows = result.output.split(separator: "\n").filter { $0.hasPrefix("/") }.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        #expect(rows.count == 2)
        for row in rows { #expect(Int(row[8]) == ExchangeSampleProject.english.count, "\(row)") }
    }

    @Test func pofilterChecksThePOAndItsOutputStillImports() throws {
        let sample = try ExchangeSampleProject()
        defer { sample.remove() }
        let po = try sample.temporary.write(try ExchangeImportTests.translatedPO(sample), to: "en.po")
        let filtered = sample.temporary.root.appendingPathComponent("filtered.po")
        let result = try Self.run("pofilter", [po.path, filtered.path])
        #expect(result.status == 0, "\(result.output)")
        // pofilter keeps the entries it flags, with its findings as translator comments.
        let report = try ExchangeImport(project: sample.project).run([filtered])
        #expect(report.quarantined.isEmpty)
        #expect(report.applied > 0)
        for segment in try sample.segments().segments where segment.target != nil {
            #expect(segment.target == ExchangeSampleProject.english[segment.source])
        }
    }

    @Test func anXLIFFRoundTrippedThroughPOIsRefusedAndChangesNothing() throws {
        let sample = try ExchangeSampleProject()
        defer { sample.remove() }
        let xlf = try sample.temporary.write(try ExchangeImportTests.translatedXLIFF(sample), to: "en.xlf")
        let po = sample.temporary.root.appendingPathComponent("en-via.po")
        let back = sample.temporary.root.appendingPathComponent("en-back.xlf")
        #expect(try Self.run("xliff2po", [xlf.path, po.path]).status == 0)
        #expect(try Self.run("po2xliff", [po.path, back.path]).status == 0)
        // po2xliff writes XLIFF 1.1 with new ids, no target language and no codes: it cannot
        // be matched to the segments, so the whole file is refused and nothing changes.
        let before = try TextFile.readBytes(sample.segmentFile)
        #expect(throws: TandemError.self) { try ExchangeImport(project: sample.project).run([back]) }
        #expect(try TextFile.readBytes(sample.segmentFile) == before)
    }
}
