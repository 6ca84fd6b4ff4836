/// A stored normalized source within the fuzzy threshold of a query, with its similarity
/// (⌊100 · (1 − distance / length)⌋, before `FuzzyScore`'s penalties).
struct FuzzyKeyHit {
    var key: String
    var similarity: Int
}
