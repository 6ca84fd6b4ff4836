import Foundation

extension MemoryUnit {
    /// The columns a unit is read from, in the order `init(_:row:)` expects (times as seconds
    /// since 1970, microsecond precision).
    static let postgreSQLColumns = """
        id, source_locale, target_locale, source, target, source_key, previous_key, next_key, origin_file,
        origin_segment, creator, extract(epoch FROM created)::float8, extract(epoch FROM changed)::float8, state
        """

    /// The unit in `row` of `result`, which holds `postgreSQLColumns`.
    init(_ result: PostgreSQLResult, row: Int) throws {
        guard let sourceLocale = LocaleTag(result.string(row, 1)), let targetLocale = LocaleTag(result.string(row, 2)),
              let state = SegmentState(rawValue: result.string(row, 13))
        else {
            throw PostgreSQLError(message: "unit \(result.int64(row, 0)) has an invalid locale or state")
        }
        // Keys come from the row: no normalization on the lookup path.
        self.init(
            id: result.int64(row, 0), sourceLocale: sourceLocale, targetLocale: targetLocale, source: result.string(row, 3),
            target: result.string(row, 4), sourceKey: result.string(row, 5), previousKey: result.string(row, 6),
            nextKey: result.string(row, 7), originFile: result.text(row, 8), originSegment: result.text(row, 9),
            creator: result.text(row, 10), created: Date(timeIntervalSince1970: result.double(row, 11)),
            changed: Date(timeIntervalSince1970: result.double(row, 12)), state: state)
    }

    /// Whether `other` is the same unit: equal locales, normalized source, context keys and
    /// target, compared byte for byte (as the server's identity digest compares them).
    func hasSameIdentity(as other: MemoryUnit) -> Bool {
        sourceLocale == other.sourceLocale && targetLocale == other.targetLocale
            && source.utf8.elementsEqual(other.source.utf8) && previousKey.utf8.elementsEqual(other.previousKey.utf8)
            && nextKey.utf8.elementsEqual(other.nextKey.utf8) && target.utf8.elementsEqual(other.target.utf8)
    }
}
