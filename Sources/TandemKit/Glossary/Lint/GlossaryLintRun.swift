import Foundation

/// One run of `tandem glossary lint` over paths: glossary files (`.tsv`, `.csv`, `.tbx`) are
/// linted themselves; segment files (`.json`) are linted against the glossary of their
/// language pair (`glossaries/<source>/<target>.*` of their project, plus any glossary file
/// named on the command line for that pair), and the same source translated two ways across
/// all of them is reported.
///
/// Pseudo-translated segments are checked only by the rules `build` enforces too (placeholders,
/// unsafe text) unless `includesPseudo`.
///
/// Switching rules off: a segment's `lintDisable` list, a top-level `"lintDisable"` list in a
/// segment file, or a `# lint-disable: rule-id, rule-id` line in a TSV glossary (`all` switches
/// every rule off).
public struct GlossaryLintRun {
    /// Where relative paths start, where the project is looked for when no path is named, and
    /// what paths in findings are relative to (the command's current directory).
    public let workingDirectory: URL
    /// Whether pseudo-translations (`"origin": "pseudo"`, written by `tandem pseudo`) are
    /// checked by every rule. By default only by what `build` refuses too (placeholders, unsafe
    /// text): they are layout tests, every term in them is "missing", and the wording findings
    /// would drown those on real translations.
    public let includesPseudo: Bool

    public init(workingDirectory: URL, includesPseudo: Bool = false) {
        self.workingDirectory = workingDirectory.standardizedFileURL
        self.includesPseudo = includesPseudo
    }

    /// Every finding for `paths` (the project's glossaries/ and locales/ when empty), sorted
    /// by file, line and column. Throws `TandemError` on unreadable or malformed input.
    public func findings(paths: [String]) throws -> [LintFinding] {
        var unused: [(source: LocaleTag, target: LocaleTag)] = []
        return try findings(paths: paths, pairsWithoutGlossary: &unused)
    }

    /// `findings(paths:)`, and the language pairs of the segment files checked whose glossary
    /// has no entry (no file, or an empty one): their terms were not checked, which a CI gate
    /// passing in silence would hide.
    public func findings(paths: [String], pairsWithoutGlossary: inout [(source: LocaleTag, target: LocaleTag)]) throws -> [LintFinding] {
        let (glossaryFiles, segmentFiles) = try collectFiles(paths)
        // The projects linted: a tandem.yml that every other command stops at must stop the CI
        // gate too, or a broken file passes it green (a helper's finding).
        let directories = paths.isEmpty ? [workingDirectory] : Set((glossaryFiles + segmentFiles).map { $0.deletingLastPathComponent() }).sorted { $0.path < $1.path }
        let projectRoots = Set(directories.compactMap { ProjectLocator.projectRoot(from: $0)?.standardizedFileURL })
        for root in projectRoots.sorted(by: { $0.path < $1.path }) {
            _ = try ProjectConfiguration.load(ProjectLayout(root: root).configurationFile)
        }
        var findings: [LintFinding] = []
        var glossaries: [String: Glossary] = [:]
        for file in glossaryFiles {
            let glossary = try Glossary.read(file, displayPath: display(file))
            glossaries[file.path] = glossary
            let disabled = try Self.fileDisabledRules(glossaryFile: file)
            if disabled.contains(TranslationLinter.allRules) { continue }
            findings += GlossaryLinter.lint(glossary, file: display(file), disabled: disabled)
        }

        var linters: [String: TranslationLinter] = [:]
        var firstTranslation: [String: (location: SourceLocation, target: String, key: String)] = [:]
        for file in segmentFiles {
            let bytes = try TextFile.readBytes(file)
            // Decoded as every command decodes a segment file: the same error for the same bad file.
            let segmentFile = try SegmentFileStore.decode(bytes, path: display(file))
            let fileDisabled = Set(segmentFile.lintDisable ?? [])
            let pair = "\(segmentFile.sourceLocale)\u{0}\(segmentFile.targetLocale)"
            if linters[pair] == nil {
                let pairGlossary = try glossary(for: segmentFile, file: file, explicit: glossaries)
                if pairGlossary.entries.isEmpty { pairsWithoutGlossary.append((segmentFile.sourceLocale, segmentFile.targetLocale)) }
                linters[pair] = TranslationLinter(glossary: pairGlossary)
            }
            let linter = linters[pair]!
            let positions = SegmentFilePositions(bytes)
            let lines = LineTable(bytes)
            for (index, segment) in segmentFile.segments.enumerated() {
                guard let target = segment.target else { continue }
                let position = lines.position(of: positions.offset(ofSegmentAt: index))
                let location = SourceLocation(file: display(file), line: position.line, column: position.column)
                // A pseudo-translation is still built (layout tests), so what build refuses is
                // still reported; its wording is not a translation's.
                let skipsWording = segment.origin == .pseudo && !includesPseudo
                findings += linter.lint(segment: segment, at: location, disabled: skipsWording ? fileDisabled.union(Self.wordingRules) : fileDisabled)
                if skipsWording { continue }

                let disabled = fileDisabled.union(segment.lintDisable ?? [])
                guard !disabled.contains(LintRule.inconsistentTranslation.rawValue), !disabled.contains(TranslationLinter.allRules) else { continue }
                // The memory's key: a Traditional and a Simplified copy of one sentence are one
                // sentence to the memory (both exact matches), so they are one here too.
                let key = "\(segmentFile.targetLocale)\u{0}\(Normalizer.memoryKey(segment.source))"
                let targetKey = Normalizer.matchingKey(target)
                if let first = firstTranslation[key] {
                    if first.key != targetKey {
                        findings.append(LintFinding(
                            location: location, rule: .inconsistentTranslation,
                            message: "'\(segment.source)' is translated '\(target)' here but '\(first.target)' at \(first.location)"))
                    }
                } else {
                    firstTranslation[key] = (location, target, targetKey)
                }
            }
        }
        return findings.sorted {
            ($0.location.file, $0.location.line, $0.location.column, $0.rule.rawValue) < ($1.location.file, $1.location.line, $1.location.column, $1.rule.rawValue)
        }
    }

