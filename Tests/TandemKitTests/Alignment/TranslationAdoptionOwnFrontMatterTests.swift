import Testing
@testable import TandemKit

/// What `align` keeps of a person's page's front matter: what a build would not write.
@Suite("The page's own front matter, as align finds it")
struct TranslationAdoptionOwnFrontMatterTests {
    private func own(page: String, built: String) throws -> (own: OwnFrontMatter?, notKept: [String]) {
        TranslationAdoption.ownFrontMatter(
            of: try HugoDocument(bytes: Array(page.utf8), path: "a.en.md"),
            built: try HugoDocument(bytes: Array(built.utf8), path: "a.md"),
            translatedKeys: FrontMatterPolicy.defaultKeys)
    }

    @Test func keysTheBuildWritesTheSameOrItselfAreNotThePages() throws {
        let built = "---\ntitle: 标题\ndate: 2024-01-01\nurl: 2024/a/\nlang: en\ntranslations: [zh-CN, en]\nmenu:\n  main:\n    name: 关于\n---\n"
        let page = "---\ntitle: The title\ndate: 2024-01-01\nurl: 2024/a/\nlang: en-US\ntranslations: [en]\nmenu:\n  main:\n    name: About\n\nauthor: Jane   \n\n# the page's note\ndescription: Only in English.\n---\n"
        let (found, notKept) = try own(page: page, built: built)
        // title and menu are translated (segments); date and url are what the build writes;
        // lang and translations Tandem writes itself. Trailing blank lines are not the value.
        #expect(found == OwnFrontMatter(syntax: .yaml, entries: [
            .init(key: "author", text: "author: Jane   \n\n# the page's note\n"),
            .init(key: "description", text: "description: Only in English.\n"),
        ]))
        #expect(notKept.isEmpty)
    }

    @Test func aTranslatedKeyTheSourceLacksIsThePages() throws {
        let (found, _) = try own(page: "---\nmenu:\n  main:\n    weight: 2\n---\n", built: "---\ntitle: 标题\n---\n")
        #expect(found?.entries.map(\.key) == ["menu"])
    }

    @Test func aDifferentValueIsThePagesAndTOMLTablesAreEntries() throws {
        let built = "+++\ntitle = \"标题\"\nslug = \"biaoti\"\n[params]\nauthor = \"张三\"\n+++\n"
        let page = "+++\ntitle = \"The title\"\nslug = \"the-title\"\n[params]\nauthor = \"Zhang San\"\n+++\n"
        let (found, _) = try own(page: page, built: built)
        #expect(found == OwnFrontMatter(syntax: .toml, entries: [
            .init(key: "slug", text: "slug = \"the-title\"\n", replaced: "slug = \"biaoti\"\n"),
            .init(key: "params", text: "[params]\nauthor = \"Zhang San\"\n", replaced: "[params]\nauthor = \"张三\"\n"),
        ]))
    }

    /// Another syntax cannot be spliced in: the keys that would be lost are named instead.
    @Test func anotherSyntaxKeepsNothingAndNamesWhatALaterForcedBuildLoses() throws {
        let (found, notKept) = try own(page: "+++\ntitle = \"T\"\nauthor = \"Jane\"\nlang = \"en\"\n+++\n", built: "---\ntitle: 标题\n---\n")
        #expect(found == nil)
        #expect(notKept == ["author"])
    }
}
