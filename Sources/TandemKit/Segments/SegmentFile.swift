/// `locales/<tag>/<content path>.json`: every sentence of one post for one target locale.
/// Committed to git; the truth from which the TM can be rebuilt.
public struct SegmentFile: Codable, Equatable, Sendable {
    /// Bumped when the layout changes incompatibly.
    public var formatVersion: Int
    /// The post, relative to the project root (`content/posts/foo.md`).
    public var source: String
    public var sourceLocale: LocaleTag
    public var targetLocale: LocaleTag
    /// In document order.
    public var segments: [SegmentEntry]
    /// Translated segments whose sentence is no longer in the post: kept, never dropped
    /// silently (the TM has them too), until a translator deletes them.
    public var obsolete: [SegmentEntry]?
    /// Lint rule ids switched off for every segment of the file (kept here so that `extract`
    /// rewriting the file keeps them).
    public var lintDisable: [String]?
    /// Front matter the translated page has of its own (`tandem align` keeps it from a page a
    /// person wrote), written into every build of the page.
    public var ownFrontMatter: OwnFrontMatter?

    public static let currentFormatVersion = 1

    public init(source: String, sourceLocale: LocaleTag, targetLocale: LocaleTag, segments: [SegmentEntry]) {
        self.formatVersion = Self.currentFormatVersion
        self.source = source
        self.sourceLocale = sourceLocale
        self.targetLocale = targetLocale
        self.segments = segments
    }
}
