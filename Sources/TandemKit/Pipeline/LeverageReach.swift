/// Whether what a memory gained since a mark (`MemoryChanges`) can change what `Leverage`
/// offers sentences that ask the memory: a changed key equal to one of theirs (exact and
/// in-context matches are the units of the sentence's key), or within the fuzzy minimum score
/// of one (fuzzy matches are the units of the keys the lossless search finds there). A sentence
/// it does not reach gets, from the memory as it is now, what it got at the mark.
///
/// The fuzzy check is the memory's own search (`MemoryKeyTable`), run over the changed keys
/// only: cheap when few changed. It may say "reached" for a key whose score penalties would
/// keep it out; never the reverse.
final class LeverageReach {
    let changes: MemoryChanges
    /// `leverage.minimumScore`: the least score a fuzzy match is offered at.
    let minimumScore: Int
    private var tables: [LocalePair: (keys: Set<String>, table: MemoryKeyTable)] = [:]
    private var scratch = FuzzySearchScratch()

    init(_ changes: MemoryChanges, minimumScore: Int) {
        self.changes = changes
        self.minimumScore = minimumScore
    }

    /// Whether a lookup of any of `keys` (normalized sources, `MemoryQuery.sourceKey`) from
    /// `sourceLocale` to `targetLocale` may answer differently than at the mark.
    func reaches(_ keys: [String], sourceLocale: LocaleTag, targetLocale: LocaleTag) -> Bool {
        guard !keys.isEmpty, !changes.isEmpty else { return false }
        let (changed, table) = table(for: LocalePair(source: sourceLocale, target: targetLocale))
        guard !changed.isEmpty else { return false }
        let minimum = MatchRanking.searchMinimum(minimumScore)
        for key in keys {
            if changed.contains(key) { return true }
            if !table.index.search(table.symbolizer.symbols(of: key), minimum: minimum, scratch: &scratch).isEmpty { return true }
        }
        return false
    }

    /// The changed keys of `pair` and the fuzzy index over them, made on first use.
    private func table(for pair: LocalePair) -> (keys: Set<String>, table: MemoryKeyTable) {
        if let made = tables[pair] { return made }
        let keys = changes.keys(sourceLocale: pair.source, targetLocale: pair.target)
        var ordinals = KeyOrdinals()
        for key in keys.sorted() { ordinals.insert(key) }
        let made = (keys, MemoryKeyTable(ordinals))
        tables[pair] = made
        return made
    }
}
