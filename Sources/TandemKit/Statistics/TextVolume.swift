/// How much source text some segments hold: what a translator quotes.
public struct TextVolume: Equatable, Codable, Sendable {
    public var segments: Int
    /// Words of space-delimited scripts, per ICU word break (`WordCounter`).
    public var words: Int
    /// Han, Hiragana and Katakana characters, each counted as one.
    public var cjkCharacters: Int

    public init(segments: Int = 0, words: Int = 0, cjkCharacters: Int = 0) {
        self.segments = segments
        self.words = words
        self.cjkCharacters = cjkCharacters
    }

    /// One segment of `count`.
    init(segment count: WordCount) {
        self.init(segments: 1, words: count.words, cjkCharacters: count.cjkCharacters)
    }

    public static func + (lhs: TextVolume, rhs: TextVolume) -> TextVolume {
        TextVolume(segments: lhs.segments + rhs.segments, words: lhs.words + rhs.words, cjkCharacters: lhs.cjkCharacters + rhs.cjkCharacters)
    }

    public static func += (lhs: inout TextVolume, rhs: TextVolume) { lhs = lhs + rhs }
}
