/// Text that shows nothing: white space, and the invisible format characters a tool or a
/// keyboard leaves (zero-width space, joiners, a byte order mark). A target of only these is no
/// translation: saved, the sentence vanished from the page.
public enum BlankText {
    public static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.properties.isWhitespace || ["\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}"].contains($0) }
    }
}
