import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// Export → a translator's tool → import → build, with real English translations.
@Suite("XLIFF and PO import")
struct ExchangeImportTests {
    static let en = LocaleTag("en")!

    /// The exported XLIFF with every target replaced by its English translation, as a CAT
    /// tool returns it (`state="translated"`, everything else untouched).
    static func translatedXLIFF(_ sample: ExchangeSampleProject) throws -> String {
        let documents = try ExchangeExport(project: sample.project, locale: en).documents(posts: [sample.post])
        var text = XLIFF12Writer(toolVersion: "test").document(documents)
        for segment in documents[0].segments {
            let codes = InlineCodeSet(codes: segment.codes ?? [:])
            let english = try #require(ExchangeSampleProject.english[segment.source], "no English for \(segment.source)")
            let from = "<target state=\"needs-translation\">\(XLIFF12Writer.inline(segment.source, codes: codes))</target>"
            let to = "<target state=\"translated\">\(XLIFF12Writer.inline(english, codes: codes))</target>"
            let unitStart = try #require(text.range(of: "<trans-unit id=\"\(segment.id)\""))
            let target = try #require(text.range(of: from, range: unitStart.upperBound..<text.endIndex))
            text.replaceSubrange(target, with: to)
        }
        return text
    }

    /// The exported PO with every msgstr filled in English.
    static func translatedPO(_ sample: ExchangeSampleProject) throws -> String {
        let documents = try ExchangeExport(project: sample.project, locale: en).documents(posts: [sample.post])
        var text = POWriter(toolVersion: "test").catalog(documents, targetLocale: en)
        for segment in documents[0].segments {
            let context = "msgctxt \"\(POWriter.escape(documents[0].original + "#" + segment.id))\"\nmsgid \"\(POWriter.escape(segment.source))\"\nmsgstr \"\""
            let english = try #require(ExchangeSampleProject.english[segment.source])
            let range = try #require(text.range(of: context))
            text.replaceSubrange(range, with: context.dropLast(2) + "\"\(POWriter.escape(english))\"")
        }
        return text
    }

    static func write(_ text: String, in sample: ExchangeSampleProject, name: String) throws -> URL {
        try sample.temporary.write(text, to: "returned/\(name)")
    }

    @Test(arguments: ["xlf", "xlf21", "po"])
    func returnedTranslationsBuildAnEnglishPostWithItsMarkup(_ format: String) throws {
        let sample = try ExchangeSampleProject()
        defer { sample.remove() }
        let text = try Self.translated(format, sample)
        let report = try ExchangeImport(project: sample.project).run([try Self.write(text, in: sample, name: "en.\(format)")])
        #expect(report.applied == ExchangeSampleProject.english.count)
        #expect(report.quarantined.isEmpty)
        let file = try sample.segments()
        for segment in file.segments {
            #expect(segment.target == ExchangeSampleProject.english[segment.source])
            #expect(segment.state == .translated)
            #expect(segment.origin == .xliff)
        }
        let results = try PostBuilder(project: sample.project).build(sample.post)
        #expect(results.map(\.status) == [.built])
        let built = String(decoding: try TextFile.readBytes(try sample.project.translatedPost(for: sample.post, locale: Self.en)), as: UTF8.self)
        // Sentences the Chinese wrote without a space between them are spaced in English.
        #expect(built.contains("released a new version. Developers can download"))
        #expect(built.contains("Below, **the first sentence is bold. So is the second one**, and then it ends."))
        #expect(!built.contains(".D") && !built.contains(".S"))
        for markup in ["title: \"A week of open models\"", "This week, **Qwen** released a new version.",
                       "from the [official site](https://example.org/qwen).", "Run `pip install qwen` to install it.",
                       "Below, **the first sentence is bold.", "So is the second one**, and then", "![At the launch event](/img/launch.png)",
                       "See the footnote[^1] and the article {{< ref \"other.md\" >}}.",
                       "[^1]: The figures come from the company's announcement."] {
            #expect(built.contains(markup), "built post lacks \(markup)")
        }
        // A second import of the same file changes nothing.
        let again = try ExchangeImport(project: sample.project).run([try Self.write(text, in: sample, name: "en.\(format)")])
        #expect(again.applied == 0)
        #expect(again.unchanged == ExchangeSampleProject.english.count)
        #expect(again.segmentFilesWritten.isEmpty)
    }

