/// What is wrong with a target before it is saved: the same judgements build and
/// `glossary lint` make. Placeholder problems and unsafe text always stop a save (build would
/// refuse the target, or Hugo the page); glossary and number findings stop it until someone
/// confirms them.
public struct TargetCheck: Equatable, Sendable, Encodable {
    /// Placeholders lost, invented, duplicated or misnested (`InlineCodeSet.problems(in:)`),
    /// then text that would break the post or the site (`TargetTextProblem`: a blank line, a
    /// typed shortcode): what no confirmation lets through.
    public var placeholderProblems: [String]
    /// Glossary terms missing, forbidden variants, keep-terms altered, numbers missing.
    public var findings: [Finding]

    /// One glossary or number finding.
    public struct Finding: Equatable, Sendable, Encodable {
        /// The lint rule id (`forbidden-variant`, `term-missing`, `number-missing` …).
        public var rule: String
        public var message: String
    }

    /// Rules whose findings `placeholderProblems` already holds.
    static let placeholderRules: Set<LintRule> = [.placeholderLost, .placeholderAdded, .placeholderMisnested, .targetUnsafeText]

    /// Checks `target` as the translation of `segment` (its `lintDisable` list respected).
    public init(target: String, for segment: SegmentEntry, linter: TranslationLinter) {
        placeholderProblems = segment.inlineCodes.problems(in: target).map(\.description)
            + TargetTextProblem.problems(in: target, source: segment.source).map(\.description)
        var candidate = segment
        candidate.target = target
        findings = linter.lint(segment: candidate, at: SourceLocation(file: "", line: 1, column: 1))
            .filter { !Self.placeholderRules.contains($0.rule) }
            .map { Finding(rule: $0.rule.rawValue, message: $0.message) }
    }

    /// Nothing found.
    public var isClean: Bool { placeholderProblems.isEmpty && findings.isEmpty }

    /// Every problem as one line each, placeholders first.
    public var messages: [String] {
        placeholderProblems + findings.map { "\($0.message) [\($0.rule)]" }
    }
}
