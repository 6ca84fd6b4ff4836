/// What importing a TMX file did.
public struct TMXImportSummary: Equatable, Sendable, Codable {
    /// `<tu>` elements read.
    public var translationUnits = 0
    /// Memory units stored for the first time (one per target variant of a `<tu>`).
    public var inserted = 0
    /// Memory units that were already there (duplicates in the file or from an earlier import).
    public var updated = 0
    /// `<tu>` elements with no usable pair (a single variant, or an empty source or target).
    public var skipped = 0

    public init() {}
}
