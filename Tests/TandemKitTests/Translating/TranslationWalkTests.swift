import Foundation
import Testing
import TandemKit

@Suite("Translation walk")
struct TranslationWalkTests {
    static func references(_ ids: [String]) -> [SegmentReference] {
        ids.map { SegmentReference(post: "content/posts/a.md", segmentFile: "locales/en/posts/a.json", id: $0, url: URL(fileURLWithPath: "/tmp/a.json")) }
    }

    @Test func advancingPastTheLastEndsThePassAndBackReturns() {
        var walk = TranslationWalk(Self.references(["a1", "b2"]))
        #expect(walk.current?.id == "a1")
        let backAtStart = walk.back()
        #expect(!backAtStart)
        walk.advance()
        walk.advance()
        #expect(walk.current == nil)
        walk.advance()
        let backAtEnd = walk.back()
        #expect(backAtEnd)
        #expect(walk.current?.id == "b2")
    }

    @Test func aSearchJumpsToTheNextMatchWrappingRound() {
        var walk = TranslationWalk(Self.references(["a1", "b2", "c3", "b4"]))
        walk.advance()
        walk.advance()  // at c3
        let first = walk.jump { $0.id.hasPrefix("b") }
        #expect(first && walk.current?.id == "b4")
        let second = walk.jump { $0.id.hasPrefix("b") }
        #expect(second && walk.current?.id == "b2")
        let none = walk.jump { $0.id == "zz" }
        #expect(!none)
        #expect(walk.current?.id == "b2")
    }
}
