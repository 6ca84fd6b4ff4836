/// A save refused because the target failed its check: placeholder problems (always), or
/// glossary and number findings that were not confirmed. Nothing was written.
public struct TargetCheckFailure: Error, CustomStringConvertible {
    /// Where the segment is (its place in the segment file).
    public var location: SourceLocation
    public var check: TargetCheck

    public init(location: SourceLocation, check: TargetCheck) {
        self.location = location
        self.check = check
    }

    /// `file:line:col: error: …` per problem (placeholders are errors, findings warnings).
    public var description: String {
        let errors = check.placeholderProblems.map { "\(location): error: \($0)" }
        let warnings = check.findings.map { "\(location): warning: \($0.message) [\($0.rule)]" }
        return (errors + warnings).joined(separator: "\n")
    }
}
