/// One sentence found by `SentenceSegmenter`: its text without surrounding white space and
/// where that text sits in the segmented string.
public struct Sentence: Equatable, Sendable, Codable {
    /// UTF-8 byte offsets into the text that was segmented.
    public var range: Range<Int>
    /// The sentence itself, exactly as in the source (never normalized).
    public var text: String

    public init(range: Range<Int>, text: String) {
        self.range = range
        self.text = text
    }
}
