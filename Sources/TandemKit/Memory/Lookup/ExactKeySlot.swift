/// A slot of `ExactUnitTable`'s open-addressing table: the key's `StableHash` beside its bucket,
/// so a probe reads one cache line before it touches a bucket.
struct ExactKeySlot {
    var hash: Int64 = 0
    /// nil: an empty slot (a probe for a key ends here).
    var bucket: ExactKeyBucket?
}
