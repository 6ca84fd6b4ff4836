import Testing
import TandemKit
@testable import tandem

/// The target editor: placeholders move, delete and insert whole and cannot be typed.
@Suite("Line editor")
struct LineEditorTests {
    static let placeholders: [Placeholder] = [.open(1), .close(1), .standalone(2)]

    static func type(_ text: String, into editor: inout LineEditor) {
        for character in text { editor.handle(.character(character)) }
    }

    @Test func ctrlTInsertsTheSourcesPlaceholdersInOrder() {
        var editor = LineEditor(text: "", placeholders: Self.placeholders)
        Self.type("We went to ", into: &editor)
        editor.handle(.control("t"))
        Self.type("West Lake", into: &editor)
        editor.handle(.control("t"))
        Self.type(" first", into: &editor)
        editor.handle(.tab)
        #expect(editor.text == "We went to {1}West Lake{/1} first{2/}")
        // All inserted: nothing more to insert.
        let insertedMore = editor.handle(.control("t"))
        #expect(!insertedMore)
    }

    @Test func bracesCannotBeTypedAndAPlaceholderDeletesWhole() {
        var editor = LineEditor(text: "a{1}b{/1}", placeholders: Self.placeholders)
        let typedOpening = editor.handle(.character("{"))
        let typedClosing = editor.handle(.character("}"))
        #expect(!typedOpening && !typedClosing)
        editor.handle(.backspace)
        #expect(editor.text == "a{1}b")
        editor.handle(.left)
        editor.handle(.backspace)
        #expect(editor.text == "ab")
        // The missing pair is inserted again at the cursor, first its opening.
        editor.handle(.control("t"))
        #expect(editor.text == "a{1}b")
    }

    @Test func cursorKeysHomeEndAndKillingWorkOnCharactersNotBytes() {
        var editor = LineEditor(text: "杭州的一天", placeholders: [])
        editor.handle(.home)
        editor.handle(.delete)
        editor.handle(.end)
        editor.handle(.left)
        editor.handle(.backspace)
        #expect(editor.text == "州的天")
        #expect(editor.cursor == 2)
        editor.handle(.control("k"))
        #expect(editor.text == "州的")
        editor.handle(.left)
        editor.handle(.control("u"))
        #expect(editor.text == "的")
    }

    @Test func upAndDownBrowseTheHistoryAndComeBackToTheDraft() {
        var editor = LineEditor(text: "draft", placeholders: [], history: ["first", "second"])
        editor.handle(.up)
        #expect(editor.text == "second")
        editor.handle(.up)
        editor.handle(.up)
        #expect(editor.text == "first")
        editor.handle(.down)
        editor.handle(.down)
        #expect(editor.text == "draft")
    }
}
