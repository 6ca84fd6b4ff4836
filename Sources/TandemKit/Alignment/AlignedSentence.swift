/// A source sentence paired with the text of a human translation by `DocumentAligner`.
public struct AlignedSentence: Equatable, Sendable {
    /// The source segment's id.
    public var segmentID: String
    /// The source sentence (with placeholders).
    public var source: String
    /// The translation, with the source's placeholders; empty for the second source sentence
    /// of a 2-1 pair (the first holds the whole translation).
    public var target: String
    /// The translation sentences paired with it, as written (for reports and measuring).
    public var targetSentences: [String]
    /// Whether the pairing is sure: a clear bead, every code found. Unsure ones become fuzzy.
    public var isCertain: Bool
    /// What the aligner paid for the bead (see `AlignmentBead.cost`).
    public var cost: Double
}
