import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// The library core of `tandem translate`, `next`, `set`, `review` and `show`, on the sample
/// post of `TranslationSampleProject` extracted as `tandem extract` does.
@Suite("Segment workspace")
struct SegmentWorkspaceTests {
    static let en = LocaleTag("en")!

    /// An extracted sample project, its memory (empty unless `remembering` the title) and a
    /// workspace over it.
    struct Fixture {
        let temporary: TemporaryProject
        let project: Project
        let memory: SQLiteMemory
        let workspace: SegmentWorkspace

        init(remembering: Bool = false) throws {
            temporary = try TranslationSampleProject.make()
            project = try Project.open(configFile: temporary.configFile)
            memory = try SQLiteMemory(path: temporary.root.appendingPathComponent(".tandem/memory.sqlite").path)
            let extractor = try Extractor(project: project, memory: memory)
            for post in try project.sourcePosts() { _ = try extractor.extract(post) }
            if remembering {
                try memory.add([MemoryUnit(sourceLocale: LocaleTag("zh-CN")!, targetLocale: en, source: "杭州的一天", target: "A day in Hangzhou")])
            }
            workspace = try SegmentWorkspace(project: project, locale: en, memory: memory)
        }

        var segmentFile: URL { temporary.root.appendingPathComponent(TranslationSampleProject.segmentFilePath) }

        func file() throws -> SegmentFile { try #require(try SegmentFileStore.read(segmentFile)) }

        func remove() { temporary.remove() }
    }

    @Test func theWalkFollowsDocumentOrderAndLeavesOutWhatIsTranslated() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let walk = try fixture.workspace.references(.untranslated)
        let sources = try walk.map { try fixture.workspace.context(of: $0).segment.source }
        #expect(sources == TranslationSampleProject.sources)

        try fixture.workspace.save(SegmentUpdate(target: "A day in Hangzhou"), to: walk[0])
        #expect(try fixture.workspace.next(.untranslated) == walk[1])
        #expect(try fixture.workspace.references(.untranslated) == Array(walk.dropFirst()))
        #expect(try fixture.workspace.references(.review) == [walk[0]])
    }

    @Test func theContextHoldsTheNeighboursTheTermsAndTheMemorysMatches() throws {
        let fixture = try Fixture(remembering: true)
        defer { fixture.remove() }
        let walk = try fixture.workspace.references(.untranslated)

        let third = try fixture.workspace.context(of: walk[2])
        #expect(third.position == 3 && third.count == 4)
        #expect(third.previous?.source == TranslationSampleProject.sources[1])
        #expect(third.next?.source == TranslationSampleProject.sources[3])
        let term = try #require(third.terms.first)
        #expect(term.term == "阿里云")
        #expect(term.requiredTarget == "Alibaba Cloud")
        #expect(term.forbiddenTargets == ["Aliyun"])
        let bytes = Array(third.segment.source.utf8)
        #expect(String(decoding: bytes[term.start..<term.end], as: UTF8.self) == "阿里云")

        // The memory learnt the title after extract: the match is looked up now.
        let first = try fixture.workspace.context(of: walk[0])
        #expect(first.previous == nil)
        #expect(first.candidates.map(\.target) == ["A day in Hangzhou"])
        #expect(first.candidates.first?.score == 100)
    }

    @Test func aSavedTargetIsTranslatedByAHumanAndGoesIntoTheMemory() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let reference = try fixture.workspace.references(.untranslated)[1]
        let english = "We went to {1}West Lake{/1} first."
        try fixture.workspace.save(SegmentUpdate(target: english, note: "checked the map"), to: reference)