    @Test func anUntouchedExportChangesNothing() throws {
        let sample = try ExchangeSampleProject()
        defer { sample.remove() }
        let before = try TextFile.readBytes(sample.segmentFile)
        let documents = try ExchangeExport(project: sample.project, locale: Self.en).documents(posts: [sample.post])
        let url = try Self.write(XLIFF12Writer(toolVersion: "test").document(documents), in: sample, name: "en.xlf")
        let report = try ExchangeImport(project: sample.project).run([url])
        #expect(report.applied == 0)
        #expect(report.untranslated == documents[0].segments.count)
        #expect(try TextFile.readBytes(sample.segmentFile) == before)
    }

    @Test func aTargetEditedInTandemSinceExportIsNotOverwritten() throws {
        let sample = try ExchangeSampleProject()
        defer { sample.remove() }
        let text = try Self.translatedXLIFF(sample)
        // Meanwhile a reviewer translates the title in Tandem.
        var file = try sample.segments()
        let title = try #require(file.segments.firstIndex { $0.location == "front/title/s[1]" })
        file.segments[title].target = "Open models: the week"
        file.segments[title].state = .reviewed
        try SegmentFileStore.write(file, to: sample.segmentFile)
        let report = try ExchangeImport(project: sample.project).run([try Self.write(text, in: sample, name: "en.xlf")])
        #expect(report.quarantined.map(\.reason) == [.conflict])
        #expect(report.quarantined.map(\.id) == [file.segments[title].id])
        #expect(report.applied == ExchangeSampleProject.english.count - 1)
        let after = try sample.segments()
        #expect(after.segments[title].target == "Open models: the week")
        #expect(after.segments[title].state == .reviewed)
    }