    /// The rules about what a translation says, which a pseudo-translation is not checked by
    /// unless `includesPseudo`.
    static let wordingRules: Set<String> = Set([LintRule.termMissing, .forbiddenVariant, .keepAltered, .numberMissing, .inconsistentTranslation].map(\.rawValue))

    /// Rule ids from `# lint-disable: a, b` lines of a TSV glossary.
    static func fileDisabledRules(glossaryFile: URL) throws -> Set<String> {
        guard Glossary.FileFormat(path: glossaryFile.path) == .tsv else { return [] }
        let text = try TextFile.readUTF8(glossaryFile)
        var rules = Set<String>()
        for line in text.split(whereSeparator: \.isNewline) where line.hasPrefix("#") {
            let body = line.dropFirst().trimmingCharacters(in: .whitespaces)
            guard body.hasPrefix("lint-disable:") else { continue }
            for rule in body.dropFirst("lint-disable:".count).split(separator: ",") {
                rules.insert(rule.trimmingCharacters(in: .whitespaces))
            }
        }
        return rules
    }

    func glossary(for segmentFile: SegmentFile, file: URL, explicit: [String: Glossary]) throws -> Glossary {
        let root = ProjectLocator.projectRoot(from: file.deletingLastPathComponent()) ?? workingDirectory
        var glossary = try Glossary.load(projectRoot: root, source: segmentFile.sourceLocale, target: segmentFile.targetLocale)
        let projectDirectory = ProjectLayout(root: root).glossaryDirectory(source: segmentFile.sourceLocale).standardizedFileURL.path
        for (path, other) in explicit.sorted(by: { $0.key < $1.key })
        where other.sourceLocale == segmentFile.sourceLocale && other.targetLocale == segmentFile.targetLocale
            && URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL.path != projectDirectory {
            glossary.entries += other.entries
        }
        return glossary
    }

    /// Glossary and segment files named by `paths`, directories searched recursively.
    func collectFiles(_ paths: [String]) throws -> (glossaries: [URL], segments: [URL]) {
        var roots: [URL] = paths.map {
            ($0.hasPrefix("/") ? URL(fileURLWithPath: $0) : workingDirectory.appendingPathComponent($0)).standardizedFileURL
        }
        if paths.isEmpty {
            let project = ProjectLayout(root: ProjectLocator.projectRoot(from: workingDirectory) ?? workingDirectory)
            roots = [project.glossariesDirectory, project.localesDirectory]
                .filter { FileManager.default.fileExists(atPath: $0.path) }
            if roots.isEmpty { throw TandemError.nothingToLint(searchedFrom: workingDirectory.path) }
        }
        var glossaries: [URL] = []
        var segments: [URL] = []
        for root in roots {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory) else {
                throw TandemError.unreadable(path: display(root), reason: "no such file or directory")
            }
            var files: [URL] = []
            if isDirectory.boolValue {
                // Hidden entries are Tandem's own bookkeeping, not segment files: the build
                // manifest `locales/.built.json` and the retired posts in `locales/<tag>/.archive/`.
                let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
                while let url = enumerator?.nextObject() as? URL { files.append(url.standardizedFileURL) }
                files = files.filter { Glossary.FileFormat(path: $0.path) != nil || $0.pathExtension == "json" }
                files = files.filter { $0.pathExtension != "xml" && $0.pathExtension != "txt" }
            } else {
                files = [root]
            }
            for file in files.sorted(by: { $0.path < $1.path }) {
                if file.pathExtension.lowercased() == "json" {
                    segments.append(file)
                } else if Glossary.FileFormat(path: file.path) != nil {
                    glossaries.append(file)
                } else {
                    throw TandemError.unsupportedFile(path: display(file), expected: "a glossary (.tsv, .csv, .tbx) or segment file (.json)")
                }
            }
        }
        // Sorted, so which translation counts as the first of a sentence does not depend on
        // the order paths were given in.
        return (glossaries, segments.sorted { $0.path < $1.path })
    }

    /// `url` relative to the working directory when it lies inside it.
    func display(_ url: URL) -> String { url.path(relativeTo: workingDirectory) }
}
