/// Where a memory stood at one moment: what `TranslationMemory.changes(since:limit:)` starts
/// from. `extract` records it for each post it leveraged, to learn later whether anything the
/// memory gained since could change that post's leverage.
public struct MemoryMark: Codable, Hashable, Sendable {
    /// Random, made with the memory: a mark of another memory (`tm rebuild` puts a new file in
    /// place) lists nothing.
    public var instance: Int64
    /// Bumped by every committed write that changed units.
    public var generation: Int64
    /// Bumped when units were removed or became leverageable in place: changes across it cannot
    /// be listed.
    public var rewrites: Int64
    /// The largest unit id committed then: the units added since have larger ones.
    public var lastUnitID: Int64

    public init(instance: Int64, generation: Int64, rewrites: Int64, lastUnitID: Int64) {
        self.instance = instance
        self.generation = generation
        self.rewrites = rewrites
        self.lastUnitID = lastUnitID
    }

    /// The mark of the counters one read saw.
    init(_ state: MemoryIndexState) {
        self.init(instance: state.instance, generation: state.generation, rewrites: state.rewrites, lastUnitID: state.maxId)
    }
}
