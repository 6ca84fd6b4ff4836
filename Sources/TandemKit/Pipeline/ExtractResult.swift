/// What `extract` did for one post and one locale.
public struct ExtractResult: Codable, Equatable, Sendable {
    public var post: String
    public var locale: String
    public var segmentFile: String
    /// Segments to translate (those with nothing to translate are not counted).
    public var segments: Int
    /// Of `segments`, those translated.
    public var translated: Int
    /// Segments with nothing to translate (numbers, URLs, emoji codes), copied from the source.
    public var copied: Int
    public var changes: SegmentMerger.Report
    /// What the translation memory filled and offered (nil without a memory).
    public var leverage: LeverageSummary?
    /// Whether the segment file on disk changed.
    public var written: Bool
    /// The Chinese script the post is written in (a Chinese source only; nil when its text has
    /// no character of one script only).
    public var script: ChineseScript?
    /// True when a Chinese or Japanese source post has no Han or kana in its sentences: most
    /// likely a post in another language taken as a source (an English `about.md` in a site
    /// whose unsuffixed posts are Chinese). Nil otherwise, and for a skipped post.
    public var lacksSourceText: Bool?
    /// Han and kana text of the post that no segment holds (`UntranslatedTextFinder`): it stays
    /// in the source language in every translation. Nil when there is none, and for a skipped post.
    public var untranslatedText: [UntranslatedText]?
    /// Whether the post was skipped: nothing it is made from changed since the extract that
    /// reported these counts (`ExtractRun`), so it was neither parsed nor looked up.
    public var skipped: Bool = false

    /// The same counts, reported for a skipped post: no changes, nothing looked up or written.
    var skippedAgain: ExtractResult {
        var result = self
        result.changes = SegmentMerger.Report(unchanged: changes.unchanged + changes.restored + changes.added + changes.edited)
        result.leverage = leverage.map { _ in LeverageSummary() }
        result.written = false
        result.skipped = true
        result.lacksSourceText = nil
        result.untranslatedText = nil
        return result
    }
}
