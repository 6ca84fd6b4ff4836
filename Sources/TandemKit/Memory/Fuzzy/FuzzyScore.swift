/// The score a fuzzy match shows: the similarity of the sources, less penalties for what edit
/// distance underrates, and never 100 unless the normalized sources are equal.
public enum FuzzyScore {
    /// Points off per placeholder that is in one source and not the other.
    public static let placeholderPenalty = 2
    /// Points off per number that is in one source and not the other.
    public static let numberPenalty = 2

    /// The score of a stored source with key `candidateKey` for a query with key `queryKey`,
    /// given their similarity (⌊100 · (1 − distance / length)⌋).
    public static func score(similarity: Int, queryKey: String, candidateKey: String) -> Int {
        var score = similarity
        score -= placeholderPenalty * multisetDifference(
            PlaceholderText.keys(in: queryKey), PlaceholderText.keys(in: candidateKey))
        score -= numberPenalty * multisetDifference(numbers(in: queryKey), numbers(in: candidateKey))
        // Equal symbols can still be different text (white space between CJK characters):
        // only an exact match scores 100.
        if queryKey != candidateKey { score = min(score, 99) }
        return max(score, 0)
    }

    /// The runs of decimal digits in `text`.
    static func numbers(in text: String) -> [String] {
        var numbers: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.numericType == .decimal {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                numbers.append(current)
                current = ""
            }
        }
        if !current.isEmpty { numbers.append(current) }
        return numbers
    }

    /// How many elements are in one multiset and not the other.
    static func multisetDifference(_ a: [String], _ b: [String]) -> Int {
        if a.isEmpty && b.isEmpty { return 0 }
        var counts: [String: Int] = [:]
        for x in a { counts[x, default: 0] += 1 }
        for x in b { counts[x, default: 0] -= 1 }
        return counts.values.reduce(0) { $0 + abs($1) }
    }
}
