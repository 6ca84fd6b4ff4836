/// A change to one segment, as a translator or reviewer makes it.
public struct SegmentUpdate: Equatable, Sendable {
    /// The new target; nil keeps the present one (to change the state or add a note).
    public var target: String?
    /// The state the segment gets; nil: `translated` with a new target, else unchanged.
    public var state: SegmentState?
    /// A note to append to the segment's notes.
    public var note: String?
    /// Save despite glossary and number findings (placeholder problems are never accepted).
    public var acceptsFindings: Bool
    /// Overwrite a `final` segment.
    public var overwritesFinal: Bool

    public init(target: String? = nil, state: SegmentState? = nil, note: String? = nil, acceptsFindings: Bool = false, overwritesFinal: Bool = false) {
        self.target = target
        self.state = state
        self.note = note
        self.acceptsFindings = acceptsFindings
        self.overwritesFinal = overwritesFinal
    }

    /// Marks a segment reviewed (its target checked again, kept as it is).
    public static func review(acceptsFindings: Bool = false) -> SegmentUpdate {
        SegmentUpdate(state: .reviewed, acceptsFindings: acceptsFindings)
    }

    /// Only appends a note.
    public static func note(_ text: String) -> SegmentUpdate {
        SegmentUpdate(note: text)
    }
}
