import Testing
@testable import TandemKit

/// Distinct keys by their bytes: duplicates are dropped, first-seen order kept, and keys that
/// are canonically equivalent but not byte-equal stay apart (keys are normalized before).
@Suite("Key ordinals")
struct KeyOrdinalsTests {
    @Test func duplicatesAreDroppedAndOrderKept() {
        var ordinals = KeyOrdinals()
        for key in ["谢谢。", "apple", "谢谢。", "", "apple", "第1句。"] { ordinals.insert(key) }
        #expect(ordinals.keys == ["谢谢。", "apple", "", "第1句。"])
        #expect(ordinals.ordinal(of: "第1句。") == 3)
        #expect(ordinals.ordinal(of: "") == 2)
        #expect(ordinals.ordinal(of: "第2句。") == nil)
    }

    @Test func equivalentButDifferentBytesAreDifferentKeys() {
        var ordinals = KeyOrdinals()
        ordinals.insert("caf\u{E9}")
        #expect(ordinals.ordinal(of: "cafe\u{301}") == nil)  // a Swift `[String: _]` would find it
        ordinals.insert("cafe\u{301}")
        #expect(ordinals.keys.count == 2)
    }
}
