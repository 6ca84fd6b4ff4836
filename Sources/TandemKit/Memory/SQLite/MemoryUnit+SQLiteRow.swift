import Foundation
internal import GRDB

extension MemoryUnit {
    /// A unit read from a row holding `SQLiteSchema.columns`.
    init(row: Row) throws {
        let sourceLocaleText: String = row["sourceLocale"]
        let targetLocaleText: String = row["targetLocale"]
        let stateText: String = row["state"]
        guard let sourceLocale = LocaleTag(sourceLocaleText), let targetLocale = LocaleTag(targetLocaleText),
              let state = SegmentState(rawValue: stateText)
        else {
            // The memory's path is filled in by `SQLiteMemory.read`, which knows it.
            throw TandemError.invalidStoredUnit(
                memory: "", id: row["id"] as Int64? ?? 0, message: "invalid locale or state")
        }
        // Keys come from the row: no normalization on the lookup path.
        self.init(
            id: row["id"], sourceLocale: sourceLocale, targetLocale: targetLocale, source: row["source"],
            target: row["target"], sourceKey: row["sourceKey"], previousKey: row["previousKey"], nextKey: row["nextKey"],
            originFile: row["originFile"], originSegment: row["originSegment"], creator: row["creator"],
            created: Date(timeIntervalSince1970: row["created"]), changed: Date(timeIntervalSince1970: row["changed"]),
            state: state)
    }

    /// The values of `SQLiteSchema.columns` after `id`, then `identity` and `lookup`, in order.
    var rowArguments: StatementArguments {
        [
            sourceLocale.identifier, targetLocale.identifier, source, target, sourceKey, previousKey, nextKey,
            originFile, originSegment, creator, created.timeIntervalSince1970, changed.timeIntervalSince1970,
            state.rawValue, identityHash, lookupHash,
        ]
    }

    /// `StableHash` of what makes two units the same unit: the locales, the source as written
    /// (not its matching key: `Select All` and `Select all` are two units, since matching may
    /// fold case but storage must not), the context keys and the target.
    var identityHash: Int64 { hashes.identity }

    /// `lookupHash` and `identityHash` in one pass: the identity's parts begin with the lookup's.
    var hashes: (lookup: Int64, identity: Int64) {
        let lookup = lookupHash
        return (lookup, Self.identityHash(lookup: lookup, source: source, previousKey: previousKey, nextKey: nextKey, target: target))
    }

    /// The identity hash from the lookup hash and the other identity columns.
    static func identityHash(lookup: Int64, source: String, previousKey: String, nextKey: String, target: String) -> Int64 {
        var hash = StableHash.extending(lookup, source)
        hash = StableHash.extending(StableHash.extending(hash, previousKey), nextKey)
        return StableHash.extending(hash, target)
    }

    /// `StableHash` of what an exact lookup asks for.
    var lookupHash: Int64 { Self.lookupHash(sourceLocale, targetLocale, sourceKey) }

    static func lookupHash(_ sourceLocale: LocaleTag, _ targetLocale: LocaleTag, _ sourceKey: String) -> Int64 {
        StableHash.of(sourceLocale.identifier, targetLocale.identifier, sourceKey)
    }
}
