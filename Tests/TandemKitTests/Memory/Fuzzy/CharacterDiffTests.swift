import Testing
import TandemKit

/// The diff `tandem tm lookup` shows between a stored source and the query.
@Suite("Character diff")
struct CharacterDiffTests {
    @Test(arguments: [
        ("今天天气很好。", "今天天气真好。", "今天天气[-很-]{+真+}好。"),
        ("abc", "abc", "abc"),
        ("", "新", "{+新+}"),
        ("旧", "", "[-旧-]"),
        ("它支持离线模式和同步。", "它支持离线模式和云同步。", "它支持离线模式和{+云+}同步。"),
        // A placeholder is one unit: never cut inside.
        ("点击{12/}保存。", "点击{13/}保存。", "点击[-{12/}-]{+{13/}+}保存。"),
    ])
    func plainDiffMarksRemovedThenAdded(stored: String, query: String, expected: String) {
        #expect(CharacterDiff.plain(from: stored, to: query) == expected)
    }

    @Test func runsRebuildBothTexts() {
        let runs = CharacterDiff.runs(from: "我们在2024年发布了新版本。", to: "他们在2025年发布新的版本！")
        let stored = runs.map { run -> String in
            switch run {
            case .same(let t), .removed(let t): return t
            case .added: return ""
            }
        }.joined()
        let query = runs.map { run -> String in
            switch run {
            case .same(let t), .added(let t): return t
            case .removed: return ""
            }
        }.joined()
        #expect(stored == "我们在2024年发布了新版本。")
        #expect(query == "他们在2025年发布新的版本！")
    }
}
