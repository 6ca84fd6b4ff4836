import Foundation

/// A translation memory: every translated sentence, found again by exact, in-context and fuzzy match.
///
/// The protocol is the whole contract a backend implements (the embedded `SQLiteMemory` and the
/// shared `PostgreSQLMemory`, which pass the same conformance suite); TMX import and export,
/// leverage and rebuilding are written once on top of it. Lookups only see units in state
/// `translated` or better. `MemoryAddress.open()` opens the one `tandem.yml` or `--memory` names.
///
/// Closed: only TandemKit's backends conform (`backend` returns a `MemoryBackend`, which only
/// TandemKit can make).
///
/// Unit identity: locales, normalized source, context keys and target. Adding a unit equal in
/// those refreshes the stored one (origin, creator, changed time, state) instead of adding a
/// duplicate, so importing the same TMX twice leaves the memory as it was.
public protocol TranslationMemory: AnyObject {
    /// Which backend this is (and the seal that keeps the protocol TandemKit's own).
    var backend: MemoryBackend { get }

    /// Adds or refreshes `units` in one transaction: either all are stored or none.
    @discardableResult
    func add(_ units: [MemoryUnit]) throws -> MemoryWriteSummary

    /// Replaces the stored unit with `unit.id` (which must be set).
    func update(_ unit: MemoryUnit) throws

    /// Units whose normalized source equals the query's, best first: in context (101) before
    /// exact (100), then most recently changed.
    func exactMatches(for query: MemoryQuery) throws -> [MemoryMatch]

    /// Units whose source is similar to the query's, scored 1 − edit distance / length (after
    /// penalties for differing numbers and placeholders), at least `minimumScore`, best first,
    /// at most `limit`. Exact matches are not repeated here. The candidate search is lossless:
    /// it returns what comparing the query with every unit would.
    func fuzzyMatches(for query: MemoryQuery, minimumScore: Int, limit: Int) throws -> [MemoryMatch]

    /// Calls `body` with every unit (of one locale pair when given), in id order, without
    /// holding them all in memory.
    func forEachUnit(
        sourceLocale: LocaleTag?, targetLocale: LocaleTag?, _ body: (MemoryUnit) throws -> Void
    ) throws

    /// Readies the memory for many lookups in one locale pair (a backend may load what they
    /// need into memory); returns how many units that took. Lookups work without it.
    @discardableResult
    func prepareLookups(sourceLocale: LocaleTag, targetLocale: LocaleTag) throws -> Int

    /// Readies the memory for the lookups `Leverage` makes for one segment file (`extract`
    /// calls it for every file, in runs of one post as of thousands): a backend loads only what
    /// a few lookups per file need. Lookups work without it.
    func prepareLeverage(sourceLocale: LocaleTag, targetLocale: LocaleTag) throws

    /// Where the memory stands now: what a later `changes(since:limit:)` starts from.
    func mark() throws -> MemoryMark

    /// The keys of the units added or changed in place (refreshed by `add`, `update`) since
    /// `mark`, by locale pair; nil when the memory cannot list them all: `mark` is of another
    /// memory, units were removed or became leverageable in place since (`removeAll`, `tm
    /// rebuild`), its log of changed keys no longer reaches back to `mark`, or more than `limit`
    /// keys changed. A caller then assumes every lookup may answer differently.
    func changes(since mark: MemoryMark, limit: Int) throws -> MemoryChanges?

    /// Unit counts.
    func statistics() throws -> MemoryStatistics

    /// The (source, target) locale pairs the memory holds, sorted; may list a pair whose units
    /// were deleted. Cheaper than `statistics()` where the backend keeps the list.
    func localePairs() throws -> [(source: String, target: String)]

    /// Deletes every unit (for `tandem tm rebuild`), in one transaction.
    func removeAll() throws

    /// Runs `body`, which adds about `expectedUnits` units in batches (an import), letting the
    /// backend prepare for a load that large and finish it at the end (the SQLite memory builds
    /// its index once instead of inserting into it). Each `add` keeps its own transaction.
    func bulkLoad<T>(expectedUnits: Int, _ body: () throws -> T) throws -> T
}

extension TranslationMemory {
    /// The pairs `statistics()` counts.
    public func localePairs() throws -> [(source: String, target: String)] {
        try statistics().pairs.map { (source: $0.sourceLocale, target: $0.targetLocale) }
    }

    /// Nothing to prepare: each lookup asks the backend.
    @discardableResult
    public func prepareLookups(sourceLocale: LocaleTag, targetLocale: LocaleTag) throws -> Int { 0 }

    /// What `prepareLookups` readies: a backend whose every lookup is a round trip (PostgreSQL)
    /// loads the pair once, whatever the run's size.
    public func prepareLeverage(sourceLocale: LocaleTag, targetLocale: LocaleTag) throws {
        try prepareLookups(sourceLocale: sourceLocale, targetLocale: targetLocale)
    }

    /// Nothing to prepare: the batches are added as they come.
    public func bulkLoad<T>(expectedUnits: Int, _ body: () throws -> T) throws -> T { try body() }

    /// The in-context match (101) for `query`, if there is one.
    public func contextMatch(for query: MemoryQuery) throws -> MemoryMatch? {
        try exactMatches(for: query).first { $0.kind == .inContext }
    }

    /// Exact and in-context matches followed by fuzzy ones, best first, at most `limit`.
    public func matches(for query: MemoryQuery, minimumScore: Int = 75, limit: Int = 5) throws -> [MemoryMatch] {
        var result = Array(try exactMatches(for: query).prefix(limit))
        if result.count < limit {
            result += try fuzzyMatches(for: query, minimumScore: minimumScore, limit: limit - result.count)
        }
        return result
    }
}
