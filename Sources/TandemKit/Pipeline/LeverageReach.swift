/// Whether what a memory gained since a mark (`MemoryChanges`) can change what `Leverage`
/// offers sentences that ask the memory: a changed key equal to one of theirs (exact and
/// in-context matches are the units of the sentence's key), or within the fuzzy minimum score
/// of one (fuzzy matches are the units of the keys the lossless search finds there). A sentence
/// it does not reach gets, from the memory as it is now, what it got at the mark.
///
/// The fuzzy check is the memory's own search (`MemoryKeyTable`), run over the changed keys
/// only, and only for a sentence that shares enough bigrams with them (`ChangedKeys`): cheap
/// when few changed. It may say "reached" for a key whose score penalties would keep it out;
/// never the reverse.
final class LeverageReach {
    let changes: MemoryChanges
    /// `leverage.minimumScore`: the least score a fuzzy match is offered at.
    let minimumScore: Int
    private var tables: [LocalePair: ChangedKeys] = [:]
    private var scratch = FuzzySearchScratch()

    init(_ changes: MemoryChanges, minimumScore: Int) {
        self.changes = changes
        self.minimumScore = minimumScore
    }

    /// Whether a lookup of any of `keys` (normalized sources, `MemoryQuery.sourceKey`) from
    /// `sourceLocale` to `targetLocale` may answer differently than at the mark.
    func reaches(_ keys: [String], sourceLocale: LocaleTag, targetLocale: LocaleTag) -> Bool {
        guard !keys.isEmpty, !changes.isEmpty else { return false }
        let changed = changedKeys(for: LocalePair(source: sourceLocale, target: targetLocale))
        guard !changed.isEmpty else { return false }
        let minimum = MatchRanking.searchMinimum(minimumScore)
        for key in keys {
            if changed.contains(key) { return true }
            if changed.mayReachFuzzily(key, minimum: minimum), changed.searchReaches(key, minimum: minimum, scratch: &scratch) {
                return true
            }
        }
        return false
    }

    /// `reaches`, searching every key (no ruling out first): what the tests compare it with.
    func reachesBySearch(_ keys: [String], sourceLocale: LocaleTag, targetLocale: LocaleTag) -> Bool {
        guard !keys.isEmpty, !changes.isEmpty else { return false }
        let changed = changedKeys(for: LocalePair(source: sourceLocale, target: targetLocale))
        guard !changed.isEmpty else { return false }
        let minimum = MatchRanking.searchMinimum(minimumScore)
        return keys.contains { changed.contains($0) || changed.searchReaches($0, minimum: minimum, scratch: &scratch) }
    }

    /// The changed keys of `pair` and the fuzzy index over them, made on first use.
    private func changedKeys(for pair: LocalePair) -> ChangedKeys {
        if let made = tables[pair] { return made }
        let made = ChangedKeys(changes.keyList(sourceLocale: pair.source, targetLocale: pair.target))
        tables[pair] = made
        return made
    }
}
