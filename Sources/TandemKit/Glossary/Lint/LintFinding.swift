/// One problem found by `tandem glossary lint`, at a place in a glossary or segment file.
public struct LintFinding: Equatable, Sendable, CustomStringConvertible {
    public var location: SourceLocation
    public var rule: LintRule
    public var message: String

    public init(location: SourceLocation, rule: LintRule, message: String) {
        self.location = location
        self.rule = rule
        self.message = message
    }

    public var severity: LintSeverity { rule.severity }

    /// `file:line:col: error|warning: message [rule-id]`.
    public var description: String { "\(location): \(severity.rawValue): \(message) [\(rule.rawValue)]" }
}
