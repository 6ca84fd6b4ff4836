import Testing
@testable import TandemKit

/// A helper's finding on a real blog: "1、首先创建一个模板" translated "1. First create a
/// template" became an ordered list on the English page, silently. A translation that begins a
/// paragraph's line with a block marker has it escaped; the page shows the text as written.
@Suite("Block markers at the start of a translated line")
struct BlockMarkerEscapeTests {
    @Test(arguments: [
        ("1. First create a template.", "1\\. First create a template."),
        ("2) Then fill it in.", "2\\) Then fill it in."),
        ("- a dash first", "\\- a dash first"),
        ("+ plus", "\\+ plus"),
        ("# of users grew.", "\\# of users grew."),
        ("> quoted", "\\> quoted"),
        ("---", "\\---"),
        ("***", "\\***"),
        ("===", "\\==="),
        ("```", "\\```"),
        ("```go fence", "\\```go fence"),
        ("~~~", "\\~~~"),
        // Inline code in three backticks is no fence: its info string would hold a backtick.
        ("```x``` is an object.", "```x``` is an object."),
        // Not markers: text that only looks near one.
        ("1.5 million users", "1.5 million users"),
        ("2024. A year.", "2024\\. A year."),  // CommonMark's list starting at 2024
        ("1234567890. Too long for a list number.", "1234567890. Too long for a list number."),
        ("-5 degrees", "-5 degrees"),
        ("#hashtag", "#hashtag"),
        ("**Bold** start", "**Bold** start"),
        ("--", "--"),
    ])
    func aLeadingMarkerIsEscaped(_ markdown: String, _ expected: String) {
        #expect(BlockMarkerEscape.escapingLeadingMarker(markdown) == expected)
    }

    @Test func aTranslatedParagraphStaysAParagraph() throws {
        let source = "1、首先创建一个模板。\n2、然后填写内容。\n\n- 列表项。\n"
        let english = ["1、首先创建一个模板。": "1. First create a template.", "2、然后填写内容。": "2. Then fill it in.", "列表项。": "- an item."]
        #expect(try MarkdownPositionCheck.build(source, targets: english, language: "en")
            == "1\\. First create a template.\n2\\. Then fill it in.\n\n- \\- an item.\n")
    }

    /// Inside a line, in a heading, a table cell or front matter, nothing is escaped.
    @Test func onlyALinesStartInAParagraphIsEscaped() throws {
        let source = "---\ntitle: 标题\n---\n\n## 标题二\n\n说明：第一步。\n\n| 甲 |\n|---|\n| 乙 |\n"
        let english = ["标题": "1. Title", "标题二": "1. Heading", "说明：第一步。": "Note: 1. step one.", "甲": "- A", "乙": "# B"]
        let built = try MarkdownPositionCheck.build(source, targets: english, language: "en")
        #expect(built.contains("1. Title") && !built.contains("1\\. Title"), "\(built)")
        #expect(built.contains("## 1. Heading\n") && built.contains("Note: 1. step one.\n"), "\(built)")
        #expect(built.contains("| - A |") && built.contains("| # B |"), "\(built)")
    }
}

/// A helper's finding on a real blog: "The <b> tag makes text bold." rendered "The  tag…", and
/// `<project folder path>` vanished (raw HTML the page omits). A `<` the translator typed before
/// a letter is escaped; the source's own HTML is in the codes and stays as it is.
@Suite("Tag openers in translated text")
struct TagOpenerEscapeTests {
    @Test(arguments: [
        ("The <b> tag makes text bold.", "The \\<b> tag makes text bold."),
        ("Run it in <project folder path>.", "Run it in \\<project folder path>."),
        ("A </div> or <!-- note -->.", "A \\</div> or \\<!-- note -->."),
        ("x < y and 3<5", "x < y and 3<5"),
        ("Already \\<b> escaped.", "Already \\<b> escaped."),
    ])
    func aTagOpenerIsEscaped(_ text: String, _ expected: String) {
        #expect(DocumentBuilder.escapingTagOpeners(text) == expected)
    }

    @Test func theSourcesHTMLStaysAndTheTranslatorsIsText() throws {
        let source = "用 <mark>标签</mark> 标记。\n"
        let english = ["用 {1}标签{/1} 标记。": "Mark it with the {1}<mark> tag{/1}."]
        #expect(try MarkdownPositionCheck.build(source, targets: english, language: "en") == "Mark it with the <mark>\\<mark> tag</mark>.\n")
    }
}
