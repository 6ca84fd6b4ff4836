/// Where a segment's target came from.
public enum TargetOrigin: String, Codable, Sendable, CaseIterable {
    /// Typed by a translator, in the segment file.
    case human
    /// Filled from the translation memory (exact or in-context match).
    case tm
    /// Imported from a returned exchange file (XLIFF, PO).
    case xliff
    /// Written by `tandem pseudo` for layout testing.
    case pseudo
    /// Kept from an earlier version of the sentence (state `fuzzy`).
    case previous
    /// Adopted from an existing human translation by `tandem align`.
    case aligned
    /// Copied from the source by `extract` because there is nothing to translate in it
    /// (numbers, URLs, emoji codes, punctuation, placeholders): never counted as work and
    /// never stored in the memory.
    case auto
}
