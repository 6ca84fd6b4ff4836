import Foundation
import Testing
import TandemTestSupport
@testable import TandemKit

/// The glossary's memory of ICU's word breaks: a remembered run must get exactly the breaks
/// ICU gives it afresh, or the matcher would find other hits the second time it sees a clause.
@Suite("Run word breaks")
struct RunWordBreaksTests {
    /// The runs of Han or kana in `text` once folded, as the word-edge check breaks them.
    static func runs(in text: String) -> [[UInt16]] {
        let units = MatchingText(text).units
        var runs: [[UInt16]] = []
        var start = 0
        while start < units.count {
            guard TermWordEdges.isDictionaryScript(units[start]) else {
                start += 1
                continue
            }
            var end = start
            while end < units.count && TermWordEdges.isDictionaryScript(units[end]) { end += 1 }
            runs.append(Array(units[start..<end]))
            start = end
        }
        return runs
    }

    /// ICU's breaks of `run` through the UTF-8 path the matcher used before, as unit offsets.
    static func breaksThroughUTF8(_ run: [UInt16], _ iterator: BreakIterator) -> [Int32] {
        let text = String(decoding: run, as: UTF16.self)
        var unitAtByte: [Int: Int32] = [0: 0]
        var byte = 0, unit: Int32 = 0
        for scalar in text.unicodeScalars {
            byte += scalar.utf8.count
            unit += Int32(scalar.utf16.count)
            unitAtByte[byte] = unit
        }
        return iterator.boundaries(in: text).map { unitAtByte[$0]! }
    }

    /// Every run of `texts`, each seen several times, through a memory small enough to be
    /// forgotten many times over, against a fresh ICU break of the UTF-8 text.
    static func expectRememberedBreaksEqualICU(_ texts: [String]) throws {
        let memory = RunWordBreaks(iterator: try BreakIterator(.word, icuLocale: "zh"), unitLimit: 200)
        let fresh = try BreakIterator(.word, icuLocale: "zh")
        let runs = texts.flatMap(runs(in:))
        var checked = 0, split = 0
        for run in runs + runs.reversed() + runs {
            let remembered = run.withUnsafeBufferPointer { units in memory.withBoundaries(of: units) { Array($0) } }
            let expected = breaksThroughUTF8(run, fresh)
            #expect(remembered == expected, "\(String(decoding: run, as: UTF16.self))")
            checked += 1
            if expected.count > 2 { split += 1 }
        }
        #expect(checked >= 300)
        #expect(split >= 100)   // runs ICU cut into words, not only one-word runs
    }

    @Test func rememberedRunsGetICUsOwnBreaksOnTheFixtures() throws {
        let fixture = try TermHitFixture()
        let news = try String(contentsOf: TermHitFixture.directory.appendingPathComponent("news-like-zh.txt"), encoding: .utf8)
        try Self.expectRememberedBreaksEqualICU(fixture.sentences.map(\.text) + [news])
    }

    @Test(.enabled(if: SharedCorpus.isAvailable, Comment(rawValue: SharedCorpus.absentMessage)))
    func rememberedRunsGetICUsOwnBreaksOnTheSeedPost() throws {
        try Self.expectRememberedBreaksEqualICU([try TextFile.readUTF8(SharedCorpus.seedPost)])
    }

    /// One matcher seeing the same text again (its memory warm) finds what it found the first time.
    @Test func aMatcherFindsTheSameHitsWithItsMemoryWarm() throws {
        let fixture = try TermHitFixture()
        let matcher = GlossaryMatcher(glossary: fixture.glossary)
        let texts = fixture.sentences.map(\.text)
        let first = texts.map { matcher.matches(in: $0) }
        let again = texts.map { matcher.matches(in: $0) }
        #expect(first == again)
        #expect(first.joined().count >= 200)
    }
}
