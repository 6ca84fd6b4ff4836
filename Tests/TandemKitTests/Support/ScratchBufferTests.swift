import Testing
@testable import TandemKit

/// The grow-only scratch buffer behind the segmenter's and normalizer's C calls.
@Suite("Scratch buffer")
struct ScratchBufferTests {
    @Test func growingKeepsTheRequestedPrefix() {
        let buffer = ScratchBuffer<Int64>(capacity: 4)
        for index in 0..<4 { buffer[index] = Int64(index * 10) }
        buffer.reserve(100, keeping: 3)
        #expect(buffer.capacity >= 100)
        #expect((0..<3).map { buffer[$0] } == [0, 10, 20])
    }

    @Test func reservingNoMoreThanTheCapacityKeepsTheStorage() {
        let buffer = ScratchBuffer<UInt16>(capacity: 8)
        let base = buffer.base
        buffer.reserve(8)
        #expect(buffer.base == base)
        buffer.reserve(9, minimumGrowth: 64)
        #expect(buffer.capacity == 64)
    }

    @Test func elementsAreAViewOfTheRange() {
        let buffer = ScratchBuffer<Int>(capacity: 5)
        for index in 0..<5 { buffer[index] = index }
        #expect(Array(buffer.elements(1..<4)) == [1, 2, 3])
    }

    // Debug builds assert every index (exit tests, each in a child process); release builds
    // drop the asserts, so these run only where `assert` is on.
    static let assertsAreOn: Bool = {
        var on = false
        assert({ on = true; return true }())
        return on
    }()

    @Test(.enabled(if: assertsAreOn, "asserts are off in this build"))
    func anIndexAtTheCapacityTrapsInDebugBuilds() async {
        await #expect(processExitsWith: .failure) {
            let buffer = ScratchBuffer<Int>(capacity: 4)
            buffer[4] = 1
        }
    }

    @Test(.enabled(if: assertsAreOn, "asserts are off in this build"))
    func aNegativeIndexTrapsInDebugBuilds() async {
        await #expect(processExitsWith: .failure) { _ = ScratchBuffer<Int>(capacity: 4)[-1] }
    }

    @Test(.enabled(if: assertsAreOn, "asserts are off in this build"))
    func aRangePastTheCapacityTrapsInDebugBuilds() async {
        await #expect(processExitsWith: .failure) { _ = ScratchBuffer<Int>(capacity: 4).elements(2..<5) }
    }
}
