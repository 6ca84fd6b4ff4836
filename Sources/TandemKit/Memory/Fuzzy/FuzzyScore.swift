/// The score a fuzzy match shows: the similarity of the sources, less penalties for what edit
/// distance underrates, and never 100 unless the normalized sources are equal.
public struct FuzzyScore {
    /// Points off per placeholder that is in one source and not the other.
    public static let placeholderPenalty = 2
    /// Points off per number that is in one source and not the other.
    public static let numberPenalty = 2

    private let queryKey: String
    private let queryPlaceholders: [Placeholder]
    private let queryNumbers: [String]

    /// A scorer for one query (its placeholders and numbers are found once).
    public init(queryKey: String) {
        self.queryKey = queryKey
        let coded = CodedText(queryKey)
        queryPlaceholders = coded.placeholders
        queryNumbers = Self.numbers(in: coded)
    }

    /// The score of a stored source with key `candidateKey`, given their similarity
    /// (⌊100 · (1 − distance / length)⌋). Never above `similarity`.
    public func score(similarity: Int, candidateKey: String) -> Int {
        var score = similarity
        let candidate = CodedText(candidateKey)
        score -= Self.placeholderPenalty * Self.multisetDifference(queryPlaceholders, candidate.placeholders)
        score -= Self.numberPenalty * Self.multisetDifference(queryNumbers, Self.numbers(in: candidate))
        // Equal symbols can still be different text (white space between CJK characters):
        // only an exact match scores 100.
        if queryKey != candidateKey { score = min(score, 99) }
        return max(score, 0)
    }

    /// The score of `candidateKey` for a query with key `queryKey`.
    public static func score(similarity: Int, queryKey: String, candidateKey: String) -> Int {
        FuzzyScore(queryKey: queryKey).score(similarity: similarity, candidateKey: candidateKey)
    }

    /// The runs of decimal digits in the text of `coded` (a placeholder's number is not one).
    static func numbers(in coded: CodedText) -> [String] {
        coded.pieces.flatMap { piece -> [String] in
            if case .text(let run) = piece { return numbers(in: run) }
            return []
        }
    }

    /// The runs of decimal digits in `text` (ASCII digits are checked without a property lookup).
    static func numbers(in text: String) -> [String] {
        var numbers: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let isDigit = scalar.isASCII
                ? (0x30...0x39).contains(scalar.value)
                : scalar.properties.numericType == .decimal
            if isDigit {
                current.append(scalar)
            } else if !current.isEmpty {
                numbers.append(String(current))
                current.removeAll()
            }
        }
        if !current.isEmpty { numbers.append(String(current)) }
        return numbers
    }

    /// How many elements are in one multiset and not the other.
    static func multisetDifference<Element: Hashable>(_ a: [Element], _ b: [Element]) -> Int {
        if a.isEmpty && b.isEmpty { return 0 }
        if a == b { return 0 }
        var counts: [Element: Int] = [:]
        for x in a { counts[x, default: 0] += 1 }
        for x in b { counts[x, default: 0] -= 1 }
        return counts.values.reduce(0) { $0 + abs($1) }
    }
}
