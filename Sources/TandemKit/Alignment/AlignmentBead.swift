/// One step of an alignment: consecutive source items paired with consecutive target items
/// (1-1, 2-1, 1-2, 2-2), or items of one side left unpaired (1-0, 0-1).
public struct AlignmentBead: Equatable, Sendable {
    /// Indices of the source items.
    public var source: Range<Int>
    /// Indices of the target items.
    public var target: Range<Int>
    /// What the aligner paid for it: lower is more certain (about 0.1 for a clear 1-1).
    public var cost: Double

    public init(source: Range<Int>, target: Range<Int>, cost: Double) {
        self.source = source
        self.target = target
        self.cost = cost
    }

    /// Whether both sides have items.
    public var isPair: Bool { !source.isEmpty && !target.isEmpty }
}
