/// Something an import or conversion left out or changed and went on: an entry without a term
/// in the language pair, an empty `<term/>`, a memory unit without a translation. Refusals
/// stop the run (`TandemError`); warnings are counted and summed up at the end.
public struct ImportWarning: Equatable, Sendable, Codable, CustomStringConvertible {
    /// Where it was met.
    public var location: SourceLocation
    /// Why, in words that do not depend on the entry (`no term in es`), so equal reasons
    /// add up in `summary`.
    public var reason: String

    public init(location: SourceLocation, reason: String) {
        self.location = location
        self.reason = reason
    }

    public var description: String { "\(location): \(reason)" }

    /// `N skipped: a × reason, b × reason` (the most frequent reason first), or nil for none.
    public static func summary(_ warnings: [ImportWarning], verb: String = "skipped") -> String? {
        var tally = WarningTally()
        for warning in warnings { tally.add(warning) }
        return tally.summary(verb: verb)
    }
}
