import Testing
import TandemKit

/// What a target may do with its source's inline codes: build (`expand`) and lint (`problems`)
/// judge it in one place.
@Suite("Inline codes in targets")
struct InlineCodeSetTests {
    static let codes = InlineCodeSet(codes: ["1": "**", "/1": "**", "2/": "`x`", "3/": "\n> "])

    @Test func expandsEveryPlaceholderToItsBytes() throws {
        #expect(try Self.codes.expand("A {1}bold{/1} and {2/}.{3/}More") == "A **bold** and `x`.\n> More")
    }

    @Test func aLineBreakMayBeDropped() throws {
        #expect(try Self.codes.expand("{1}bold{/1} {2/}") == "**bold** `x`")
        #expect(Self.codes.problems(in: "{1}bold{/1} {2/}").isEmpty)
    }

    @Test(arguments: [
        ("{1}bold {2/}", PlaceholderProblem.missing(.close(1))),
        ("{1}bold{/1}", .missing(.standalone(2))),
        ("{1}b{/1}{2/}{9/}", .unknown(.standalone(9))),
        ("{1}b{/1}{2/}{2/}", .duplicated(.standalone(2))),
        ("{/1}b{1}{2/}", .closedBeforeOpened(.close(1))),
        ("{1}b{/1}{1}{2/}", .duplicated(.open(1))),
    ])
    func brokenPlaceholdersAreRefused(_ target: String, _ problem: PlaceholderProblem) {
        #expect(throws: problem) { try Self.codes.expand(target) }
        #expect(Self.codes.problems(in: target).first == problem)
    }

    @Test func crossedPairsAreRefused() throws {
        let codes = InlineCodeSet(codes: ["1": "**", "/1": "**", "2": "[", "/2": "](https://example.org)"])
        #expect(throws: PlaceholderProblem.crossed(.close(1), inside: .open(2))) { try codes.expand("{1}a{2}b{/1}c{/2}") }
        #expect(try codes.expand("{2}a{1}b{/1}c{/2}") == "[a**b**c](https://example.org)")
    }

    @Test func textThatIsNotAPlaceholderStaysText() throws {
        #expect(try Self.codes.expand("{a} {12345} {01} {1}b{/1}{2/}") == "{a} {12345} {01} **b**`x`")
    }

    @Test func everyProblemIsListedForLint() {
        let problems = Self.codes.problems(in: "{/1}x{1}{9/}")
        #expect(problems == [.closedBeforeOpened(.close(1)), .unknown(.standalone(9)), .missing(.standalone(2))])
    }

    @Test func aPairSplitAcrossSentencesIsIsolated() {
        let codes = InlineCodeSet(codes: ["1": "**", "2/": "`x`"])
        #expect(codes[.open(1)]?.isIsolated == true)
        #expect(codes[.standalone(2)]?.isIsolated == false)
        #expect(Self.codes[.open(1)]?.isIsolated == false)
    }

    @Test func whatATranslatorMayDoFollowsTheKind() {
        #expect(Self.codes[.standalone(3)]?.kind == .lineBreak)
        #expect(Self.codes[.standalone(3)]?.canDelete == true)
        let hardBreak = InlineCodeSet(codes: ["1/": "\\\n"])
        #expect(hardBreak[.standalone(1)]?.kind == .hardBreak)
        #expect(hardBreak[.standalone(1)]?.canDelete == false)
        for code in Self.codes.sorted {
            #expect(code.canCopy == false)
            #expect(code.canReorder == true)
        }
    }

    @Test(arguments: [
        ("1", "**", InlineCodeKind.strong), ("1", "*", .emphasis), ("1", "_", .emphasis), ("1", "~~", .strikethrough),
        ("1", "[", .link), ("1", "![", .image), ("/1", "](https://example.org)", .link),
        ("1/", "`code`", .code), ("1/", "{{< ref \"a\" >}}", .shortcode), ("1/", "{{% note %}}", .shortcode),
        ("1/", "<br/>", .html), ("1/", "<https://example.org>", .url), ("1/", "https://example.org/a", .url),
        ("1/", "[^1]", .footnoteReference), ("1/", "$x^2$", .math), ("1/", "{#anchor}", .attributes),
        ("1/", "{1}", .literal), ("1/", "\n  ", .lineBreak),
    ])
    func kindsAreReadFromTheOriginalBytes(_ key: String, _ data: String, _ kind: InlineCodeKind) {
        #expect(InlineCodeSet(codes: [key: data])[Placeholder(key: key)!]?.kind == kind)
    }

    @Test func theClosingEndOfAnImageIsAnImage() {
        let codes = InlineCodeSet(codes: ["1": "![", "/1": "](/a.png)"])
        #expect(codes[.close(1)]?.kind == .image)
    }
}
