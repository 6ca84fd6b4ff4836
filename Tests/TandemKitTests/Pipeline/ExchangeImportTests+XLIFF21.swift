import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

extension ExchangeImportTests {
    /// The exported XLIFF 2.1 with every target replaced by its English translation, as a CAT
    /// tool returns it (`state="translated"`, everything else untouched).
    static func translatedXLIFF21(_ sample: ExchangeSampleProject) throws -> String {
        let documents = try ExchangeExport(project: sample.project, locale: en).documents(posts: [sample.post])
        var text = XLIFF21Writer(toolVersion: "test").document(documents)
        for segment in documents[0].segments {
            let codes = InlineCodeSet(codes: segment.codes ?? [:])
            let english = try #require(ExchangeSampleProject.english[segment.source], "no English for \(segment.source)")
            let from = "<segment id=\"s1\" state=\"initial\">\n        <source>\(XLIFF21Writer.inline(segment.source, codes: codes))</source>\n"
                + "        <target>\(XLIFF21Writer.inline(segment.source, codes: codes))</target>"
            let to = "<segment id=\"s1\" state=\"translated\">\n        <source>\(XLIFF21Writer.inline(segment.source, codes: codes))</source>\n"
                + "        <target>\(XLIFF21Writer.inline(english, codes: codes))</target>"
            let unitStart = try #require(text.range(of: "<unit id=\"\(segment.id)\""))
            let target = try #require(text.range(of: from, range: unitStart.upperBound..<text.endIndex))
            text.replaceSubrange(target, with: to)
        }
        return text
    }

    /// The returned file of `format` (`xlf`: XLIFF 1.2, `xlf21`: XLIFF 2.1, `po`).
    static func translated(_ format: String, _ sample: ExchangeSampleProject) throws -> String {
        switch format {
        case "xlf": return try translatedXLIFF(sample)
        case "xlf21": return try translatedXLIFF21(sample)
        default: return try translatedPO(sample)
        }
    }

    @Test func aFuzzyTargetConfirmedInAnXLIFF21ToolBecomesTranslated() throws {
        let sample = try ExchangeSampleProject()
        defer { sample.remove() }
        var file = try sample.segments()
        let english = ExchangeSampleProject.english[file.segments[1].source]!
        file.segments[1].target = english
        file.segments[1].state = .fuzzy
        _ = try SegmentFileStore.write(file, to: sample.segmentFile)
        let documents = try ExchangeExport(project: sample.project, locale: Self.en).documents(posts: [sample.post])
        let exported = XLIFF21Writer(toolVersion: "test").document(documents)
        #expect(exported.contains("<segment id=\"s1\" state=\"initial\" subState=\"tandem:fuzzy\">"))
        // Returned untouched: nothing changes.
        let untouched = try ExchangeImport(project: sample.project).run([try Self.write(exported, in: sample, name: "a.xlf")])
        #expect(untouched.applied == 0)
        #expect(untouched.quarantined.isEmpty)
        #expect(try sample.segments().segments[1].state == .fuzzy)
        // Confirmed (state moved on, subState dropped as the spec asks): translated.
        let confirmed = exported.replacingOccurrences(of: "state=\"initial\" subState=\"tandem:fuzzy\"", with: "state=\"translated\"")
        let report = try ExchangeImport(project: sample.project).run([try Self.write(confirmed, in: sample, name: "b.xlf")])
        #expect(report.applied == 1)
        let segment = try sample.segments().segments[1]
        #expect(segment.state == .translated)
        #expect(segment.target == english)
    }

    /// A tool split a unit in two and the translator did only the first half: the second still
    /// holds the tool's pre-fill (its own source, `initial`). Joined, the target was
    /// "In the morning … 在窗边…" and was applied as translated.
    @Test func aSplitUnitWithAnUntouchedPrefilledHalfIsNotApplied() throws {
        let sample = try ExchangeSampleProject()
        defer { sample.remove() }
        let documents = try ExchangeExport(project: sample.project, locale: Self.en).documents(posts: [sample.post])
        var text = XLIFF21Writer(toolVersion: "test").document(documents)
        let segment = try #require(documents[0].segments.first { $0.source == "数据来自公司公告。" })
        let unitStart = try #require(text.range(of: "<unit id=\"\(segment.id)\""))
        let whole = "<segment id=\"s1\" state=\"initial\">\n        <source>数据来自公司公告。</source>\n        <target>数据来自公司公告。</target>\n      </segment>"
        let range = try #require(text.range(of: whole, range: unitStart.upperBound..<text.endIndex))
        text.replaceSubrange(range, with: "<segment id=\"s1\" state=\"translated\"><source>数据来自</source><target>The figures come from </target></segment>"
            + "<segment id=\"s2\" state=\"initial\"><source>公司公告。</source><target>公司公告。</target></segment>")
        let report = try ExchangeImport(project: sample.project).run([try Self.write(text, in: sample, name: "split.xlf")])
        #expect(report.applied == 0)
        #expect(report.quarantined.map(\.reason) == [.unreadable])
        #expect(report.quarantined.first?.detail.contains("1 of its 2 segments have no target") == true, "\(report.quarantined)")
        #expect(try sample.segments().segments.first { $0.id == segment.id }?.target == nil)
    }
}
