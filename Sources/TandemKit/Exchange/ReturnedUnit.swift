/// A translation unit as a translator's tool sent it back, in Tandem's placeholder text.
public struct ReturnedUnit: Equatable, Sendable {
    /// The segment id (`trans-unit@id`, PO `msgctxt`).
    public var id: String
    /// Where the unit starts in the returned file.
    public var location: SourceLocation
    /// The source as returned, with placeholders (nil when the file has none).
    public var source: String?
    /// The target with placeholders, nil when the unit has no target.
    public var target: String?
    /// The state the tool gave the target, in Tandem's terms (nil when the file says nothing).
    public var state: SegmentState?
    /// The target the unit had when Tandem exported it (nil when the file does not say).
    public var exportedTarget: String?
    /// Why the unit cannot be read as Tandem text (an unknown inline element, text that reads
    /// as a placeholder): such a unit is quarantined, never applied.
    public var problems: [String]
    /// The translator's notes on the unit (XLIFF `<note>`s other than Tandem's own glossary and
    /// tool notes, PO translator comments), in order; the notes Tandem exported come back too.
    public var notes: [String] = []

    public init(id: String, location: SourceLocation, source: String? = nil, target: String? = nil,
                state: SegmentState? = nil, exportedTarget: String? = nil, problems: [String] = []) {
        self.id = id
        self.location = location
        self.source = source
        self.target = target
        self.state = state
        self.exportedTarget = exportedTarget
        self.problems = problems
    }
}
