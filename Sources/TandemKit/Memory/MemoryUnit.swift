import Foundation

/// One translation unit of the memory: a source sentence, its translation, and where it came from.
///
/// Text keeps Tandem's placeholders (`{1}…{/1}` for paired codes, `{2/}` for standalone ones), so
/// a unit stored from a segment file can be leveraged into another one unchanged.
public struct MemoryUnit: Equatable, Sendable, Codable {
    /// The store's identifier; `nil` until the unit has been saved.
    public var id: Int64?
    public var sourceLocale: LocaleTag
    public var targetLocale: LocaleTag
    /// The source sentence with placeholders, as written (never normalized).
    public var source: String
    /// The translation with the same placeholders.
    public var target: String
    /// `Normalizer.memoryKey(source)`: what exact and fuzzy lookups compare.
    public var sourceKey: String
    /// The matching key of the segment before this one in its document ("" at the start or when unknown).
    public var previousKey: String
    /// The matching key of the segment after this one ("" at the end or when unknown).
    public var nextKey: String
    /// The file the unit came from: a segment file (`locales/en/posts/foo.json`) or a TMX file.
    public var originFile: String?
    /// The segment id inside `originFile`, when it has one.
    public var originSegment: String?
    /// Who made the translation (a TMX `creationid`, a user name, `tandem`).
    public var creator: String?
    public var created: Date
    public var changed: Date
    /// How far the translation has come; only `translated` and better are leveraged as exact matches.
    public var state: SegmentState

    /// A unit whose keys are computed from `source` and the neighbouring sources.
    public init(
        id: Int64? = nil, sourceLocale: LocaleTag, targetLocale: LocaleTag, source: String, target: String,
        previousSource: String? = nil, nextSource: String? = nil, originFile: String? = nil,
        originSegment: String? = nil, creator: String? = nil, created: Date = Date(), changed: Date? = nil,
        state: SegmentState = .translated
    ) {
        self.id = id
        self.sourceLocale = sourceLocale
        self.targetLocale = targetLocale
        self.source = source
        self.target = target
        self.sourceKey = Normalizer.memoryKey(source)
        self.previousKey = previousSource.map(Normalizer.memoryKey) ?? ""
        self.nextKey = nextSource.map(Normalizer.memoryKey) ?? ""
        self.originFile = originFile
        self.originSegment = originSegment
        self.creator = creator
        self.created = created
        self.changed = changed ?? created
        self.state = state
    }

    /// A unit whose keys are already known (as stored).
    public init(
        id: Int64?, sourceLocale: LocaleTag, targetLocale: LocaleTag, source: String, target: String,
        sourceKey: String, previousKey: String, nextKey: String, originFile: String?, originSegment: String?,
        creator: String?, created: Date, changed: Date, state: SegmentState
    ) {
        self.id = id
        self.sourceLocale = sourceLocale
        self.targetLocale = targetLocale
        self.source = source
        self.target = target
        self.sourceKey = sourceKey
        self.previousKey = previousKey
        self.nextKey = nextKey
        self.originFile = originFile
        self.originSegment = originSegment
        self.creator = creator
        self.created = created
        self.changed = changed
        self.state = state
    }

    /// A short human-readable origin: `file#segment`, `file`, or nil.
    public var originDescription: String? {
        guard let originFile else { return originSegment }
        if let originSegment { return "\(originFile)#\(originSegment)" }
        return originFile
    }
}
