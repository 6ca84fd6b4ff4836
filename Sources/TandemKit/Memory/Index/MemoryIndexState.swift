/// A memory's counters as one read saw them, which decide which index segments are valid
/// (`MemoryIndexCoverage`): written in every write's transaction by the SQLite memory
/// (`memory_state`) and the PostgreSQL memory (`tandem_state`).
struct MemoryIndexState: Equatable {
    /// Bumped by every committed write that changed units.
    var generation: Int64
    /// Bumped when units change in a way an index built before cannot cover (see each backend).
    var rewrites: Int64
    /// Random, made with the memory: segments of another memory never match.
    var instance: Int64
    /// The largest unit id committed (ids only grow, and are committed in order).
    var maxId: Int64
}
