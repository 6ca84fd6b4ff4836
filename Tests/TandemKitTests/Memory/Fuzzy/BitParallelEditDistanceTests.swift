import Testing
@testable import TandemKit

/// The bit-parallel distance equals the textbook one, across one and several 64-symbol blocks,
/// and gives up exactly when the distance exceeds the limit.
@Suite("Bit-parallel edit distance")
struct BitParallelEditDistanceTests {
    @Test(arguments: [1, 5, 63, 64, 65, 127, 128, 129, 300])
    func agreesWithDynamicProgramming(patternLength: Int) {
        var random = MemoryTestData.Random(state: UInt64(patternLength))
        var matcher = BitParallelEditDistance(symbolSpace: 64)
        for _ in 0..<200 {
            // A small alphabet makes many matches, the hard case for the carries.
            let pattern = (0..<patternLength).map { _ in UInt32.random(in: 0..<4, using: &random) }
            let textLength = max(0, patternLength + Int.random(in: -8...8, using: &random))
            var text = (0..<textLength).map { _ in UInt32.random(in: 0..<4, using: &random) }
            if Bool.random(using: &random) { text = pattern.map { Int.random(in: 0..<10, using: &random) == 0 ? 5 : $0 } }
            let expected = MemoryTestData.levenshtein(pattern, text)
            matcher.prepare(pattern: pattern)
            let unlimited = text.withUnsafeBufferPointer { matcher.distance(to: $0, limit: Int.max / 2) }
            #expect(unlimited == expected)
            let limit = max(0, expected - 1)
            let limited = text.withUnsafeBufferPointer { matcher.distance(to: $0, limit: limit) }
            #expect(limited == (expected <= limit ? expected : nil))
        }
    }

    @Test func symbolsUnknownToTheTableMatchNothing() {
        var matcher = BitParallelEditDistance(symbolSpace: 10)
        matcher.prepare(pattern: [1, MatchSymbolizer.unknownToken, 2])
        let text: [UInt32] = [1, 3, 2]
        #expect(text.withUnsafeBufferPointer { matcher.distance(to: $0, limit: 5) } == 1)
    }
}
