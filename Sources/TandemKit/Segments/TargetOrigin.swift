/// Where a segment's target came from.
public enum TargetOrigin: String, Codable, Sendable, CaseIterable {
    /// Typed by a translator (`tandem translate` or an edit of the segment file).
    case human
    /// Filled from the translation memory (exact or in-context match).
    case tm
    /// Imported from a returned XLIFF file.
    case xliff
    /// Written by `tandem pseudo` for layout testing.
    case pseudo
    /// Kept from an earlier version of the sentence (state `fuzzy`).
    case previous
}
