/// Distinct matching keys and the position of each, keyed by `StableHash` of their UTF-8 and
/// compared byte for byte.
///
/// A `[String: Int32]` hashes every non-ASCII key through Unicode normalization (Swift's
/// `String` hashing is canonical-equivalence aware); the keys are normalized already, so their
/// bytes are enough. Loading a million keys took twice as long with the `String` dictionary.
struct KeyOrdinals {
    /// The distinct keys, in first-seen order.
    private(set) var keys: [String] = []
    /// Hash → position of the first key with that hash.
    private var ordinalOfHash: [Int64: Int32] = [:]
    /// Positions of later keys whose hash an earlier key has (rare: 64-bit FNV).
    private var collisions: [Int64: [Int32]] = [:]

    init() {}

    /// The position of `key`, if it is held.
    func ordinal(of key: String) -> Int32? {
        ordinal(of: key, hash: StableHash.of(key))
    }

    private func ordinal(of key: String, hash: Int64) -> Int32? {
        guard let first = ordinalOfHash[hash] else { return nil }
        if keys[Int(first)].utf8.elementsEqual(key.utf8) { return first }
        return collisions[hash]?.first { keys[Int($0)].utf8.elementsEqual(key.utf8) }
    }

    /// Adds `key` unless it is held already.
    mutating func insert(_ key: String) {
        let hash = StableHash.of(key)
        if ordinalOfHash[hash] != nil {
            if ordinal(of: key, hash: hash) != nil { return }
            collisions[hash, default: []].append(Int32(keys.count))
        } else {
            ordinalOfHash[hash] = Int32(keys.count)
        }
        keys.append(key)
    }
}
