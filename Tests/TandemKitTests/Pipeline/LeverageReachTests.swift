import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// `LeverageReach` rules most sentences out before the fuzzy search over the changed keys
/// (`LeverageReach.ChangedKeys`); what it answers must be what searching every sentence answers.
@Suite("Leverage reach", .enabled(if: SharedCorpus.isAvailable, Comment(rawValue: SharedCorpus.absentMessage)))
struct LeverageReachTests {
    static let zh = LocaleTag("zh-CN")!
    static let en = LocaleTag("en")!

    /// The corpus's sentences as keys, and changed keys made from every 40th: some as they are,
    /// most with one to six character edits (near the fuzzy minimum and past it), and short ones
    /// (too short for the bigram bound).
    static func sample() throws -> (asking: [String], changed: MemoryChanges) {
        let sentences = try MemoryTestData.corpusSentences()
        var random = MemoryTestData.Random(state: 13)
        let alphabet = Array(Set(sentences.joined())).sorted()
        var changes = MemoryChanges()
        for (n, sentence) in sentences.enumerated() where n % 40 == 0 {
            let edits = n % 80 == 0 ? 0 : 1 + (n / 40) % 6
            let changed = MemoryTestData.nearDuplicate(of: sentence, edits: edits, alphabet: alphabet, random: &random)
            changes.insert(sourceLocale: "zh-CN", targetLocale: "en", key: Normalizer.memoryKey(changed))
            changes.insert(sourceLocale: "zh-CN", targetLocale: "en", key: Normalizer.memoryKey(String(sentence.prefix(3))))
        }
        return (sentences.map(Normalizer.memoryKey), changes)
    }

    @Test func answersWhatSearchingEverySentenceAnswers() throws {
        let (asking, changes) = try Self.sample()
        #expect(asking.count > 500, "the corpus gives enough sentences")
        for minimumScore in [50, 75, 90] {
            let reach = LeverageReach(changes, minimumScore: minimumScore)
            var reached = 0
            for key in asking {
                let searched = reach.reachesBySearch([key], sourceLocale: Self.zh, targetLocale: Self.en)
                #expect(reach.reaches([key], sourceLocale: Self.zh, targetLocale: Self.en) == searched, "\(key) at \(minimumScore)")
                if searched { reached += 1 }
            }
            // Not a vacuous comparison: the changed keys made from sentences reach many of them.
            #expect(reached >= changes.count / 8, "\(reached) reached at \(minimumScore)")
        }
    }

    @Test func rulesOutMostSentencesWithoutSearching() throws {
        let (asking, changes) = try Self.sample()
        let changed = LeverageReach.ChangedKeys(changes.keys(sourceLocale: Self.zh, targetLocale: Self.en))
        let minimum = MatchRanking.searchMinimum(75)
        var scratch = FuzzySearchScratch()
        var searched = 0
        for key in asking {
            let mayReach = changed.mayReachFuzzily(key, minimum: minimum)
            if changed.searchReaches(key, minimum: minimum, scratch: &scratch) {
                #expect(mayReach, "a key the search finds is never ruled out: \(key)")
            }
            if mayReach { searched += 1 }
        }
        #expect(searched * 10 < asking.count, "\(searched) of \(asking.count) sentences searched")
    }

    /// A large write (every other sentence changed) widens the bigram bitmap; the answers stay
    /// the search's.
    @Test func manyChangedKeysAnswerWhatSearchingAnswers() throws {
        let sentences = try MemoryTestData.corpusSentences()
        var random = MemoryTestData.Random(state: 29)
        let alphabet = Array(Set(sentences.joined())).sorted()
        var changes = MemoryChanges()
        for (n, sentence) in sentences.enumerated() where n % 2 == 0 {
            let changed = MemoryTestData.nearDuplicate(of: sentence, edits: 3, alphabet: alphabet, random: &random)
            changes.insert(sourceLocale: "zh-CN", targetLocale: "en", key: Normalizer.memoryKey(changed))
        }
        let reach = LeverageReach(changes, minimumScore: 75)
        var reached = 0
        for key in sentences.map(Normalizer.memoryKey) {
            let searched = reach.reachesBySearch([key], sourceLocale: Self.zh, targetLocale: Self.en)
            #expect(reach.reaches([key], sourceLocale: Self.zh, targetLocale: Self.en) == searched, "\(key)")
            if searched { reached += 1 }
        }
        #expect(reached >= changes.count / 4, "\(reached) reached")
    }

    @Test func changedKeyEqualToASentenceReachesIt() throws {
        var changes = MemoryChanges()
        let key = Normalizer.memoryKey("服务器在北京。")
        changes.insert(sourceLocale: "zh-CN", targetLocale: "en", key: key)
        let reach = LeverageReach(changes, minimumScore: 99)
        #expect(reach.reaches([Normalizer.memoryKey("数据每天备份一次。"), key], sourceLocale: Self.zh, targetLocale: Self.en))
        #expect(!reach.reaches([Normalizer.memoryKey("数据每天备份一次。")], sourceLocale: Self.zh, targetLocale: Self.en))
        #expect(!reach.reaches([key], sourceLocale: Self.zh, targetLocale: LocaleTag("fr")!), "another locale pair's change")
    }
}
