/// What a memory index segment was built from: the units of one source locale with ids in
/// `fromId + 1 … toId`, read when the memory was at `rewrites` (the counter bumped when a unit
/// becomes leverageable in place) in the memory file identified by `instance`.
///
/// A segment stays valid while `instance` and `rewrites` are unchanged: inserts only add ids
/// above what it covers (ids only grow), and a unit that stops being leverageable leaves a key
/// the lookups find no unit for, which they skip (every answer is read back from the database).
struct MemoryIndexCoverage: Hashable {
    var instance: Int64
    var rewrites: Int64
    var fromId: Int64
    var toId: Int64
    /// The memory's generation when the segment was built (for diagnostics; validity does not use it).
    var generation: Int64

    var fields: [UInt64] {
        [instance, rewrites, fromId, toId, generation].map { UInt64(bitPattern: $0) }
    }

    init(instance: Int64, rewrites: Int64, fromId: Int64, toId: Int64, generation: Int64) {
        self.instance = instance
        self.rewrites = rewrites
        self.fromId = fromId
        self.toId = toId
        self.generation = generation
    }

    /// The coverage recorded in an image's first header fields.
    init?(fields: [UInt64]) {
        guard fields.count >= 5 else { return nil }
        let values = fields.prefix(5).map { Int64(bitPattern: $0) }
        self.init(instance: values[0], rewrites: values[1], fromId: values[2], toId: values[3], generation: values[4])
        guard fromId >= 0, fromId <= toId else { return nil }
    }
}
