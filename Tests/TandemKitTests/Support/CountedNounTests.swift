import Testing
import TandemKit

/// Messages say "1 segment" and "2 segments", not "1 segments" (a theme-site trial's finding).
@Suite("Counted nouns")
struct CountedNounTests {
    @Test(arguments: [
        (0, "segment", nil, "0 segments"), (1, "segment", nil, "1 segment"), (2, "segment", nil, "2 segments"),
        (1, "entry", "entries", "1 entry"), (3, "entry", "entries", "3 entries"),
        (1, "CJK character", nil, "1 CJK character"),
    ] as [(Int, String, String?, String)])
    func oneIsSingularAndEveryOtherCountPlural(_ count: Int, _ singular: String, _ plural: String?, _ expected: String) {
        #expect(CountedNoun.phrase(count, singular, plural: plural) == expected)
    }
}
