/// What `tandem import` did with returned files: applied, unchanged, quarantined (never applied).
public struct ImportReport: Codable, Equatable, Sendable {
    /// A unit that was not applied, and why.
    public struct Quarantined: Codable, Equatable, Sendable {
        /// Where the unit is in the returned file (`file:line:col`).
        public var location: String
        public var post: String
        public var id: String
        public var reason: Reason
        public var detail: String
    }

    /// Why a unit was quarantined.
    public enum Reason: String, Codable, Sendable, CaseIterable {
        /// The id is not a segment of the post (any more).
        case unknownUnit = "unknown-unit"
        /// The same id twice in the returned file.
        case duplicateUnit = "duplicate-unit"
        /// The source differs from the post's current source: it changed since export.
        case staleSource = "stale-source"
        /// Placeholders lost, invented, duplicated or misnested.
        case inlineCodes = "inline-codes"
        /// Text that would break the post's shape or the site (a blank line, a code fence, a
        /// typed shortcode): `TargetTextProblem`, as `set` and `build` judge it.
        case unsafeText = "unsafe-text"
        /// The unit cannot be read as Tandem text (unknown markup, text that reads as a code).
        case unreadable
        /// The segment's target was changed in Tandem since export; the returned one would overwrite it.
        case conflict
        /// The segment is `final`: never overwritten by an import.
        case final
    }

    public var files: [String] = []
    public var applied = 0
    public var unchanged = 0
    /// Exported units the files did not return, or returned without a target.
    public var untranslated = 0
    /// Translator notes added to segments (XLIFF `<note>`, PO translator comments).
    public var notesAdded = 0
    public var quarantined: [Quarantined] = []
    /// Segment files written (none on a dry run).
    public var segmentFilesWritten: [String] = []
    public var dryRun = false

    public init() {}

    /// Quarantined units counted by reason.
    public var quarantinedByReason: [Reason: Int] {
        quarantined.reduce(into: [:]) { $0[$1.reason, default: 0] += 1 }
    }
}
