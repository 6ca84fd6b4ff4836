import Testing
import TandemKit

@Suite("Placeholders in targets")
struct PlaceholderTextTests {
    static let codes = ["1": "**", "/1": "**", "2/": "`x`", "3/": "\n> "]

    @Test func expandsEveryPlaceholderToItsBytes() throws {
        #expect(try PlaceholderText.expand("A {1}bold{/1} and {2/}.{3/}More", codes: Self.codes) == "A **bold** and `x`.\n> More")
    }

    @Test func aLineBreakMayBeDropped() throws {
        #expect(try PlaceholderText.expand("{1}bold{/1} {2/}", codes: Self.codes) == "**bold** `x`")
    }

    @Test(arguments: [
        ("{1}bold {2/}", PlaceholderText.Problem.missing("{/1}")),
        ("{1}bold{/1}", PlaceholderText.Problem.missing("{2/}")),
        ("{1}b{/1}{2/}{9/}", PlaceholderText.Problem.unknown("{9/}")),
        ("{1}b{/1}{2/}{2/}", PlaceholderText.Problem.duplicated("{2/}")),
        ("{/1}b{1}{2/}", PlaceholderText.Problem.closedBeforeOpened("{/1}")),
    ])
    func brokenPlaceholdersAreRefused(_ target: String, _ problem: PlaceholderText.Problem) {
        #expect(throws: problem) { try PlaceholderText.expand(target, codes: Self.codes) }
    }

    @Test func literalBracesAreText() throws {
        #expect(try PlaceholderText.expand("{a} {1}b{/1}{2/}", codes: Self.codes) == "{a} **b**`x`")
        #expect(PlaceholderText.plainText("{1}通义{/1}千问{2/}") == "通义千问")
        #expect(PlaceholderText.keys(in: "{1}a{/1}{2/} {x}") == ["1", "/1", "2/"])
    }
}
