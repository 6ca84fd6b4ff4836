/// What importing a memory file did (TMX, or a bilingual XLIFF or PO file).
public struct TMXImportSummary: Equatable, Sendable, Codable {
    /// Units read: `<tu>` elements, XLIFF units, PO entries.
    public var translationUnits = 0
    /// Memory units stored for the first time (one per target variant of a `<tu>`).
    public var inserted = 0
    /// Memory units that were already there (duplicates in the file or from an earlier import).
    public var updated = 0
    /// Units with no usable pair (a single variant, an empty source or target, no target, a
    /// code Tandem cannot map).
    public var skipped = 0
    /// Why they were skipped, with the first ones' positions.
    public var warnings = WarningTally()
    /// Memory units by language pair as stored (`zh-CN → en-US`), for a TMX file.
    public var pairs: [String: Int] = [:]

    /// Counts one unit stored in `source` → `target`.
    mutating func notePair(_ source: LocaleTag, _ target: LocaleTag) {
        pairs["\(source.identifier) → \(target.identifier)", default: 0] += 1
    }

    public init() {}
}
