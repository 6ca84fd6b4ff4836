/// What to look up: a source sentence in a locale pair, with its neighbours for in-context matches.
public struct MemoryQuery: Equatable, Sendable {
    public var source: String
    public var sourceLocale: LocaleTag
    public var targetLocale: LocaleTag
    /// `Normalizer.memoryKey(source)`.
    public var sourceKey: String
    /// The matching key of the previous segment ("" when there is none).
    public var previousKey: String
    /// The matching key of the next segment ("" when there is none).
    public var nextKey: String

    public init(
        source: String, sourceLocale: LocaleTag, targetLocale: LocaleTag,
        previousSource: String? = nil, nextSource: String? = nil
    ) {
        self.source = source
        self.sourceLocale = sourceLocale
        self.targetLocale = targetLocale
        self.sourceKey = Normalizer.memoryKey(source)
        self.previousKey = previousSource.map(Normalizer.memoryKey) ?? ""
        self.nextKey = nextSource.map(Normalizer.memoryKey) ?? ""
    }
}