    /// A unit returned as the tool pre-filled it (its source, still needs-translation) while
    /// the segment was translated in Tandem since the export: the import wrote the Chinese over
    /// the English (a tool that drops Tandem's record of the exported target) or called it a
    /// conflict (one that keeps it). It is untranslated, and the English stays.
    @Test(arguments: [false, true])
    func aPrefilledUnitNobodyTouchedNeverReplacesATranslationMadeSinceExport(_ keepsTheRecord: Bool) throws {
        let sample = try ExchangeSampleProject()
        defer { sample.remove() }
        let documents = try ExchangeExport(project: sample.project, locale: Self.en).documents(posts: [sample.post])
        var text = XLIFF12Writer(toolVersion: "test").document(documents)
        #expect(text.contains("<context-group purpose=\"information\">"))
        if !keepsTheRecord {
            let pattern = try Regex(#"\s*<context-group purpose="information">.*?</context-group>"#).dotMatchesNewlines()
            text.replace(pattern, with: "")
        }
        var file = try sample.segments()
        let title = try #require(file.segments.firstIndex { $0.location == "front/title/s[1]" })
        file.segments[title].replaceTarget(with: "A week of open models", state: .translated, origin: .human)
        try SegmentFileStore.write(file, to: sample.segmentFile)
        let report = try ExchangeImport(project: sample.project).run([try Self.write(text, in: sample, name: "en.xlf")])
        #expect(report.applied == 0)
        #expect(report.quarantined.isEmpty, "\(report.quarantined)")
        #expect(report.untranslated == documents[0].segments.count)
        let after = try sample.segments().segments[title]
        #expect(after.target == "A week of open models")
        #expect(after.origin == .human)
    }

    /// A helper's finding: a translator's note (XLIFF `<note>`, a PO translator comment) was
    /// dropped without a word. It is kept on the segment, with the target or without one, and
    /// the notes Tandem exported are not added twice.
    @Test(arguments: ["xlf", "xlf21", "po"])
    func aTranslatorsNoteIsKeptOnTheSegment(_ format: String) throws {
        let sample = try ExchangeSampleProject()
        defer { sample.remove() }
        var file = try sample.segments()
        let last = try #require(file.segments.firstIndex { $0.source == "数据来自公司公告。" })
        file.segments[last].notes = ["Figures checked by the author."]
        try SegmentFileStore.write(file, to: sample.segmentFile)
        var text = try Self.translated(format, sample)
        let id = file.segments[last].id
        let question = "Which announcement? Please link it."
        switch format {
        case "xlf":
            let unit = try #require(text.range(of: "<trans-unit id=\"\(id)\""))
            let target = try #require(text.range(of: "</target>", range: unit.upperBound..<text.endIndex))
            text.insert(contentsOf: "\n        <note from=\"translator\">\(question)</note>", at: target.upperBound)
        case "xlf21":
            let unit = try #require(text.range(of: "<unit id=\"\(id)\""))
            let notes = try #require(text.range(of: "<notes>", range: unit.upperBound..<text.endIndex))
            text.insert(contentsOf: "\n        <note category=\"translator\">\(question)</note>", at: notes.upperBound)
        default:
            let entry = try #require(text.range(of: "msgctxt \"\(ExchangeSampleProject.postPath)#\(id)\""))
            text.insert(contentsOf: "# \(question)\n", at: entry.lowerBound)
        }
        let report = try ExchangeImport(project: sample.project).run([try Self.write(text, in: sample, name: "en.\(format)")])
        #expect(report.notesAdded == 1)
        #expect(report.quarantined.isEmpty)
        let after = try sample.segments().segments[last]
        #expect(after.notes == ["Figures checked by the author.", question])
        #expect(after.target == ExchangeSampleProject.english["数据来自公司公告。"])
    }

    @Test func aSourceEditedSinceExportIsQuarantined() throws {
        let sample = try ExchangeSampleProject()
        defer { sample.remove() }
        let text = try Self.translatedXLIFF(sample)
        try sample.temporary.write(ExchangeSampleProject.post.replacingOccurrences(of: "然后结束。", with: "然后就结束了。"), to: ExchangeSampleProject.postPath)
        _ = try Extractor(project: sample.project).extract(sample.post)
        let report = try ExchangeImport(project: sample.project).run([try Self.write(text, in: sample, name: "en.xlf")])
        // The edited sentence has a new id; its unit's source, alike enough, names it (it was
        // called an unknown unit, as if the post had lost the sentence).
        #expect(report.quarantined.count == 1)
        #expect(report.quarantined.first?.reason == .staleSource)
        #expect(report.quarantined.first?.detail.contains("now: 第二句也加粗{/1}然后就结束了。") == true, "\(report.quarantined)")
        // The translator's work is kept for the memory (an obsolete segment of the old text),
        // which offers it for the new text; the edited segment itself is not filled.
        let obsolete = try sample.segments().obsolete ?? []
        #expect(obsolete.map(\.source) == ["第二句也加粗{/1}然后结束。"])
        #expect(obsolete.first?.target == "So is the second one{/1}, and then it ends.")
        #expect(obsolete.first?.origin == .xliff)
        #expect(try sample.segments().segments.first { $0.source == "然后就结束了。" }?.target == nil)
    }

    /// A helper's findings: a returned target holding a blank line, or a shortcode the
    /// translator typed, was applied, though `set` refuses both and the build then stopped (the
    /// blank line) or Hugo did (the shortcode); a target of spaces only was applied as a
    /// translation and the sentence vanished from the page.
    @Test func unsafeTextIsQuarantinedAndWhiteSpaceIsNoTranslation() throws {
        let sample = try ExchangeSampleProject()
        defer { sample.remove() }
        var text = try Self.translatedXLIFF(sample)
        text = text.replacingOccurrences(of: ">The figures come from the company's announcement.<", with: ">The figures come\n\nfrom the announcement.<")
        text = text.replacingOccurrences(of: ">At the launch event<", with: ">At the {{% launch %}} event<")
        text = text.replacingOccurrences(of: ">A week of open models<", with: ">   <")
        let report = try ExchangeImport(project: sample.project).run([try Self.write(text, in: sample, name: "en.xlf")])
        #expect(report.quarantined.map(\.reason) == [.unsafeText, .unsafeText], "\(report.quarantined)")
        #expect(report.quarantined.map(\.detail).joined().contains("blank line"))
        #expect(report.quarantined.map(\.detail).joined().contains("shortcode opener"))
        #expect(report.untranslated == 1)
        #expect(report.applied == ExchangeSampleProject.english.count - 3)
        let segments = try sample.segments().segments
        for source in ["数据来自公司公告。", "发布会现场", "开源模型的一周"] {
            #expect(segments.first { $0.source == source }?.target == nil, "\(source)")
        }
    }

    /// A unit whose id was changed on the way, its source the post's very sentence, was called
    /// a stale source "now:" the same text.
    @Test func aChangedIDWithTheSameSourceIsAnUnknownUnit() throws {
        let sample = try ExchangeSampleProject()
        defer { sample.remove() }
        let segment = try #require(try sample.segments().segments.first { $0.source == "数据来自公司公告。" })
        let text = try Self.translatedXLIFF(sample).replacingOccurrences(of: "id=\"\(segment.id)\"", with: "id=\"\(segment.id.dropLast(4))ffff\"")
        let report = try ExchangeImport(project: sample.project).run([try Self.write(text, in: sample, name: "en.xlf")])
        #expect(report.quarantined.map(\.reason) == [.unknownUnit], "\(report.quarantined)")
        #expect(report.quarantined.first?.detail.contains("segment \(segment.id) has this very source: the unit's id was changed since the export") == true)
    }

    @Test func aWrongTargetLanguageRejectsTheFileAndWritesNothing() throws {
        let sample = try ExchangeSampleProject()
        defer { sample.remove() }
        let before = try TextFile.readBytes(sample.segmentFile)
        let text = try Self.translatedXLIFF(sample).replacingOccurrences(of: "target-language=\"en\"", with: "target-language=\"de\"")
        #expect(throws: TandemError.self) { try ExchangeImport(project: sample.project).run([try Self.write(text, in: sample, name: "de.xlf")]) }
        #expect(try TextFile.readBytes(sample.segmentFile) == before)
    }

    @Test func aPostOutsideTheContentDirectoryIsRefused() throws {
        let sample = try ExchangeSampleProject()
        defer { sample.remove() }
        let text = try Self.translatedXLIFF(sample).replacingOccurrences(of: "original=\"content/posts/open-models.md\"", with: "original=\"content/../../etc/passwd\"")
        #expect(throws: TandemError.self) { try ExchangeImport(project: sample.project).run([try Self.write(text, in: sample, name: "en.xlf")]) }
    }

    @Test func aDryRunWritesNothing() throws {
        let sample = try ExchangeSampleProject()
        defer { sample.remove() }
        let before = try TextFile.readBytes(sample.segmentFile)
        let report = try ExchangeImport(project: sample.project).run([try Self.write(try Self.translatedXLIFF(sample), in: sample, name: "en.xlf")], dryRun: true)
        #expect(report.applied == ExchangeSampleProject.english.count)
        #expect(try TextFile.readBytes(sample.segmentFile) == before)
    }

    @Test func appliedTranslationsGoIntoTheMemory() throws {
        let sample = try ExchangeSampleProject()
        defer { sample.remove() }
        let memory = try SQLiteMemory(path: sample.temporary.root.appendingPathComponent(".tandem/memory.sqlite").path)
        _ = try ExchangeImport(project: sample.project, memory: memory).run([try Self.write(try Self.translatedXLIFF(sample), in: sample, name: "en.xlf")])
        #expect(try memory.statistics().units == ExchangeSampleProject.english.count)
    }

    @Test(.enabled(if: ExternalTool.path("msgcat") != nil, "msgcat not installed (Debian gettext)"))
    func aPOFileRewrappedAndReorderedByAnEditorImportsTheSame() throws {
        let sample = try ExchangeSampleProject()
        defer { sample.remove() }
        let url = try Self.write(try Self.translatedPO(sample), in: sample, name: "en.po")
        let rewrapped = sample.temporary.root.appendingPathComponent("returned/rewrapped.po")
        // msgcat re-wraps long strings at 20 columns and sorts entries, as PO editors do on save.
        let result = try ExternalTool.run(ExternalTool.path("msgcat")!, ["--width=20", "--sort-output", "-o", rewrapped.path, url.path])
        #expect(result.status == 0, "\(result.output)")
        let report = try ExchangeImport(project: sample.project).run([rewrapped])
        #expect(report.applied == ExchangeSampleProject.english.count)
        #expect(report.quarantined.isEmpty)
        for segment in try sample.segments().segments { #expect(segment.target == ExchangeSampleProject.english[segment.source]) }
    }
}
