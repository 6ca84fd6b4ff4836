import Testing
import TandemKit

/// The one grammar of `{1}`, `{/1}`, `{2/}`: everything else in braces is text.
@Suite("Placeholder grammar")
struct PlaceholderTests {
    static func parse(_ text: String) -> Placeholder? {
        var text = text
        return text.withUTF8 { bytes in
            guard let (placeholder, end) = Placeholder.parse(bytes, at: 0), end == bytes.count else { return nil }
            return placeholder
        }
    }

    @Test(arguments: [
        ("{1}", Placeholder.open(1)), ("{/1}", .close(1)), ("{2/}", .standalone(2)), ("{9999}", .open(9999)),
        ("{10/}", .standalone(10)), ("{0}", .open(0)), ("{/0}", .close(0)),
    ])
    func placeholders(_ text: String, _ expected: Placeholder) {
        #expect(Self.parse(text) == expected)
        #expect(expected.token == text)
        #expect(Placeholder(key: expected.key) == expected)
    }

    @Test(arguments: ["{00}", "{01}", "{/09}", "{12345}", "{/1/}", "{1/1}", "{}", "{/}", "{x}", "{ 1}", "{1 }", "｛1｝", "{１}", "{-1}", "{1"])
    func notPlaceholders(_ text: String) {
        #expect(Self.parse(text) == nil)
        #expect(CodedText(text).placeholders.isEmpty)
    }

    @Test func codedTextCutsRunsAndPlaceholders() {
        let coded = CodedText("{{1}} a{/2}b{3/}{12345}")
        #expect(coded.pieces == [.text("{"), .placeholder(.open(1)), .text("} a"), .placeholder(.close(2)), .text("b"),
                                 .placeholder(.standalone(3)), .text("{12345}")])
        #expect(coded.text == "{{1}} a{/2}b{3/}{12345}")
        #expect(coded.plainText == "{} ab{12345}")
        #expect(CodedText("{1}通义{/1}千问{2/}").plainText == "通义千问")
    }

    @Test func pairedNumbersNeedBothEndsInOrder() {
        #expect(CodedText("{1}a{/1} {/2}b{2} {3}").pairedNumbers == [1])
    }
}
