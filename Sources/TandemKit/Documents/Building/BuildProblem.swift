/// Why a translated post cannot be built from its segments.
public enum BuildProblem: Error, Equatable, CustomStringConvertible {
    /// A segment has no usable target and source fallback is off.
    case missingTarget(segmentID: String, location: String)
    /// A target's placeholders do not match its source's.
    case placeholders(segmentID: String, location: String, problem: PlaceholderProblem)
    /// A target's text would break the post's structure (a NUL, a blank line, a code fence).
    case unsafeText(segmentID: String, location: String, problem: TargetTextProblem)

    public var segmentID: String {
        switch self {
        case .missingTarget(let id, _), .placeholders(let id, _, _), .unsafeText(let id, _, _): return id
        }
    }

    public var description: String {
        switch self {
        case .missingTarget(let id, let location): return "segment \(id) (\(location)) has no translation"
        case .placeholders(let id, let location, let problem): return "segment \(id) (\(location)): \(problem)"
        case .unsafeText(let id, let location, let problem): return "segment \(id) (\(location)): \(problem)"
        }
    }
}
