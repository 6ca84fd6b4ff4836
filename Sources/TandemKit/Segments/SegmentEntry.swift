/// One sentence to translate, as stored in a segment file.
///
/// Text uses placeholders for inline markup: `{1}…{/1}` for a pair (emphasis, link), `{2/}` for
/// a standalone code (image, inline code, shortcode, line break). `codes` maps each placeholder
/// to the original bytes so the target can be rebuilt exactly.
public struct SegmentEntry: Codable, Equatable, Sendable {
    /// Stable identity: survives paragraphs being inserted, moved or deleted around it.
    public var id: String
    /// Structural location in the post, such as `front/title` or `body/paragraph[3]/s[1]`.
    public var location: String
    /// The source sentence with placeholders.
    public var source: String
    /// Placeholder (`1`, `/1`, `2/`) to the original bytes it stands for.
    public var codes: [String: String]?
    /// The translation with the same placeholders, when there is one.
    public var target: String?
    public var state: SegmentState
    public var origin: TargetOrigin?
    /// The source this target was made for, kept when the source was edited since (state fuzzy).
    public var previousSource: String?
    /// TM matches offered to the translator, best first.
    public var candidates: [MatchCandidate]?
    /// Glossary terms found in the source, so the translator sees them.
    public var terms: [TermNote]?
    /// Free notes for translators and reviewers.
    public var notes: [String]?
    /// Lint rule ids switched off for this segment (a quote may keep a forbidden variant).
    public var lintDisable: [String]?

    public init(
        id: String, location: String, source: String, codes: [String: String]? = nil,
        target: String? = nil, state: SegmentState = .new, origin: TargetOrigin? = nil
    ) {
        self.id = id
        self.location = location
        self.source = source
        self.codes = codes
        self.target = target
        self.state = state
        self.origin = origin
    }
}
