/// A candidate `Leverage` wrote into a segment file, with the memory unit it shows: where it is
/// (`file.segments[segment].candidates[candidate]`) and that unit's identity, by which the
/// units a run gives the memory later refresh the origin it names (`PendingUnitOrigins`).
struct LeveragedCandidate {
    var segment: Int
    var candidate: Int
    var unit: MemoryUnitIdentity
}