        let saved = try #require(try fixture.file().segments.first { $0.id == reference.id })
        #expect(saved.target == english)
        #expect(saved.state == .translated)
        #expect(saved.origin == .human)
        #expect(saved.notes == ["checked the map"])
        let query = MemoryQuery(source: TranslationSampleProject.sources[1], sourceLocale: LocaleTag("zh-CN")!, targetLocale: Self.en)
        #expect(try fixture.memory.exactMatches(for: query).map(\.unit.target) == [english])
    }

    /// A helper's finding: saving the very words an identity pseudo-translation wrote (a title
    /// kept as it is, "Tips") left the segment a pseudo-translation, and the next `tandem pseudo`
    /// replaced the translator's decision with "⟦Tips⟧".
    @Test func savingThePseudoTargetsOwnWordsMakesThemAPersons() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let post = try #require(try fixture.project.sourcePosts().first)
        _ = try PseudoTranslationRun(project: fixture.project, style: .identity).fill(post, locale: Self.en)
        let before = try #require(try fixture.file().segments.first { $0.origin == .pseudo })
        let reference = try #require(try fixture.workspace.references(nil).first { $0.id == before.id })
        try fixture.workspace.save(SegmentUpdate(target: try #require(before.target)), to: reference)
        #expect(try fixture.file().segments.first { $0.id == before.id }?.origin == .human)
        _ = try PseudoTranslationRun(project: fixture.project, style: .brackets).fill(post, locale: Self.en)
        #expect(try fixture.file().segments.first { $0.id == before.id }?.target == before.target)
    }

    @Test func brokenPlaceholdersAreNeverSavedEvenWhenFindingsAreAccepted() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let reference = try fixture.workspace.references(.untranslated)[1]
        let before = try Data(contentsOf: fixture.segmentFile)
        #expect {
            try fixture.workspace.save(SegmentUpdate(target: "We went to West Lake first.", acceptsFindings: true), to: reference)
        } throws: { error in
            (error as? TargetCheckFailure)?.check.placeholderProblems == ["placeholder {1} of the source is missing", "placeholder {/1} of the source is missing"]
        }
        #expect(try Data(contentsOf: fixture.segmentFile) == before)
    }

    @Test func aGlossaryFindingStopsTheSaveUntilItIsAccepted() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let reference = try fixture.workspace.references(.untranslated)[2]
        let wrong = SegmentUpdate(target: "In the afternoon we visited the Aliyun campus.")
        #expect {
            try fixture.workspace.save(wrong, to: reference)
        } throws: { error in
            (error as? TargetCheckFailure)?.check.findings.map(\.rule) == ["term-missing", "forbidden-variant"]
        }
        #expect(try fixture.file().segments[2].target == nil)

        var accepted = wrong
        accepted.acceptsFindings = true
        try fixture.workspace.save(accepted, to: reference)
        #expect(try fixture.file().segments[2].target == "In the afternoon we visited the Aliyun campus.")
    }

    @Test func aSegmentChangedSinceItWasShownIsNotOverwritten() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let reference = try fixture.workspace.references(.untranslated)[0]
        let shown = try fixture.workspace.context(of: reference).segment
        // Someone else saves the segment meanwhile.
        try fixture.workspace.save(SegmentUpdate(target: "One day in Hangzhou"), to: reference)
        #expect {
            try fixture.workspace.save(SegmentUpdate(target: "A day in Hangzhou"), to: reference, shown: shown)
        } throws: { error in
            guard case .invalidValue(let location, let message)? = error as? TandemError else { return false }
            return location.file == TranslationSampleProject.segmentFilePath && message.contains("changed in the file since it was shown")
        }
        #expect(try fixture.file().segments[0].target == "One day in Hangzhou")
    }

    @Test func editsToOtherSegmentsMadeMeanwhileAreKept() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let references = try fixture.workspace.references(.untranslated)
        let shown = try fixture.workspace.context(of: references[0]).segment
        // A hand edit of the last segment after the first was shown.
        var file = try fixture.file()
        file.segments[3].target = TranslationSampleProject.english[file.segments[3].source]
        file.segments[3].state = .translated
        try SegmentFileStore.write(file, to: fixture.segmentFile)

        try fixture.workspace.save(SegmentUpdate(target: "A day in Hangzhou"), to: references[0], shown: shown)
        let after = try fixture.file()
        #expect(after.segments[0].target == "A day in Hangzhou")
        #expect(after.segments[3].target == TranslationSampleProject.english[after.segments[3].source])
    }

    @Test func idsResolveFromUniquePrefixesAndAmbiguityIsAnError() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let references = try fixture.workspace.references(nil)
        let ids = references.map(\.id)
        // The shortest prefix of the first id no other id shares.
        let length = (1...16).first { n in ids.dropFirst().allSatisfy { !$0.hasPrefix(ids[0].prefix(n)) } }!
        #expect(try fixture.workspace.resolve(String(ids[0].prefix(length))) == references[0])
        #expect(try fixture.workspace.resolve(ids[0].uppercased()) == references[0])
        #expect(throws: TandemError.self) { try fixture.workspace.resolve("not-hex") }

        // The same post twice: the same ids in two segment files.
        try fixture.temporary.write(TranslationSampleProject.post, to: "content/posts/copy.md")
        let extractor = try Extractor(project: fixture.project)
        _ = try extractor.extract(fixture.temporary.root.appendingPathComponent("content/posts/copy.md"))
        let both = try SegmentWorkspace(project: fixture.project, locale: Self.en)
        // The full id: more digits cannot help, so the message asks for the post alone.
        #expect {
            try both.resolve(ids[0])
        } throws: { error in
            "\(error)".contains("is the same sentence in 2 posts") && "\(error)".contains("name one with --post content/posts/")
                && !"\(error)".contains("more digits")
        }
        // A prefix two different ids share still asks for more digits.
        if let other = ids.dropFirst().first(where: { $0.first == ids[0].first }) {
            let shared = String(ids[0].prefix(zip(ids[0], other).prefix { $0 == $1 }.count))
            #expect { try both.resolve(shared) } throws: { "\($0)".contains("ambiguous") && "\($0)".contains("give more digits") }
        }
        let one = try SegmentWorkspace(project: fixture.project, locale: Self.en, paths: [fixture.temporary.root.appendingPathComponent("content/posts/copy.md").path])
        #expect(try one.resolve(ids[0]).post == "content/posts/copy.md")
    }

    @Test func reviewNeedsATargetAndMarksItReviewed() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let reference = try fixture.workspace.references(.untranslated)[0]
        #expect(throws: TandemError.self) { try fixture.workspace.save(.review(), to: reference) }
        try fixture.workspace.save(SegmentUpdate(target: "A day in Hangzhou"), to: reference)
        try fixture.workspace.save(.review(), to: reference)
        #expect(try fixture.file().segments[0].state == .reviewed)
        #expect(try fixture.file().segments[0].origin == .human)
    }

    @Test func aFinalSegmentChangesOnlyWhenAskedTo() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let reference = try fixture.workspace.references(.untranslated)[0]
        try fixture.workspace.save(SegmentUpdate(target: "A day in Hangzhou", state: .final), to: reference)
        #expect(throws: TandemError.self) { try fixture.workspace.save(SegmentUpdate(target: "One day in Hangzhou"), to: reference) }
        try fixture.workspace.save(SegmentUpdate(target: "One day in Hangzhou", overwritesFinal: true), to: reference)
        #expect(try fixture.file().segments[0].target == "One day in Hangzhou")
    }

    @Test func theNextPlaceholderToInsertFollowsTheSource() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let context = try fixture.workspace.context(of: try fixture.workspace.references(.untranslated)[1])
        #expect(context.missingPlaceholders(in: "") == [.open(1), .close(1)])
        #expect(context.missingPlaceholders(in: "We went to {1}West Lake") == [.close(1)])
        #expect(context.missingPlaceholders(in: "We went to {1}West Lake{/1} first.").isEmpty)
    }
}
