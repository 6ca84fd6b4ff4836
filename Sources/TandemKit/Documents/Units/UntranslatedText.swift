/// Han or kana text of a source post that no segment holds: a translator never sees it, and it
/// stays in the source language in every translation (`UntranslatedTextFinder`).
public struct UntranslatedText: Codable, Equatable, Sendable {
    /// What holds the text, which says where a user makes it translatable.
    public enum Place: String, Codable, Sendable {
        /// A front matter value whose key is not translated (`translate:` in `tandem.yml`).
        case frontMatter = "front-matter"
        /// A front matter value inside a flow mapping (`params: {note: 说明}`, `- {name: 官网}`),
        /// which Tandem reads but does not translate: its keys share a line.
        case frontMatterFlow = "front-matter-flow"
        /// A shortcode argument no `shortcodes:` rule names as text.
        case shortcode
        /// Raw HTML: an HTML block or inline HTML (alt and title attributes, text between tags).
        case html
        /// The fragment of a link to a heading's automatic id (`[灵隐寺](#灵隐寺)`): the
        /// translated heading gets another id, so the link points nowhere in every translation.
        case headingLink = "heading-link"
    }

    public var line: Int
    public var column: Int
    /// The text, from its first Han or kana character to its last on that line.
    public var text: String
    public var place: Place
    /// The front matter key (`tags`, `author`) or the shortcode's name.
    public var name: String?

    public init(line: Int, column: Int, text: String, place: Place, name: String? = nil) {
        self.line = line
        self.column = column
        self.text = text
        self.place = place
        self.name = name
    }
}
