import Testing
@testable import TandemKit

/// `StableHash` values are stored in the memory's `lookup` and `identity` columns: a memory
/// written by one release must be found by the next.
@Suite("Stable hash")
struct StableHashTests {
    @Test func aHashIsTheSameInEveryRelease() {
        // FNV-1a 64 over each part followed by a 0 byte, computed independently.
        #expect(StableHash.of("zh-CN", "en", "今天天气很好。") == 5_649_222_629_797_413_436)
    }

    @Test func extendingIsHashingThePartsTogether() {
        #expect(StableHash.extending(StableHash.of("zh-CN", "en"), "今天天气很好。") == StableHash.of("zh-CN", "en", "今天天气很好。"))
        #expect(StableHash.of("ab", "c") != StableHash.of("a", "bc"))
    }
}
