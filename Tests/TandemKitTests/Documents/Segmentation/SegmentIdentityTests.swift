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

    /// The values were computed apart from Tandem (64-bit FNV-1a in Python over the same bytes).
    @Test func aRepeatsIdIsTheSameInEveryRelease() {
        #expect(SegmentIdentity.id(forKey: "图片", unit: "![图片](a.png)") == "df3448eda61d9bba")
        #expect(SegmentIdentity.id(forKey: "圖片", unit: "圖片", previous: "第二段。", next: "", occurrence: 1) == "769a94ea547ce72b")
    }

    @Test func aSentenceThatOccursOnceKeepsItsKeyOnlyId() {
        // Every segment file written before context ids stays valid for such sentences.
        let keys = ["第一段。", "图片", "第二段。"]
        #expect(SegmentIdentity.ids(forKeys: keys, units: keys) == keys.map { SegmentIdentity.id(forKey: $0, occurrence: 0) })
    }

    /// Repeats in units of their own text (a caption alone in its paragraph), each inserted
    /// with a paragraph, as posts grow.
    @Test(arguments: [
        (["图片", "甲。", "图片", "乙。", "图片", "丙。"], 2, ["图片", "新。"]),
        (["圖片", "甲。", "圖片", "乙。"], 0, ["圖片", "新。"]),
        (["图片", "甲。", "图片", "乙。"], 4, ["图片"]),
        (["图片", "甲。", "图片", "乙。", "图片", "丙。"], 3, ["新。", "图片"]),
    ])
    func insertingARepeatShiftsNoOtherRepeatsIdAwayFromIt(keys: [String], at position: Int, inserted: [String]) {
        let before = SegmentIdentity.ids(forKeys: keys, units: keys)
        var edited = keys
        edited.insert(contentsOf: inserted, at: position)
        let after = SegmentIdentity.ids(forKeys: edited, units: edited)
        // Only the two sentences the insertion now borders have new neighbours.
        let untouched = keys.indices.filter { $0 != position - 1 && $0 != position }
        #expect(Set(untouched.map { before[$0] }).isSubset(of: Set(after)))
        #expect(Set(after).count == after.count)
    }

    @Test func repeatsInUnitsOfTheirOwnKeepTheirIdsWhereverRepeatsAreInserted() {
        let keys = ["图片", "甲。", "图片", "乙。", "图片", "丙。"]
        let units = ["![图片](a.png)", "甲。", "![图片](b.png)", "乙。", "![图片](c.png)", "丙。"]
        let before = SegmentIdentity.ids(forKeys: keys, units: units)
        let after = SegmentIdentity.ids(
            forKeys: ["图片", "甲。", "图片", "新。", "图片", "乙。", "图片", "丙。"],
            units: ["![图片](a.png)", "甲。", "![图片](new.png)", "新。", "![图片](b.png)", "乙。", "![图片](c.png)", "丙。"])
        #expect(Set(before).isSubset(of: Set(after)))
    }

    @Test func repeatsAlikeInEverythingAreNumbered() {
        let keys = ["好。", "好。", "好。", "好。"]
        #expect(Set(SegmentIdentity.ids(forKeys: keys, units: keys)).count == 4)
    }
}
