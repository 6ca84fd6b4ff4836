import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// Pairing an edited sentence with its old translation scores the pair as the memory scores a
/// fuzzy match, stops measuring once the minimum is out of reach, and picks what comparing with
/// every orphan would pick.
@Suite("Segment similarity")
struct SegmentSimilarityTests {
    static let zh = LocaleTag("zh-CN")!
    static let en = LocaleTag("en")!

    /// Hand-made pairs: a CJK edit, Latin words, placeholders and numbers (which carry penalties).
    static let pairs: [(String, String)] = [
        ("第二段的第二句会被修改。", "第二段的第二句已经被修改了。"),
        ("The model costs ten dollars a month.", "The model costs twelve dollars a month."),
        ("Apple {1}released{/1} the new iPhone today.", "Apple released the new iPhone today."),
        ("阿里巴巴的股票涨了 9% 。", "阿里巴巴的股票涨了 8% 。"),
        ("运行{1/}即可完成安装。", "运行{1/}或者{2/}即可完成安装。"),
        ("完全不同的一句话。", "Something else entirely."),
    ]

    /// The reference score: dynamic-programming distance over `MatchSymbolizer` symbols, then
    /// `FuzzyScore`'s penalties, as `TranslationMemory.fuzzyMatches` defines the score.
    static func oracle(_ query: String, _ candidate: String) -> Int {
        var symbolizer = MatchSymbolizer()
        let queryKey = Normalizer.matchingKey(query)
        let candidateKey = Normalizer.matchingKey(candidate)
        let similarity = MemoryTestData.similarity(symbolizer.learnSymbols(of: queryKey), symbolizer.learnSymbols(of: candidateKey))
        return FuzzyScore.score(similarity: similarity, queryKey: queryKey, candidateKey: candidateKey)
    }

    /// The corpus's sentences with 1–4 character edits each (empty when the corpus is absent).
    static func corpusPairs(count: Int) throws -> [(String, String)] {
        guard SharedCorpus.isAvailable else { return [] }
        var random = MemoryTestData.Random(state: 7)
        let sentences = Array(try MemoryTestData.corpusSentences().prefix(count))
        let alphabet = Array("的了是在有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理世车")
        return sentences.map { sentence in
            (sentence, MemoryTestData.nearDuplicate(of: sentence, edits: Int.random(in: 1...4, using: &random), alphabet: alphabet, random: &random))
        }
    }

    @Test func theMergersScoreIsTheMemorysFuzzyScore() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let memory = try SQLiteMemory(path: directory.path("m.sqlite"))
        var offers = 0
        for (stored, edited) in Self.pairs + (try Self.corpusPairs(count: 100)) {
            // One stored unit at a time: the memory's best match is the score of this pair.
            try memory.removeAll()
            try memory.add([MemoryUnit(sourceLocale: Self.zh, targetLocale: Self.en, source: stored, target: "T")])
            let offered = try memory.fuzzyMatches(
                for: MemoryQuery(source: edited, sourceLocale: Self.zh, targetLocale: Self.en), minimumScore: 1, limit: 1
            ).first?.score
            let paired = SegmentSimilarity.ratio(edited, stored, atLeast: 0.01).map { Int(($0 * 100).rounded()) }
            #expect(paired == offered, "\(stored) → \(edited)")
            if offered != nil { offers += 1 }
        }
        // All but the unrelated pair are offered: the scores compared are real ones.
        #expect(offers >= Self.pairs.count - 1)
    }

    @Test func anEditedLatinSentenceIsScoredPerWord() {
        // Eight symbols (seven words and the full stop), one word substituted: ⌊100 · 7/8⌋ (per
        // character it would be 31 of 36).
        #expect(SegmentSimilarity.ratio(Self.pairs[1].1, Self.pairs[1].0, atLeast: 0.5) == 0.87)
        // Emphasis added: two placeholder symbols in nine, ⌊100 · 7/9⌋ = 77, less FuzzyScore's
        // penalties (today 2 per placeholder and 2 per number, a placeholder's digits included).
        let (emphasized, plain) = (Self.pairs[2].0, Self.pairs[2].1)
        let penalized = FuzzyScore.score(
            similarity: 77, queryKey: Normalizer.matchingKey(emphasized), candidateKey: Normalizer.matchingKey(plain))
        #expect(penalized < 77)
        #expect(SegmentSimilarity.ratio(emphasized, plain, atLeast: 0.5) == Double(penalized) / 100)
    }

    @Test func belowTheMinimumThereIsNoScoreAndAtItTheExactOne() throws {
        // The distance stops once the minimum is out of reach: the score is there exactly when
        // it reaches the minimum, and then it is the full one.
        for (a, b) in Self.pairs + (try Self.corpusPairs(count: 40)) {
            let expected = Self.oracle(a, b)
            for minimum in stride(from: 1, through: 100, by: 3) {
                let ratio = SegmentSimilarity.ratio(a, b, atLeast: Double(minimum) / 100)
                #expect(ratio.map { Int(($0 * 100).rounded()) } == (expected >= minimum ? expected : nil), "\(a) → \(b) at \(minimum)")
            }
        }
    }

    @Test func theBestOrphanIsTheFirstOfTheHighestScoring() throws {
        var random = MemoryTestData.Random(state: 11)
        let corpus = try Self.corpusPairs(count: 60)
        let sentences = corpus.isEmpty ? Self.pairs.flatMap { [$0.0, $0.1] } : corpus.flatMap { [$0.0, $0.1] }
        for _ in 0..<30 {
            let orphans = (0..<12).map { _ in sentences.randomElement(using: &random)! }
            let edited = sentences.randomElement(using: &random)!
            // Comparing with every orphan: the highest score, the first of equals, at least 50.
            let scores = orphans.map { Self.oracle(edited, $0) }
            let best = scores.indices.filter { scores[$0] >= 50 }.max { scores[$0] < scores[$1] || (scores[$0] == scores[$1] && $0 > $1) }
            var pairing = OrphanPairing(
                orphans.enumerated().map { SegmentEntry(id: "o\($0)", location: "", source: $1, target: "T\($0)") }, minimumScore: 50)
            #expect(pairing.take(bestFor: edited)?.id == best.map { "o\($0)" }, "\(edited) among \(orphans)")
        }
    }

    @Test(arguments: [(0.5, 50), (0.7, 70), (0.75, 75), (0.01, 1), (1.0, 100)])
    func aMinimumSimilarityIsTheLowestScoreThatReachesIt(similarity: Double, score: Int) {
        #expect(SegmentSimilarity.score(similarity) == score)
    }
}
