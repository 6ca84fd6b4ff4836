import Foundation
import Testing
@testable import TandemKit

/// Precision and recall of term hits on `Fixtures/Glossary/term-hits.txt` (217 news-like
/// sentences with traps such as 阿里山, 小米粥, 三星期, 苹果树, 精美图片, 香港证监会), before and
/// after the word-edge rule. The numbers are printed in the test log.
@Suite("Term hit accuracy")
struct TermHitAccuracyTests {
    static let fixture = Result { try TermHitFixture() }

    @Test func theFixtureHoldsEnoughSentencesAndHits() throws {
        let fixture = try Self.fixture.get()
        #expect(fixture.sentences.count >= 200)
        #expect(fixture.sentences.flatMap(\.expected).count >= 200)
    }

    @Test func wordEdgesKeepPrecisionAndRecallAbove98Percent() throws {
        let fixture = try Self.fixture.get()
        var withoutContexts = fixture.glossary
        for index in withoutContexts.entries.indices {
            withoutContexts.entries[index].notPrecededBy = []
            withoutContexts.entries[index].notFollowedBy = []
        }
        let before = fixture.score(GlossaryMatcher(glossary: fixture.glossary, edgeRule: .anywhere))
        let icuOnly = fixture.score(GlossaryMatcher(glossary: withoutContexts))
        let after = fixture.score(GlossaryMatcher(glossary: fixture.glossary))
        print("term hits, anywhere (before): \(before)")
        print("term hits, word edges without the entries' contexts: \(icuOnly)")
        print("term hits, word edges and contexts (after): \(after)")
        for mistake in after.mistakes { print("  still wrong: \(mistake)") }
        #expect(after.precision >= 0.98)
        #expect(after.recall >= 0.98)
        #expect(before.precision < after.precision)
        #expect(icuOnly.precision < after.precision)
    }
}
