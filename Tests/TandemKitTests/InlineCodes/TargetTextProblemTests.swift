import Testing
import TandemKit

/// Issue 14, item 3: targets that made `build` write broken posts.
@Suite("Target text problems")
struct TargetTextProblemTests {
    @Test func aNULOrControlCharacterIsAProblem() {
        #expect(TargetTextProblem.problems(in: "A\u{0}B") == [.controlCharacter(0, offset: 1)])
        #expect(TargetTextProblem.problems(in: "é\u{1B}") == [.controlCharacter(0x1B, offset: 2)])
    }

    @Test func aBlankLineAndACodeFenceAreProblems() {
        #expect(TargetTextProblem.problems(in: "A.\n\n```\ncode") == [.blankLine(offset: 3), .codeFence(offset: 4)])
        #expect(TargetTextProblem.problems(in: "A.\n   ~~~") == [.codeFence(offset: 3)])
    }

    @Test func ordinaryTextTabsSoftBreaksAndInlineCodeAreFine() {
        for text in ["Hello.", "A\tB", "one\ntwo", "CRLF\r\nline", "use ```code``` inline", "A.\n    ```indented is code text", "ends with a break\n"] {
            #expect(TargetTextProblem.problems(in: text).isEmpty, "\(text)")
        }
    }

    /// A helper's finding: `{{% note %}}` typed in a target passed set, lint and build, and Hugo
    /// stopped the site ("template for shortcode not found").
    @Test func aTypedShortcodeIsAProblemUnlessTheSourceHasOneAsTextOrItIsAComment() {
        #expect(TargetTextProblem.problems(in: "Wrap it in {{% note %}} here.") == [.shortcode(offset: 11)])
        #expect(TargetTextProblem.problems(in: "Use {{< x >}} or {{%y%}}.") == [.shortcode(offset: 4), .shortcode(offset: 17)])
        #expect(TargetTextProblem.problems(in: "Write {{</* note */>}} to show it.").isEmpty)
        #expect(TargetTextProblem.problems(in: "Braces {{ and {< alone.").isEmpty)
        #expect(TargetTextProblem.problems(in: "About {{< x >}}", source: "关于 {{< x >}}").isEmpty)
        #expect(TargetTextProblem.shortcode(offset: 3).description.contains("write {{</* … */>}} to show one as text"))
    }
}
