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
}
