/// What is wrong with a target's placeholders, judged against its source's codes
/// (`InlineCodeSet.problems(in:)`): build refuses the target, lint reports it.
public enum PlaceholderProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// In the target, not in the source.
    case unknown(Placeholder)
    /// More than once in the target (no code may be copied).
    case duplicated(Placeholder)
    /// In the source, not in the target, and not a code that may be deleted.
    case missing(Placeholder)
    /// The closing end of a pair before its opening end.
    case closedBeforeOpened(Placeholder)
    /// A pair closed while another pair opened inside it is still open (`{1}{2}{/1}{/2}`).
    case crossed(Placeholder, inside: Placeholder)

    /// The placeholder the problem is about.
    public var placeholder: Placeholder {
        switch self {
        case .unknown(let p), .duplicated(let p), .missing(let p), .closedBeforeOpened(let p), .crossed(let p, _): return p
        }
    }

    public var description: String {
        switch self {
        case .unknown(let p): return "placeholder \(p) is not in the source"
        case .duplicated(let p): return "placeholder \(p) appears more than once"
        case .missing(let p): return "placeholder \(p) of the source is missing"
        case .closedBeforeOpened(let p): return "placeholder \(p) closes before it opens"
        case .crossed(let p, let inner): return "placeholder \(p) closes while \(inner), opened after it, is still open (pairs must nest)"
        }
    }
}
