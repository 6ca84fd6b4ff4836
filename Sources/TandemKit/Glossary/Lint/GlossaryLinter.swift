import Foundation

/// Checks a term base itself: duplicates, conflicting targets, un-normalized text, keep
/// entries that change, nested terms that contradict each other, and the locale tags its path names.
public enum GlossaryLinter {
    /// The findings for `glossary`, read from `file`, minus the rules in `disabled`.
    public static func lint(_ glossary: Glossary, file: String, disabled: Set<String> = []) -> [LintFinding] {
        var findings: [LintFinding] = []
        func report(_ rule: LintRule, _ location: SourceLocation?, _ message: String) {
            guard !disabled.contains(rule.rawValue) else { return }
            findings.append(LintFinding(location: location ?? SourceLocation(file: file, line: 1, column: 1), rule: rule, message: message))
        }
        checkLocales(of: file, report)

        var firstBySource: [String: Int] = [:]
        var seen: [String: Int] = [:]
        for (index, entry) in glossary.entries.enumerated() {
            let location = entry.location
            let texts = [entry.source, entry.target] + entry.forbiddenVariants
            for text in texts {
                if !Normalizer.isNormalized(text, form: .nfc) {
                    report(.glossaryNotNFC, location, "'\(text)' is not in Unicode NFC; write it as '\(Normalizer.normalize(text, to: .nfc))'")
                }
                if let problem = whitespaceProblem(text) {
                    report(.glossaryWhitespace, location, "'\(text)' \(problem)")
                }
            }
            if entry.kind == .keep && entry.target != entry.source {
                report(.glossaryKeepTarget, location, "keep entry '\(entry.source)' has the different target '\(entry.target)'; a keep-term stays as it is")
            }
            let sourceKey = Normalizer.matchingKey(entry.source)
            let identity = "\(entry.kind.rawValue)\u{0}\(sourceKey)\u{0}\(Normalizer.matchingKey(entry.target))"
            if let first = seen[identity] {
                report(.glossaryDuplicate, location, "'\(entry.source)' → '\(entry.target)' repeats line \(line(glossary.entries[first]))")
                continue
            }
            seen[identity] = index
            // An admitted target is another accepted one, no conflict with the preferred.
            guard entry.kind != .forbidden, entry.kind != .admitted else { continue }
            if let first = firstBySource[sourceKey] {
                let other = glossary.entries[first]
                if Normalizer.matchingKey(other.requiredTarget ?? "") != Normalizer.matchingKey(entry.requiredTarget ?? "") {
                    report(.glossaryConflictingTargets, location,
                           "'\(entry.source)' → '\(entry.requiredTarget ?? "")' conflicts with line \(line(other)): '\(other.source)' → '\(other.requiredTarget ?? "")'")
                }
            } else {
                firstBySource[sourceKey] = index
            }
        }
        findings += overlapContradictions(glossary, file: file).filter { !disabled.contains($0.rule.rawValue) }
        return findings
    }

    static func line(_ entry: GlossaryEntry) -> Int { entry.location?.line ?? 0 }

    static func whitespaceProblem(_ text: String) -> String? {
        if let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
           first.properties.isWhitespace || last.properties.isWhitespace {
            return "has white space at an end"
        }
        if text.contains("  ") { return "has doubled spaces" }
        if text.unicodeScalars.contains(where: { $0.properties.isWhitespace && $0 != " " }) {
            return "has white space other than a plain space (U+0020)"
        }
        return nil
    }

    /// A term inside a longer term (阿里 in 阿里云) contradicts it when one requires a target
    /// the other forbids: whichever the matcher picks, the other entry is violated.
    static func overlapContradictions(_ glossary: Glossary, file: String) -> [LintFinding] {
        let matcher = GlossaryMatcher(glossary: glossary)
        var findings: [LintFinding] = []
        for (outerIndex, outer) in glossary.entries.enumerated() where outer.kind != .forbidden {
            for innerIndex in matcher.entriesContained(in: outer.source) where innerIndex != outerIndex {
                let inner = glossary.entries[innerIndex]
                guard inner.kind != .forbidden,
                      Normalizer.matchingKey(inner.source) != Normalizer.matchingKey(outer.source)
                else { continue }
                let pairs = [(outer, inner), (inner, outer)]
                for (required, forbidding) in pairs {
                    guard let target = required.requiredTarget else { continue }
                    let targetKey = Normalizer.matchingKey(target)
                    for variant in forbidding.forbiddenTargets where targetKey.contains(Normalizer.matchingKey(variant)) {
                        findings.append(LintFinding(
                            location: outer.location ?? SourceLocation(file: file, line: 1, column: 1),
                            rule: .glossaryOverlapContradiction,
                            message: "'\(outer.source)' contains '\(inner.source)': '\(required.source)' requires '\(target)' but '\(forbidding.source)' (line \(line(forbidding))) forbids '\(variant)'"))
                    }
                }
            }
        }
        return findings
    }

    /// Glossaries live at `glossaries/<source-tag>/<target-tag>.<ext>`: both tags must be
    /// well-formed and name a known language (and region, when there is one).
    static func checkLocales(of file: String, _ report: (LintRule, SourceLocation?, String) -> Void) {
        let url = URL(fileURLWithPath: file)
        let names = [url.deletingLastPathComponent().lastPathComponent, url.deletingPathExtension().lastPathComponent]
        for name in names {
            guard let tag = LocaleTag(name) else {
                report(.glossaryUnknownLocale, nil, "'\(name)' is not a BCP 47 locale tag; glossaries live at glossaries/<source-tag>/<target-tag>.tsv")
                continue
            }
            if let problem = unknownSubtag(tag) {
                report(.glossaryUnknownLocale, nil, "'\(tag)' \(problem)")
            }
        }
    }

    static let knownLanguages = Set(Locale.LanguageCode.isoLanguageCodes.map { $0.identifier.lowercased() })
    static let knownRegions = Set(Locale.Region.isoRegions.map { $0.identifier.uppercased() })

    /// Why `tag` is not a known locale, or nil.
    static func unknownSubtag(_ tag: LocaleTag) -> String? {
        if !knownLanguages.contains(tag.language) { return "names the unknown language '\(tag.language)'" }
        for subtag in tag.identifier.split(separator: "-").dropFirst() {
            if subtag.count == 2 || (subtag.count == 3 && subtag.allSatisfy(\.isNumber)) {
                if !knownRegions.contains(subtag.uppercased()) { return "names the unknown region '\(subtag)'" }
            }
        }
        return nil
    }
}
