import Testing
import TandemKit

/// A target that shows nothing is no translation (helpers' findings: spaces, then a zero-width
/// space alone, were saved as translations and the sentence vanished from the page).
@Suite("Blank text")
struct BlankTextTests {
    @Test(arguments: ["", "   ", "\t\n", "\u{3000}", "\u{00A0}", "\u{200B}", " \u{200B}\u{FEFF} ", "\u{2060}"])
    func blank(_ text: String) { #expect(BlankText.isBlank(text)) }

    @Test(arguments: ["a", " . ", "\u{200B}x", "—", "{1/}"])
    func notBlank(_ text: String) { #expect(!BlankText.isBlank(text)) }
}
