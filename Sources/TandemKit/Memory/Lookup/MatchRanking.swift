/// How a backend turns stored units into ranked matches, written once for every backend:
/// in-context before exact, and the lossless fuzzy search over the in-memory `MemoryKeyTable`
/// with its early stop. A backend only supplies the units of a normalized source.
enum MatchRanking {
    /// `units` (most recently changed first) as matches: in context (101) first, then exact (100).
    static func inContextFirst(_ units: [MemoryUnit], query: MemoryQuery) -> [MemoryMatch] {
        if units.count == 1 {
            let unit = units[0]
            let inContext = (!query.previousKey.isEmpty || !query.nextKey.isEmpty)
                && unit.previousKey == query.previousKey && unit.nextKey == query.nextKey
            return [MemoryMatch(unit: unit, score: inContext ? 101 : 100, kind: inContext ? .inContext : .exact)]
        }
        let matches = units.map { unit in
            let inContext = !query.previousKey.isEmpty || !query.nextKey.isEmpty
                ? unit.previousKey == query.previousKey && unit.nextKey == query.nextKey
                : false
            return MemoryMatch(unit: unit, score: inContext ? 101 : 100, kind: inContext ? .inContext : .exact)
        }
        // Stable: in context first, then a source written as the query's (the key folds case
        // and width: `Select All` and `Select all` are both exact), then most recently changed
        // (the order `units` returned).
        return matches.enumerated().sorted { a, b in
            if a.element.score != b.element.score { return a.element.score > b.element.score }
            let aSame = a.element.unit.source == query.source, bSame = b.element.unit.source == query.source
            return aSame != bSame ? aSame : a.offset < b.offset
        }.map(\.element)
    }

    /// `units` (most recently changed first) with one unit for each distinct source and target:
    /// the memory holds a sentence once for every context it was translated in, and a
    /// translator wants a suggestion once. The pairs keep the order of their most recent unit;
    /// each is represented by its oldest unit (where the translation was first learned), so a
    /// pair learned again in a new context (what every `extract` of an edited post does)
    /// changes no suggestion, and a second `extract` writes what the first one wrote.
    static func distinctTranslations(_ units: [MemoryUnit]) -> [MemoryUnit] {
        guard units.count > 1 else { return units }
        var result: [MemoryUnit] = []
        var positions: [String: Int] = [:]
        for unit in units {
            let pair = unit.source + "\u{0}" + unit.target
            if let position = positions[pair] {
                // Later units are older (or equally old with a lower id): the last one seen wins.
                if unit.created <= result[position].created { result[position] = unit }
            } else {
                positions[pair] = result.count
                result.append(unit)
            }
        }
        return result
    }

    /// The similarity a candidate search needs for `minimumScore` (1…99: 100 is exact).
    static func searchMinimum(_ minimumScore: Int) -> Int { min(max(minimumScore, 1), 99) }

    /// The fuzzy matches of `query` among the keys of `table` (see
    /// `TranslationMemory.fuzzyMatches`); `units(key)` returns the leverageable units of the
    /// query's locale pair whose normalized source is `key`, most recently changed first.
    static func fuzzyMatches(
        in table: MemoryKeyTable, for query: MemoryQuery, minimumScore: Int, limit: Int,
        scratch: inout FuzzySearchScratch, units: (String) throws -> [MemoryUnit]
    ) rethrows -> [MemoryMatch] {
        guard limit > 0 else { return [] }
        let symbols = table.symbolizer.symbols(of: query.sourceKey)
        let hits = table.index.search(symbols, minimum: searchMinimum(minimumScore), scratch: &scratch)
            .map { FuzzyKeyHit(key: table.keys[$0.entry], similarity: $0.similarity) }
        return try fuzzyMatches(hits: hits, for: query, minimumScore: minimumScore, limit: limit, units: units)
    }

    /// The fuzzy matches of `query` among the keys `hits` found (every key within the
    /// threshold; a key may come more than once, and keys without leverageable units are
    /// skipped, so an index may hold more keys than the memory has).
    static func fuzzyMatches(
        hits: [FuzzyKeyHit], for query: MemoryQuery, minimumScore: Int, limit: Int, units: (String) throws -> [MemoryUnit]
    ) rethrows -> [MemoryMatch] {
        guard limit > 0 else { return [] }
        let minimum = searchMinimum(minimumScore)
        // Best similarity first. A penalty only lowers a score, so once `limit` units score at
        // least the next hit's similarity, no later hit can enter the result.
        let hits = hits.sorted { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.key < $1.key }
        let scorer = FuzzyScore(queryKey: query.sourceKey)
        var scored: [(key: String, score: Int, units: [MemoryUnit])] = []
        var floor = Int.min  // the score of the `limit`-th unit so far (Int.min: fewer than `limit`)
        var previousKey: String?
        for hit in hits {
            if hit.similarity < floor { break }
            let key = hit.key
            // The same key from two index segments (sorted next to each other: same similarity).
            if key == previousKey { continue }
            previousKey = key
            if key == query.sourceKey { continue }  // an exact match, offered by exactMatches
            let score = scorer.score(similarity: hit.similarity, candidateKey: key)
            guard score >= minimum, score >= floor else { continue }
            let found = distinctTranslations(try units(key))
            if found.isEmpty { continue }
            scored.append((key, score, found))
            scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.key < $1.key }
            var count = 0
            for entry in scored {
                count += entry.units.count
                if count >= limit {
                    floor = entry.score
                    break
                }
            }
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.key < $1.key }
        var result: [MemoryMatch] = []
        for entry in scored {
            for unit in entry.units {
                result.append(MemoryMatch(unit: unit, score: entry.score, kind: .fuzzy))
                if result.count == limit { return result }
            }
        }
        return result
    }
}
