import Testing
@testable import TandemKit

/// The penalties a fuzzy score takes, each counted once.
@Suite("Fuzzy score penalties")
struct FuzzyScoreTests {
    @Test func aPlaceholdersNumberIsNotANumberOfTheText() {
        // Two placeholders differ each way ({1},{/1} against {2},{/2}): 4 × 2 points; the digits
        // inside them are not numbers of the sentence and cost nothing more.
        #expect(FuzzyScore.score(similarity: 90, queryKey: "a {1}b{/1}", candidateKey: "a {2}b{/2}") == 82)
    }

    @Test func aDifferentNumberCostsTwoPointsEachWay() {
        #expect(FuzzyScore.score(similarity: 90, queryKey: "发布了 3 款", candidateKey: "发布了 5 款") == 86)
    }

    @Test func onlyEqualKeysScoreAHundred() {
        #expect(FuzzyScore.score(similarity: 100, queryKey: "a b", candidateKey: "a  b") == 99)
        #expect(FuzzyScore.score(similarity: 100, queryKey: "a b", candidateKey: "a b") == 100)
    }
}
