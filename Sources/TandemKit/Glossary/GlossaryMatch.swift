/// One glossary term found in a text.
public struct GlossaryMatch: Equatable, Sendable {
    /// UTF-8 byte offsets of the term in the original text (placeholders inside included).
    public var range: Range<Int>
    /// Indices into the matcher's entries of every entry with this source (usually one).
    public var entryIndices: [Int]

    public init(range: Range<Int>, entryIndices: [Int]) {
        self.range = range
        self.entryIndices = entryIndices
    }
}
