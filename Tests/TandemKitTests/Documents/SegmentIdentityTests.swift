import Testing
import TandemKit

/// Segment ids are stored in every segment file under `locales/`: the same sentence must get
/// the same id in every release, whatever the hash code behind it becomes.
@Suite("Segment ids")
struct SegmentIdentityTests {
    @Test(arguments: [
        ("今天天气很好。", 0, "564953faa32b7a3e"),
        ("hello world.", 2, "4d1330b42f76a7be"),
    ])
    func anIdIsTheSameInEveryRelease(key: String, occurrence: Int, id: String) {
        #expect(SegmentIdentity.id(forKey: key, occurrence: occurrence) == id)
    }

    @Test func aRepeatedSentenceGetsAnotherId() {
        #expect(SegmentIdentity.id(forKey: "好。", occurrence: 0) != SegmentIdentity.id(forKey: "好。", occurrence: 1))
    }
}
