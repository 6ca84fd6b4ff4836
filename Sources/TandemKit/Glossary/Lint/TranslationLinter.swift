import Foundation

/// Checks the translations of one segment file against a glossary: required targets,
/// forbidden variants, keep-terms, numbers and placeholders. Only segments with a target are
/// checked; rules listed in a segment's `lintDisable` (or the file's) are skipped.
public struct TranslationLinter: Sendable {
    public let glossary: Glossary
    let matcher: GlossaryMatcher
    /// Matches every forbidden target spelling; entry `i` belongs to glossary entry `forbiddenOwners[i]`.
    let forbiddenMatcher: GlossaryMatcher
    let forbiddenOwners: [Int]

    /// The id that switches every rule off.
    public static let allRules = "all"

    public init(glossary: Glossary) {
        self.glossary = glossary
        matcher = GlossaryMatcher(glossary: glossary)
        let requiredKeys = Set(glossary.entries.compactMap { $0.requiredTarget.map(Normalizer.matchingKey) })
        var variants: [GlossaryEntry] = []
        var owners: [Int] = []
        for (index, entry) in glossary.entries.enumerated() {
            for variant in entry.forbiddenTargets {
                // A variant that differs from a required target only in case ("Ernie Bot" vs
                // "ERNIE Bot") is forbidden in exactly that case.
                let caseOnly = requiredKeys.contains(Normalizer.matchingKey(variant))
                variants.append(GlossaryEntry(source: variant, target: variant, kind: .forbidden, isCaseSensitive: caseOnly))
                owners.append(index)
            }
        }
        forbiddenMatcher = GlossaryMatcher(entries: variants, keys: variants.map(\.source))
        forbiddenOwners = owners
    }

    /// The findings for one segment, located at `location` (its target value in the file).
    public func lint(segment: SegmentEntry, at location: SourceLocation, disabled fileDisabled: Set<String> = []) -> [LintFinding] {
        guard let target = segment.target else { return [] }
        let disabled = fileDisabled.union(segment.lintDisable ?? [])
        if disabled.contains(Self.allRules) { return [] }
        var findings: [LintFinding] = []
        func report(_ rule: LintRule, _ message: String) {
            if !disabled.contains(rule.rawValue) { findings.append(LintFinding(location: location, rule: rule, message: message)) }
        }
        let folded = MatchingText(target)
        let targetBytes = Array(target.utf8)
        let sourceBytes = Array(segment.source.utf8)

        // The source's own spelling of each term (Traditional 英偉達 for the glossary's 英伟达):
        // findings name the term as the segment writes it.
        var writtenInSource: [Int: String] = [:]
        for match in matcher.matches(in: segment.source) {
            let found = String(decoding: sourceBytes[match.range], as: UTF8.self)
            for index in match.entryIndices where writtenInSource[index] == nil { writtenInSource[index] = found }
            let entries = match.entryIndices.map { glossary.entries[$0] }
            let required = entries.filter { $0.kind != .forbidden }
            guard !required.isEmpty else { continue }
            if required.contains(where: { $0.kind == .keep }) {
                let term = required.first { $0.kind == .keep }!.source
                let exact = Normalizer.normalize(term, to: .nfkc)
                let spellings = folded.occurrences(of: MatchingText.key(term)).map { range -> String in
                    let slice = targetBytes[folded.originalRange(range)]
                    return slice.withUnsafeBufferPointer { GlossaryMatcher.removingPairedPlaceholders($0) }
                }
                if spellings.contains(where: { Normalizer.normalize($0, to: .nfkc) == exact }) { continue }
                if let other = spellings.first {
                    report(.keepAltered, "keep-term '\(term)' is written '\(other)' in the target; keep it exactly as '\(term)'")
                } else {
                    report(.keepAltered, "keep-term '\(term)' is missing from the target; keep it unchanged")
                }
                continue
            }
            let targets = required.compactMap(\.requiredTarget)
            if !targets.contains(where: { Self.isWritten($0, in: folded) }) {
                let expected = targets.map { "'\($0)'" }.joined(separator: " or ")
                report(.termMissing, "'\(found)' should be translated as \(expected), which is not in the target")
            }
        }

        // A forbidden spelling the source itself holds is copied, not chosen: `aliyun.com` in
        // `请打开 aliyun.com 的控制台` stays `aliyun.com` in any translation (a helper's finding:
        // such a segment could only be saved with --force, and lint failed on it for good).
        // Each written exactly as in the source, and as often: "Aliyun" in a target whose
        // source holds only `aliyun.com` is still the translator's choice.
        var copiedFromSource: [String: Int] = [:]
        for match in forbiddenMatcher.matches(in: segment.source) {
            copiedFromSource[String(decoding: sourceBytes[match.range], as: UTF8.self), default: 0] += 1
        }
        for match in forbiddenMatcher.matches(in: target) {
            let written = String(decoding: targetBytes[match.range], as: UTF8.self)
            if let copies = copiedFromSource[written], copies > 0 {
                copiedFromSource[written] = copies - 1
                continue
            }
            let ownerIndex = forbiddenOwners[match.entryIndices[0]]
            let owner = glossary.entries[ownerIndex]
            let instead = owner.requiredTarget.map { "; write '\($0)'" } ?? ""
            report(.forbiddenVariant, "'\(written)' is a forbidden variant for '\(writtenInSource[ownerIndex] ?? owner.source)'\(instead)")
        }

        for number in NumberCheck.missing(source: segment.source, target: target) {
            report(.numberMissing, "the number '\(number.text)' of the source is not in the target (value \(Self.format(number.value)))")
        }

        // The same judgements build makes (`TargetTextProblem`, `InlineCodeSet.expand`): what
        // build refuses, lint reports.
        if let problem = TargetTextProblem.problems(in: target, source: segment.source).first {
            report(.targetUnsafeText, "\(problem)")
        }
        let codes = segment.inlineCodes
        for problem in codes.problems(in: target) {
            switch problem {
            case .missing(let placeholder):
                let code = codes[placeholder].map { $0.originalData.isEmpty ? "" : " (\($0.originalData))" } ?? ""
                report(.placeholderLost, "placeholder \(placeholder)\(code) of the source is missing from the target")
            case .unknown(let placeholder):
                report(.placeholderAdded, "placeholder \(placeholder) is in the target but not in the source")
            case .duplicated(let placeholder):
                report(.placeholderAdded, "placeholder \(placeholder) is in the target more than once")
            case .closedBeforeOpened, .crossed:
                report(.placeholderMisnested, "\(problem)")
            }
        }
        return findings
    }

    /// Whether required target `target` is in the folded translation, as written or in an
    /// English plural ("shortcodes" for "shortcode", "companies" for "company").
    static func isWritten(_ target: String, in folded: MatchingText) -> Bool {
        let key = MatchingText.key(target)
        if !folded.occurrences(of: key, inflected: true).isEmpty { return true }
        guard key.count > 2, key.last == UInt16(UInt8(ascii: "y")), MatchingText.isWord(key[key.count - 2]) else { return false }
        return !folded.occurrences(of: key.dropLast() + Array("ies".utf16)).isEmpty
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e18 ? String(Int64(value)) : String(value)
    }
}
