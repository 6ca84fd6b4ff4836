/// The warnings of a long import, counted by reason with the first few kept whole: a memory of
/// a million single-language units must not hold a million messages.
public struct WarningTally: Equatable, Sendable, Codable {
    /// How many warnings were counted.
    public private(set) var count = 0
    /// Each reason with its count, in order of first appearance.
    public private(set) var reasons: [Reason] = []
    /// The first `keptLimit` warnings, with their positions.
    public private(set) var first: [ImportWarning] = []

    /// One reason and how often it was given.
    public struct Reason: Equatable, Sendable, Codable {
        public var reason: String
        public var count: Int
    }

    /// How many warnings are kept whole.
    public static let keptLimit = 100

    public init() {}

    public mutating func add(_ warning: ImportWarning) {
        count += 1
        if first.count < Self.keptLimit { first.append(warning) }
        if let index = reasons.firstIndex(where: { $0.reason == warning.reason }) {
            reasons[index].count += 1
        } else {
            reasons.append(Reason(reason: warning.reason, count: 1))
        }
    }

    public mutating func add(contentsOf other: WarningTally) {
        count += other.count
        first += other.first.prefix(Self.keptLimit - first.count)
        for reason in other.reasons {
            if let index = reasons.firstIndex(where: { $0.reason == reason.reason }) {
                reasons[index].count += reason.count
            } else {
                reasons.append(reason)
            }
        }
    }

    /// `N skipped: a × reason, b × reason` (the most frequent reason first), or nil when empty.
    public func summary(verb: String = "skipped") -> String? {
        guard count > 0 else { return nil }
        let ordered = reasons.enumerated()
            .sorted { $0.element.count != $1.element.count ? $0.element.count > $1.element.count : $0.offset < $1.offset }
            .map { "\($0.element.count) × \($0.element.reason)" }
        return "\(count) \(verb): " + ordered.joined(separator: ", ")
    }
}
