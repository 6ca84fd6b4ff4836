/// What `build` did for one post and one locale.
public struct BuildResult: Codable, Equatable, Sendable {
    public enum Status: String, Codable, Sendable {
        /// The translated post was written.
        case built
        /// The translated post was already up to date.
        case unchanged
        /// Not enough segments are translated (see `--min-complete`).
        case incomplete
        /// Not enough segments are translated any more: the translation Tandem had built was
        /// removed (`--withdraw`).
        case withdrawn
        /// Not enough segments are translated any more: the translation Tandem had built stays
        /// as it was (without the new or changed sentences) until they are translated.
        case stale
        /// There is no segment file: run `tandem extract`.
        case missingSegments = "missing-segments"
        /// A file Tandem did not write (or that was edited since) is where the translation
        /// goes; it was left byte-identical (`--force` replaces it).
        case refused
        /// The post has nothing to translate (an empty `_index.md`, front matter alone) and a
        /// file Tandem did not write is where its translation goes: that file is the locale's
        /// own page, kept byte-identical even with `--force` (a copy of the source would blank it).
        case ownPage = "own-page"
        /// The source post was deleted: its translation, built by Tandem, was removed.
        case removed
        /// The source post was deleted, but its translation was kept (`--keep`, or edited by
        /// someone since Tandem built it).
        case kept
        /// Tandem had built this file (`foo.en.md`) beside the page Hugo reads as the locale
        /// without a suffix (`foo.md` in a site whose default language it is), which it hid:
        /// removed, the page shows again.
        case superseded
        /// The source post was deleted: its segment file went to `locales/<tag>/.archive/`
        /// (`output` is the new path), where the memory still reads it.
        case archived
        /// Tandem had built this file where the locale's translations no longer go (the site
        /// gave the locale a `contentDir`, `tandem.yml`'s `output:` changed): removed, Hugo no
        /// longer publishes the old text beside the new.
        case relocated
        /// Tandem had built this file for a locale that is neither a target nor one of the
        /// site's languages any more (Hugo read it as a page of the default language): removed.
        case dropped
        /// Tandem had built this file for a locale the site still has but `tandem.yml` no longer
        /// targets: kept as it is, and no longer updated.
        case untargeted
        /// Like `relocated` or `dropped`, but someone edited the file since Tandem built it (or
        /// `--keep`): kept as it is.
        case outOfPlace = "out-of-place"
    }

    public var post: String
    public var locale: String
    public var output: String?
    /// Translated share of the post's segments, 0–100.
    public var complete: Double
    public var status: Status
    /// For a file refused: what only it has, which a forced build would lose (front matter keys
    /// the source has not, code blocks the source writes otherwise).
    public var onlyInFile: [String]?
    /// For a file refused: whether `tandem align` adopted it already (its segment file has
    /// aligned targets), so the refusal does not send the user back to align.
    public var aligned: Bool?
    /// Keys of the page's own front matter (`ownFrontMatter`) whose entry in the post changed
    /// since `align` kept the page's: the page's are written, the post's changes are not.
    public var outdatedOwnFrontMatter: [String]?

    public init(post: String, locale: String, output: String?, complete: Double, status: Status) {
        self.post = post
        self.locale = locale
        self.output = output
        self.complete = complete
        self.status = status
    }
}
