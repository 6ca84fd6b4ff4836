/// Front matter a translated page has of its own, kept in its segment file (`ownFrontMatter`):
/// the entries of a page a person wrote that its source post has not, or has with another
/// value (`author:`, `slug:`, a `description:` only the translation has), taken by
/// `tandem align` as written. Every `build` of the page writes them, in place of the source's
/// entry of the same key or after the others, so replacing the person's page with a built one
/// loses none of it.
///
/// Keys Tandem writes itself (`translations`, the language keys) are never kept; a translated
/// key (`title`) only when the source has none, since otherwise its translation is a segment.
public struct OwnFrontMatter: Codable, Equatable, Sendable {
    /// One entry: its key and its text as the page wrote it (the key's line and those of its
    /// value), lines ending in LF.
    public struct Entry: Codable, Equatable, Sendable {
        public var key: String
        public var text: String
        /// What a build wrote for the key when `align` kept the page's entry (nil: nothing, the
        /// post had no such key): when the post's entry changes since, `build` says so, as the
        /// page's whole entry (a `[params]` table) hides what the author added to it.
        public var replaced: String?

        public init(key: String, text: String, replaced: String? = nil) {
            self.key = key
            self.text = text
            self.replaced = replaced
        }
    }

    /// `yaml` or `toml`: the syntax the entries are written in, which must be the post's.
    public var syntax: FrontMatterBlock.Syntax
    public var entries: [Entry]

    /// Whether `entry` is a TOML table section (`[params]` …), which goes after every plain key.
    func isTable(_ entry: Entry) -> Bool {
        syntax == .toml && entry.text.drop(while: { $0 == " " || $0 == "\t" }).first == "["
    }

    public init(syntax: FrontMatterBlock.Syntax, entries: [Entry]) {
        self.syntax = syntax
        self.entries = entries
    }
}
