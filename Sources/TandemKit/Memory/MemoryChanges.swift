/// What a memory gained since a `MemoryMark`: the normalized sources (`MemoryUnit.sourceKey`)
/// of the units added or changed in place (refreshed, updated), by locale pair.
///
/// A lookup of a sentence whose key is none of these, nor fuzzily close to one, returns what it
/// returned at the mark: its exact matches are the units of its key, its fuzzy ones the units of
/// the keys within the minimum score, and no unit of those was added, changed or removed.
public struct MemoryChanges: Equatable, Sendable {
    /// By their bytes (`UTF8Key`): keys are normalized, and hashing 118k Chinese `String`s (a
    /// 5,000-post extract's own write) normalized each of them again.
    private var keys: [LocalePair: Set<UTF8Key>] = [:]
    /// How many keys changed, counted once per locale pair.
    public private(set) var count = 0

    public init() {}

    /// The keys of `units` (a write whose units are known: `extract`'s own).
    init(units: [MemoryUnit]) {
        for unit in units {
            if keys[LocalePair(source: unit.sourceLocale, target: unit.targetLocale), default: []].insert(UTF8Key(unit.sourceKey)).inserted { count += 1 }
        }
    }

    /// The changed keys of units from `sourceLocale` to `targetLocale`.
    public func keys(sourceLocale: LocaleTag, targetLocale: LocaleTag) -> Set<String> {
        Set(keyList(sourceLocale: sourceLocale, targetLocale: targetLocale))
    }

    /// `keys(sourceLocale:targetLocale:)` as an array, without hashing each key as a `String`.
    func keyList(sourceLocale: LocaleTag, targetLocale: LocaleTag) -> [String] {
        (keys[LocalePair(source: sourceLocale, target: targetLocale)] ?? []).map(\.text)
    }

    public var isEmpty: Bool { keys.isEmpty }

    /// Records a changed key of units stored with these locale identifiers (one that does not
    /// parse cannot be looked up, and is left out).
    mutating func insert(sourceLocale: String, targetLocale: String, key: String) {
        guard let source = LocaleTag(sourceLocale), let target = LocaleTag(targetLocale) else { return }
        if keys[LocalePair(source: source, target: target), default: []].insert(UTF8Key(key)).inserted { count += 1 }
    }
}
