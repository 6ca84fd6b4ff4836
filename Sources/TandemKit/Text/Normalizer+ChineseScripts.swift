extension Normalizer {
    /// The key under which the translation memory matches sources: `matchingKey` with
    /// Traditional Chinese characters folded to Simplified (ICU's `Hant-Hans`, character by
    /// character), so one memory serves posts in both scripts: 蘋果發布 and 苹果发布 share a key.
    ///
    /// Segment ids keep `matchingKey`: folding them would give every sentence of an existing
    /// Traditional segment file a new id.
    public static func memoryKey(_ text: String) -> String {
        HanVariantTable.shared.simplifying(matchingKey(text))
    }

    /// `text` with Traditional Chinese characters folded to Simplified, one for one (the same
    /// length in bytes); other text unchanged.
    public static func simplifyingChinese(_ text: String) -> String {
        HanVariantTable.shared.simplifying(text)
    }
}
