/// One post's segments as handed to translators in an exchange file (XLIFF, PO): one XLIFF
/// `<file>`, one PO catalog section. Built from a segment file; the segment file stays the truth.
public struct ExchangeDocument: Equatable, Sendable {
    /// The post, relative to the project root (`content/posts/foo.md`): XLIFF `original`.
    public var original: String
    public var sourceLocale: LocaleTag
    public var targetLocale: LocaleTag
    /// The segments handed out, in document order.
    public var segments: [SegmentEntry]

    public init(original: String, sourceLocale: LocaleTag, targetLocale: LocaleTag, segments: [SegmentEntry]) {
        self.original = original
        self.sourceLocale = sourceLocale
        self.targetLocale = targetLocale
        self.segments = segments
    }
}
