import Foundation
import Testing
import TandemKit
import TandemTestSupport

/// `tandem next`, `set`, `review`, `show` and the line mode of `tandem translate`, run as a
/// script runs them, on the sample post of `TranslationSampleProject`.
@Suite("tandem next, set, review, show, translate (line mode)")
struct TranslatorCommandTests {
    /// An extracted sample project.
    static func extracted() throws -> TemporaryProject {
        let project = try TranslationSampleProject.make()
        let extract = try ExecutableRunner.run(["extract"], in: project.root)
        #expect(extract.status == 0, "\(extract.standardError)")
        return project
    }

    /// The segment file's segments, decoded loosely.
    static func segments(_ project: TemporaryProject) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(try project.read(TranslationSampleProject.segmentFilePath))) as? [String: Any]
        return try #require(object?["segments"] as? [[String: Any]])
    }

    static func ids(_ project: TemporaryProject) throws -> [String] {
        try segments(project).compactMap { $0["id"] as? String }
    }

    struct NextOutput: Decodable {
        struct Reference: Decodable { var post: String; var id: String }
        struct Segment: Decodable { var source: String; var state: String }
        struct Term: Decodable { var term: String; var requiredTarget: String?; var forbiddenTargets: [String] }
        var reference: Reference
        var segment: Segment
        var terms: [Term]
        var position: Int
    }

    @Test func nextGivesTheFirstSegmentLeftAndNullWhenNoneIs() throws {
        let project = try Self.extracted()
        defer { project.remove() }
        let text = try ExecutableRunner.run(["next", "--locale", "en"], in: project.root)
        #expect(text.status == 0, "\(text.standardError)")
        #expect(text.standardOutput.contains("杭州的一天"))
        #expect(text.standardOutput.contains("front/title/s[1]"))

        let ids = try Self.ids(project)
        for (id, source) in zip(ids, TranslationSampleProject.sources).prefix(2) {
            #expect(try ExecutableRunner.run(["set", id, "--locale", "en", TranslationSampleProject.english[source]!], in: project.root).status == 0)
        }
        let json = try ExecutableRunner.run(["next", "--locale", "en", "--json"], in: project.root)
        let next = try JSONDecoder().decode(NextOutput.self, from: Data(json.standardOutput.utf8))
        #expect(next.reference.id == ids[2])
        #expect(next.reference.post == TranslationSampleProject.postPath)
        #expect(next.segment.source == "下午参观了阿里云的园区。")
        #expect(next.terms.map(\.term) == ["阿里云"])
        #expect(next.terms.first?.forbiddenTargets == ["Aliyun"])
        #expect(next.position == 3)

        for (id, source) in zip(ids, TranslationSampleProject.sources).dropFirst(2) {
            #expect(try ExecutableRunner.run(["set", id, "--locale", "en", TranslationSampleProject.english[source]!], in: project.root).status == 0)
        }
        let none = try ExecutableRunner.run(["next", "--locale", "en", "--json"], in: project.root)
        #expect(none.status == 0)
        #expect(none.standardOutput == "null\n")
        let noneText = try ExecutableRunner.run(["next", "--locale", "en"], in: project.root)
        #expect(noneText.standardOutput == "Nothing left to translate in en.\n")
    }

    @Test func setSavesAHumanTargetReadFromStandardInput() throws {
        let project = try Self.extracted()
        defer { project.remove() }
        let id = try Self.ids(project)[1]
        let result = try ExecutableRunner.run(
            ["set", String(id.prefix(8)), "--locale", "en", "--note", "checked the map", "-"], in: project.root,
            input: "We went to {1}West Lake{/1} first.\n")
        #expect(result.status == 0, "\(result.standardError)")
        let segment = try Self.segments(project)[1]
        #expect(segment["target"] as? String == "We went to {1}West Lake{/1} first.")
        #expect(segment["state"] as? String == "translated")
        #expect(segment["origin"] as? String == "human")
        #expect(segment["notes"] as? [String] == ["checked the map"])
    }

    @Test func setWithBrokenPlaceholdersExitsOneAndWritesNothingEvenWithForce() throws {
        let project = try Self.extracted()
        defer { project.remove() }
        let id = try Self.ids(project)[1]
        let before = try project.read(TranslationSampleProject.segmentFilePath)
        let result = try ExecutableRunner.run(["set", id, "--locale", "en", "--force", "We went to {2}West Lake{/1} first."], in: project.root)
        #expect(result.status == 1)
        #expect(result.standardError.contains("\(TranslationSampleProject.segmentFilePath):"))
        #expect(result.standardError.contains("error: placeholder {2} is not in the source"))
        #expect(result.standardError.contains("nothing written"))
        #expect(try project.read(TranslationSampleProject.segmentFilePath) == before)
    }

    /// Helpers' findings: a target of spaces only was saved as a translation (the sentence then
    /// vanished from the page), and a shortcode typed in a target was saved and stopped Hugo.
    @Test func setRefusesWhiteSpaceOnlyAndATypedShortcode() throws {
        let project = try Self.extracted()
        defer { project.remove() }
        let id = try Self.ids(project)[0]
        let before = try project.read(TranslationSampleProject.segmentFilePath)
        let blank = try ExecutableRunner.run(["set", id, "--locale", "en", "--", "   "], in: project.root)
        #expect(blank.status == 2)
        #expect(blank.standardError.contains("a target of white space only"), "\(blank.standardError)")
        let shortcode = try ExecutableRunner.run(["set", id, "--locale", "en", "--force", "--", "See {{% note %}} first."], in: project.root)
        #expect(shortcode.status == 1)
        #expect(shortcode.standardError.contains("Hugo shortcode opener"), "\(shortcode.standardError)")
        #expect(try project.read(TranslationSampleProject.segmentFilePath) == before)
    }

    /// A helper's finding with a full disk: the memory's write failed after the segment file
    /// was saved, and set said only "cannot write … (the memory is unchanged)", exit 2, as if
    /// nothing was. It now says the target is saved and how the memory catches up. (A trigger
    /// stands in for the full disk.)
    @Test(.enabled(if: ExternalTool.path("sqlite3") != nil, "sqlite3 not installed"))
    func aMemoryThatCannotLearnSaysTheTargetIsSaved() throws {
        let project = try Self.extracted()
        defer { project.remove() }
        let id = try Self.ids(project)[0]
        #expect(try ExecutableRunner.run(["set", id, "--locale", "en", "--force", "--", "A first try."], in: project.root).status == 0)
        let trigger = Process()
        trigger.executableURL = URL(fileURLWithPath: try #require(ExternalTool.path("sqlite3")))
        trigger.arguments = [project.root.appendingPathComponent(".tandem/memory.sqlite").path,
                             "CREATE TRIGGER full BEFORE INSERT ON unit BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;"]
        try trigger.run()
        trigger.waitUntilExit()
        #expect(trigger.terminationStatus == 0)
        let result = try ExecutableRunner.run(["set", id, "--locale", "en", "--force", "--", "A second try."], in: project.root)
        #expect(result.status == 2)
        #expect(result.standardError.contains("error: saved segment \(id), but the memory did not learn it:"), "\(result.standardError)")
        #expect(result.standardError.contains("`tandem tm rebuild` brings the memory up to date"))
        #expect(try Self.segments(project).first { $0["id"] as? String == id }?["target"] as? String == "A second try.")
    }

    @Test func setWithAGlossaryFindingNeedsForce() throws {
        let project = try Self.extracted()
        defer { project.remove() }
        let id = try Self.ids(project)[2]
        let before = try project.read(TranslationSampleProject.segmentFilePath)
        let wrong = "In the afternoon we visited the Aliyun campus."
        let refused = try ExecutableRunner.run(["set", id, "--locale", "en", wrong], in: project.root)
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("warning: 'Aliyun' is a forbidden variant for '阿里云'; write 'Alibaba Cloud' [forbidden-variant]"))
        #expect(refused.standardError.contains("--force"))
        #expect(try project.read(TranslationSampleProject.segmentFilePath) == before)

        let forced = try ExecutableRunner.run(["set", id, "--locale", "en", "--force", wrong], in: project.root)
        #expect(forced.status == 0, "\(forced.standardError)")
        #expect(try Self.segments(project)[2]["target"] as? String == wrong)
    }

    @Test func reviewRefusesASegmentWithoutATargetAndMarksTheOthers() throws {
        let project = try Self.extracted()
        defer { project.remove() }
        let ids = try Self.ids(project)
        #expect(try ExecutableRunner.run(["set", ids[0], "--locale", "en", "A day in Hangzhou"], in: project.root).status == 0)
        let before = try project.read(TranslationSampleProject.segmentFilePath)
        let refused = try ExecutableRunner.run(["review", ids[0], ids[3], "--locale", "en"], in: project.root)
        #expect(refused.status == 2)
        #expect(refused.standardError.contains("has no target"))
        #expect(try project.read(TranslationSampleProject.segmentFilePath) == before)

        let reviewed = try ExecutableRunner.run(["review", ids[0], "--locale", "en"], in: project.root)
        #expect(reviewed.status == 0, "\(reviewed.standardError)")
        #expect(try Self.segments(project)[0]["state"] as? String == "reviewed")
    }

    @Test func showFindsASegmentByAPrefixOfItsId() throws {
        let project = try Self.extracted()
        defer { project.remove() }
        let ids = try Self.ids(project)
        let length = (4...16).first { n in ids.filter { $0.hasPrefix(ids[3].prefix(n)) }.count == 1 }!
        let shown = try ExecutableRunner.run(["show", String(ids[3].prefix(length))], in: project.root)
        #expect(shown.status == 0, "\(shown.standardError)")
        #expect(shown.standardOutput.contains("晚上下起了雨，我们在一家小店吃了 2 碗面。"))
        #expect(shown.standardOutput.contains("body/paragraph[2]/s[1]"))
        // Laid out to COLUMNS, piped or not (it was always 80).
        let narrow = try ExecutableRunner.run(["show", String(ids[3].prefix(length))], in: project.root, environment: ["COLUMNS": "60"])
        #expect(shown.standardOutput.split(separator: "\n").contains { DisplayWidth.of($0) > 60 })
        #expect(narrow.standardOutput.split(separator: "\n").allSatisfy { DisplayWidth.of($0) <= 60 }, "\(narrow.standardOutput)")
        #expect(narrow.standardOutput.contains("id \(ids[3].prefix(10))"), "the id stays on the header")
        let missing = try ExecutableRunner.run(["show", "ffffffffffffffff"], in: project.root)
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("no segment with id"))
    }

    @Test func translateInLineModeSavesChecksAndResumes() throws {
        let project = try Self.extracted()
        defer { project.remove() }
        let tmx = try project.write(TranslationSampleProject.memoryTMX, to: "memory.tmx")
        #expect(try ExecutableRunner.run(["tm", "import", tmx.path], in: project.root).status == 0)
        let input = """
            1
            e We went to West Lake first.
            e We went to {1}West Lake{/1} first.
            e In the afternoon we visited the Aliyun campus.
            n
            e In the afternoon we visited the Alibaba Cloud campus.
            q

            """
        let first = try ExecutableRunner.run(["translate", "--locale", "en"], in: project.root, input: input)
        #expect(first.status == 0, "\(first.standardError)")
        let output = first.standardOutput
        // The memory's match, with its score, is offered for the title.
        #expect(output.contains("memory  1 100% A day in Hangzhou"))
        // Placeholders show as labels naming their markup.
        #expect(output.contains("⟨1 strong⟩西湖⟨/1⟩"))
        #expect(output.contains("error: placeholder {1} of the source is missing"))
        #expect(output.contains("warning: 'Aliyun' is a forbidden variant for '阿里云'; write 'Alibaba Cloud' [forbidden-variant]"))
        #expect(output.contains("saved 3 segments; 1 left in this pass"))

        let segments = try Self.segments(project)
        for (index, source) in TranslationSampleProject.sources.enumerated().prefix(3) {
            #expect(segments[index]["target"] as? String == TranslationSampleProject.english[source])
            #expect(segments[index]["state"] as? String == "translated")
            #expect(segments[index]["origin"] as? String == "human")
        }
        #expect(segments[3]["target"] == nil)

        let second = try ExecutableRunner.run(["translate", "--locale", "en"], in: project.root, input: "q\n")
        // The path gives way so that the id stays on an 80-column header.
        #expect(second.standardOutput.hasPrefix(" content/po…hangzhou.md  body/paragraph[2]/s[1]  4/4  new  id "), "\(second.standardOutput)")
    }

    @Test func translateReviewMarksTranslatedSegmentsReviewedAfterConfirmingFindings() throws {
        let project = try Self.extracted()
        defer { project.remove() }
        let ids = try Self.ids(project)
        #expect(try ExecutableRunner.run(["set", ids[0], "--locale", "en", "A day in Hangzhou"], in: project.root).status == 0)
        let wrong = "In the afternoon we visited the Aliyun campus."
        #expect(try ExecutableRunner.run(["set", ids[2], "--locale", "en", "--force", wrong], in: project.root).status == 0)

        let review = try ExecutableRunner.run(["translate", "--locale", "en", "--review"], in: project.root, input: "r\nr\ny\n")
        #expect(review.status == 0, "\(review.standardError)")
        #expect(review.standardOutput.contains("warning: 'Aliyun' is a forbidden variant"))
        #expect(review.standardOutput.contains("reviewed 2 segments; nothing left in this pass"))
        let segments = try Self.segments(project)
        #expect(segments[0]["state"] as? String == "reviewed")
        #expect(segments[2]["state"] as? String == "reviewed")
        #expect(segments[2]["target"] as? String == wrong)
        #expect(segments[1]["state"] as? String == "new")
    }
}
