/// What a translator is paid by: Latin-script words and CJK characters.
public struct WordCount: Equatable, Codable, Sendable {
    /// Words of space-delimited scripts (a run of letters and digits is one).
    public var words: Int
    /// Han, Hiragana and Katakana characters, each counted as one; punctuation excluded.
    public var cjkCharacters: Int

    public init(words: Int = 0, cjkCharacters: Int = 0) {
        self.words = words
        self.cjkCharacters = cjkCharacters
    }

    /// The billable total: words plus CJK characters.
    public var total: Int { words + cjkCharacters }

    public static func + (lhs: WordCount, rhs: WordCount) -> WordCount {
        WordCount(words: lhs.words + rhs.words, cjkCharacters: lhs.cjkCharacters + rhs.cjkCharacters)
    }
}
