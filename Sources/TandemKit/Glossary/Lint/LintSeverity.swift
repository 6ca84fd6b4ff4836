/// How serious a lint finding is; `--severity` sets the level at which lint exits 1.
public enum LintSeverity: String, Codable, Sendable, CaseIterable, Comparable {
    case warning, error

    public static func < (lhs: LintSeverity, rhs: LintSeverity) -> Bool { lhs == .warning && rhs == .error }
}
