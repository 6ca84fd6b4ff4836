/// How alike two sentences are, for pairing an edited sentence with its old translation:
/// 1 − edit distance / longer length, on Unicode scalars, placeholders removed.
enum SegmentSimilarity {
    static func ratio(_ a: String, _ b: String) -> Double {
        let left = Array(CodedText(a).plainText.unicodeScalars)
        let right = Array(CodedText(b).plainText.unicodeScalars)
        let longest = max(left.count, right.count)
        guard longest > 0 else { return 1 }
        var previous = Array(0...right.count)
        var current = [Int](repeating: 0, count: right.count + 1)
        for i in 1...max(1, left.count) where !left.isEmpty {
            current[0] = i
            for j in 1...max(1, right.count) where !right.isEmpty {
                let cost = left[i - 1] == right[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        let distance = left.isEmpty ? right.count : previous[right.count]
        return 1 - Double(distance) / Double(longest)
    }
}
