/// The origins the units an `extract` run is about to give the memory leave on the memory's
/// units, laid over what the memory answers, so that a candidate names its unit's origin as the
/// memory will hold it once the run commits.
///
/// Why: adding a unit with a stored unit's identity refreshes that unit's origin (a post edited
/// around a repeated sentence renumbers it without changing its neighbours). A run looks its
/// sentences up before its own commit; without the overlay, a candidate from such a unit named
/// the old id, and the next run, or the rerun of a run killed between the memory's commit and
/// the renames, named the new one: `extract` was not its own fixed point. The overlay is by
/// identity only, over the few pending units (a dictionary lookup per candidate), rather than
/// a second pass of lookups after the commit: a refreshed origin is the only thing the run's
/// units change in what the memory already answers for most sites. It does not model what the
/// run adds as new units (a pair the memory did not hold, which a rerun also offers) nor the
/// reordering by changed time among a source's several translations.
final class PendingUnitOrigins {
    /// The origin (`MemoryUnit.originDescription`) of the last pending unit of each identity:
    /// units are added in order, each refreshing the one before.
    private var origins: [MemoryUnitIdentity: String?] = [:]

    var isEmpty: Bool { origins.isEmpty }

    /// Records `units`, given to the memory after those recorded before.
    func record(_ units: [MemoryUnit]) {
        for unit in units { origins[MemoryUnitIdentity(unit)] = .some(unit.originDescription) }
    }

    /// The origin `unit` will have once the pending units are given, or nil when none refreshes it.
    func origin(of unit: MemoryUnit) -> String?? {
        origins.isEmpty ? nil : origins[MemoryUnitIdentity(unit)]
    }

    /// Names in `file` the origins its `candidates` (what `Leverage` wrote) will have once the
    /// pending units are given; returns whether one changed.
    func rename(_ candidates: [LeveragedCandidate], in file: inout SegmentFile) -> Bool {
        guard !origins.isEmpty else { return false }
        var changed = false
        for shown in candidates {
            guard case let origin? = origins[shown.unit],
                  file.segments[shown.segment].candidates?[shown.candidate].origin != origin else { continue }
            file.segments[shown.segment].candidates?[shown.candidate].origin = origin
            changed = true
        }
        return changed
    }
}
