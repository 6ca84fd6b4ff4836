/// Where a segment's target came from.
public enum TargetOrigin: String, Codable, Sendable, CaseIterable {
    /// Typed by a translator, in the segment file.
    case human
    /// Filled from the translation memory (exact or in-context match).
    case tm
    /// Imported from a returned XLIFF file. Nothing produces it yet: it is reserved for the
    /// XLIFF import, so that segment files it writes already decode.
    case xliff
    /// Written by `tandem pseudo` for layout testing.
    case pseudo
    /// Kept from an earlier version of the sentence (state `fuzzy`).
    case previous
}
