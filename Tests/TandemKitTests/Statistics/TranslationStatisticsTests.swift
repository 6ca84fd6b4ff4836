import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// `tandem stats` on a fixture whose every figure is counted by hand (`StatisticsFixtureProject`
/// lists each segment with its counts and band).
@Suite("Translation statistics")
struct TranslationStatisticsTests {
    static func statistics(memory useMemory: Bool = true) throws -> (LocaleStatistics, StatisticsFixtureProject) {
        let fixture = try StatisticsFixtureProject()
        let project = try Project.open(configFile: fixture.project.configFile)
        let statistics = try TranslationStatistics(project: project, memory: useMemory ? fixture.memory : nil)
        let result = try statistics.statistics(of: fixture.posts, locales: [StatisticsFixtureProject.en])
        return (try #require(result.first), fixture)
    }

    @Test func volumesPerPostAndInTotal() throws {
        let (en, fixture) = try Self.statistics()
        defer { fixture.remove() }
        #expect(en.posts.map(\.post) == ["content/posts/alpha.md", "content/posts/beta.md"])
        // alpha: 2+7+10+11+24+7 CJK, Tandem + Hugo + Hugo; beta: 4+10+17+8+12+14 CJK, GitHub.
        #expect(en.posts[0].volume == TextVolume(segments: 6, words: 3, cjkCharacters: 61))
        #expect(en.posts[1].volume == TextVolume(segments: 6, words: 1, cjkCharacters: 65))
        #expect(en.total.volume == TextVolume(segments: 12, words: 4, cjkCharacters: 126))
    }

    @Test func everyBandAgainstTheMemory() throws {
        let (en, fixture) = try Self.statistics()
        defer { fixture.remove() }
        let total = en.total
        #expect(total.volume(in: .repetition) == TextVolume(segments: 2, words: 1, cjkCharacters: 17))
        #expect(total.volume(in: .inContext) == TextVolume(segments: 1, words: 0, cjkCharacters: 10))
        #expect(total.volume(in: .exact) == TextVolume(segments: 1, words: 0, cjkCharacters: 11))
        #expect(total.volume(in: .fuzzy95) == TextVolume(segments: 1, words: 0, cjkCharacters: 24))
        #expect(total.volume(in: .fuzzy85) == TextVolume(segments: 1, words: 0, cjkCharacters: 17))
        #expect(total.volume(in: .fuzzy75) == TextVolume(segments: 1, words: 0, cjkCharacters: 12))
        #expect(total.volume(in: .fuzzy50) == TextVolume(segments: 1, words: 0, cjkCharacters: 14))
        #expect(total.volume(in: .noMatch) == TextVolume(segments: 4, words: 3, cjkCharacters: 21))
        // Per post: alpha holds the in-context, 100% and 95% segments and one repetition.
        #expect(en.posts[0].bands.map(\.volume.segments) == [1, 1, 1, 1, 0, 0, 0, 2])
        #expect(en.posts[1].bands.map(\.volume.segments) == [1, 0, 0, 0, 1, 1, 1, 2])
    }

    @Test func repetitionsWithoutAMemory() throws {
        let (en, fixture) = try Self.statistics(memory: false)
        defer { fixture.remove() }
        #expect(en.total.volume(in: .repetition) == TextVolume(segments: 2, words: 1, cjkCharacters: 17))
        #expect(en.total.volume(in: .noMatch) == TextVolume(segments: 10, words: 3, cjkCharacters: 109))
    }

    /// A helper's finding: after `tandem pseudo -l ja`, stats and the report said ja was 100%
    /// translated. A pseudo-translation is a layout test: it counts as new, and is named.
    @Test func pseudoTranslationsCountAsNew() throws {
        let fixture = try StatisticsFixtureProject()
        defer { fixture.remove() }
        let project = try Project.open(configFile: fixture.project.configFile)
        let segments = ["第一句。", "第二句。", "第三句。"].enumerated().map { index, source in
            SegmentEntry(id: "s\(index)", location: "body/paragraph[1]/s[\(index + 1)]", source: source,
                         target: index == 2 ? "The third." : "⟦\(source)⟧", state: .translated, origin: index == 2 ? .human : .pseudo)
        }
        let file = SegmentFile(source: "content/posts/p.md", sourceLocale: StatisticsFixtureProject.zh, targetLocale: StatisticsFixtureProject.en, segments: segments)
        let result = try TranslationStatistics(project: project, memory: nil).statistics(of: [("locales/en/posts/p.json", file)], locale: StatisticsFixtureProject.en)
        let total = result.total
        #expect(total.count(in: .new) == 2)
        #expect(total.pseudo == 2)
        #expect(total.count(in: .translated) == 1)
        #expect(PercentText.roundedDown(total.percentTranslated) == "33%")
    }

    @Test func progressByState() throws {
        let (en, fixture) = try Self.statistics()
        defer { fixture.remove() }
        #expect(en.posts[0].states == ["new": 2, "fuzzy": 1, "translated": 2, "reviewed": 1, "final": 0])
        #expect(en.posts[1].states == ["new": 5, "fuzzy": 0, "translated": 0, "reviewed": 0, "final": 1])
        #expect(en.total.states == ["new": 7, "fuzzy": 1, "translated": 2, "reviewed": 1, "final": 1])
        #expect(en.total.percentTranslated == 100.0 * 4 / 12)
    }

    @Test(arguments: [(101, MatchBand.inContext), (100, .exact), (99, .fuzzy95), (95, .fuzzy95), (94, .fuzzy85), (85, .fuzzy85),
                      (84, .fuzzy75), (75, .fuzzy75), (74, .fuzzy50), (50, .fuzzy50), (49, .noMatch)])
    func bandLimits(score: Int, band: MatchBand) {
        #expect(MatchBand(score: score) == band)
    }
}
