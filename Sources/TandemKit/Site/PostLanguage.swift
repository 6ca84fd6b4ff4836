/// The language of a post file and what says so.
public struct PostLanguage: Equatable, Sendable {
    /// How the language was decided.
    public enum Evidence: String, Sendable, Codable {
        /// A `.<key>.md` suffix (`foo.en.md`, `index.zh-cn.md`).
        case fileName = "file-name"
        /// The file lies in a language's `contentDir`.
        case contentDirectory = "content-directory"
        /// `lang:` or `language:` in the front matter of a file with neither of the above.
        case frontMatter = "front-matter"
        /// Nothing says: the site's default language (or, outside a Hugo site, the project's source).
        case fallback
    }

    /// The language key as Hugo writes it (`zh-cn`).
    public var key: String
    public var evidence: Evidence

    public init(key: String, evidence: Evidence) {
        self.key = key
        self.evidence = evidence
    }
}
