import ArgumentParser
import Foundation
import TandemKit

/// `tandem tm import`: TMX files, and bilingual XLIFF and PO files, into the memory.
struct TMImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add the units of TMX files, and of bilingual XLIFF and PO files, to the memory.",
        discussion: """
            Reads TMX 1.1 to 1.4b as OmegaT, Trados, memoQ, Okapi or Translate Toolkit (po2tmx) write it, in UTF-8 or UTF-16 (with or without a byte order mark): inline codes (bpt/ept/it/ph/ut) become placeholders {1}…{/1} and {2/}; text that only looks like one (OmegaT's `Error {0}: {1}`) stays text and is exported as text. The source language of each unit is its own srclang, else the header's when a variant has it, else the first variant's (po2tmx writes srclang="en" whatever the language: --source-locale overrides). Sources are stored as written: units that differ only in case or width stay two units (lookups still match either).

            Also reads bilingual files as a memory, by extension: XLIFF 1.2 (.xlf, .xliff, and Trados .sdlxliff and memoQ .mqxliff, which are XLIFF 1.2 with extensions), XLIFF 2.x, and gettext .po. Each unit with a target becomes a memory unit, its inline codes placeholders; the language pair is the file's, or --source-locale and --target-locale.

            Several imports into one memory run at once. An import and a tm rebuild of the same SQLite memory take turns (the memory's lock, <memory>.lock beside the file; an import says `waiting for the memory lock: pid … (tandem tm rebuild)` and waits up to TANDEM_LOCK_TIMEOUT seconds, default 600), so the rebuilt memory holds all of the import's units (read from its copy in tm/, or added after the rebuild) or, with --no-keep, all or none of them.

            CAT tools write regional tags (en-US): in a project, units stored in a pair the project never looks up only because of a region get a warning naming the option that maps them (--target-locale en).

            Importing a unit twice keeps one copy. Units with no usable pair (one language, no target, a code Tandem cannot number) are skipped: the summary line ends with `N skipped: reasons`, and --json lists the first ones with their positions. Files whose DOCTYPE declares entities are refused (exit 2), as is any malformed XML, with its file, line and column.

            Text files are the truth: in a project, each imported file is kept in tm/ (a TMX copied as it is; with --source-locale or --target-locale, rewritten with those languages on every unit; an XLIFF or PO file written as a TMX of its units, named after it) so that `tandem tm rebuild` recreates its units. A file in tm/ already is not copied (with --source-locale or --target-locale its copy is rewritten), and a different file of the same name there is never overwritten: the import is refused. --no-keep, or a --memory other than the project's, adds to the memory only.

            Examples:
              tandem tm import vendor.tmx
              tandem tm import --source-locale zh-CN po2tmx-output.tmx
              tandem tm import --target-locale en trados-en-US.tmx
              tandem tm import project.sdlxliff handoff.mqxliff
              tandem tm import --source-locale en --target-locale de messages.po
              tandem tm import --memory /tmp/team.sqlite a.tmx b.tmx
              tandem tm import --memory postgres://tandem@db.example/team vendor.tmx
            """
    )

    @OptionGroup var memoryOptions: MemoryOptions

    @Option(help: ArgumentHelp(
        "The source language of every unit, overriding the file; a unit with no variant in TAG takes its only variant in TAG's language (zh-TW for zh-CN) as the source, stored as TAG.",
        valueName: "TAG"))
    var sourceLocale: LocaleTag?

    @Option(help: ArgumentHelp(
        "The target language of an XLIFF or PO file's units, overriding the file; in a TMX, the variants in a region of its language (en-US, en-GB for en) are stored as TAG.",
        valueName: "TAG"))
    var targetLocale: LocaleTag?

    @Flag(help: "Add to the memory only; do not keep a copy in the project's tm/ (tm rebuild then forgets these units).")
    var noKeep = false

    @OptionGroup var output: OutputOptions

    @OptionGroup var progressOptions: ProgressOptions

    @Argument(help: "TMX, XLIFF (.xlf, .xliff, .sdlxliff, .mqxliff) or PO files to import.")
    var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one TMX, XLIFF or PO file to import") }
    }

    /// How many skipped units of each file are printed with their positions (--json lists 100).
    static let warningsShown = 5

    func run() throws {
        let address = try memoryOptions.resolvedAddress()
        let reports = try importFiles(into: address)
        switch output.selected {
        case .text:
            for report in reports {
                let s = report.summary
                var line = "\(report.file): \(CountedNoun.phrase(s.translationUnits, "translation unit")), \(s.inserted) new, \(s.updated) already known"
                if let kept = report.kept, kept != report.file { line += "; kept as \(kept)" }
                if let skipped = s.warnings.summary() { line += "; " + skipped }
                Terminal.standardOutput.write(line + "\n")
                for warning in s.warnings.first.prefix(Self.warningsShown) { Terminal.standardError.write("warning: \(warning)\n") }
                for warning in unservedPairs(report) { Terminal.standardError.write("\(report.file): warning: \(warning)\n") }
            }
            // Several files: the reasons of all of them at the end.
            var all = WarningTally()
            for report in reports { all.add(contentsOf: report.summary.warnings) }
            if reports.count > 1, let total = all.summary() { Terminal.standardOutput.write("in all, " + total + "\n") }
        case .json:
            Terminal.standardOutput.write(try JSONText.string(reports) + "\n")
        }
    }

    /// Refuses, before anything is opened or kept, a file that is not there (planning its copy
    /// in tm/ met it first, and said so as a raw Foundation error) and a SQLite memory (a team
    /// moving to PostgreSQL imported `.tandem/memory.sqlite`, and was told of invalid UTF-8).
    static func refuseUnimportable(_ files: [String]) throws {
        for file in files {
            guard let handle = FileHandle(forReadingAtPath: file) else {
                throw TandemError.unreadable(path: file, reason: FileManager.default.fileExists(atPath: file) ? "permission denied" : "no such file")
            }
            defer { try? handle.close() }
            let start = (try? handle.read(upToCount: 16)) ?? nil
            if let start, start == Data("SQLite format 3\u{0}".utf8) {
                throw TandemError.invalidValue(
                    SourceLocation(file: file, line: 1, column: 1),
                    message: "this is a SQLite memory, not a TMX, XLIFF or PO file; export it (`tandem tm export --memory \(file) -o memory.tmx`) and import that")
            }
        }
    }

    /// Keeps each file in tm/ (when the project does) and adds its units to the memory at `address`.
    private func importFiles(into address: MemoryAddress) throws -> [ImportReport] {
        let override = sourceLocale
        try Self.refuseUnimportable(files)
        // Opened first, under the memory's shared lock (`MemoryFileLock`), which the memory
        // holds until it is closed at the end of this function: a `tm rebuild` of a SQLite
        // memory renames a new file over it, so the import waits for a running rebuild, and a
        // rebuild waits for the import from before its first file is kept in tm/.
        let memory = try address.open(waiting: LockWaitNotice.sayForMemory)
        // Every copy is planned before anything is stored: a name clash in tm/ stops the import.
        let folder = try keptFolder(memory: address)
        // Bilingual files are read first: keeping one in tm/ compares its units.
        let bilingual: [BilingualMemoryFile?] = try files.map { file in
            let url = URL(fileURLWithPath: file)
            guard BilingualMemoryFile.isBilingualFile(url) else { return nil }
            return try BilingualMemoryFile(url: url, displayPath: file, sourceLocale: override, targetLocale: targetLocale)
        }
        let plans: [ProjectTMXFolder.Plan?]
        do {
            plans = try zip(files, bilingual).map { file, read in
                try folder.map { folder in
                    if let read { return try folder.plan(for: URL(fileURLWithPath: file), units: read.units) }
                    return try folder.plan(for: URL(fileURLWithPath: file), rewriting: override != nil || targetLocale != nil)
                }
            }
        } catch let error as TandemError {
            guard case .alreadyExists = error else { throw error }
            throw CommandLineError(
                error, hint: "to add it to the memory only, pass --no-keep (then `tandem tm rebuild` forgets its units)")
        }
        var reports: [ImportReport] = []
        for ((file, plan), read) in zip(zip(files, plans), bilingual) {
            let started = Date()
            let url = URL(fileURLWithPath: file)
            // The copy in tm/ first, then the units: a memory that cannot take them (a full
            // disk) removes the copy made for them, so the project is as it was; a copy that
            // cannot be written stops before the memory changes.
            var kept: String?
            var copied: URL?
            if let folder, let plan {
                switch plan {
                case .alreadyKept(let existing):
                    kept = folder.relativePath(existing)
                case .copy(let destination):
                    if let read {
                        try folder.keep(read.units, at: destination, toolVersion: TandemCommand.version)
                    } else {
                        try folder.keep(url, at: destination, sourceLocale: override, targetLocale: targetLocale, toolVersion: TandemCommand.version)
                    }
                    kept = folder.relativePath(destination)
                    copied = destination
                }
            }
            let summary: TMXImportSummary
            do {
                if let read {
                    summary = try memory.importBilingualFile(read)
                } else {
                    let progress = progressOptions.progress(total: nil, label: "\(file): units", json: output.selected == .json)
                    summary = try memory.importTMX(
                        from: url, displayPath: file, sourceLocale: override, targetLocale: targetLocale, progress: progress.update)
                    progress.finish()
                }
            } catch {
                if let copied { unlink(copied.path) }
                throw error
            }
            reports.append(ImportReport(file: file, summary: summary, kept: kept, seconds: Date().timeIntervalSince(started)))
        }
        return reports
    }

    /// A TMX's language pairs that the project's pairs miss only by a region (`en-US` units
    /// where the project translates into `en`): `extract` never uses them, so say how to map
    /// them. Nothing outside a project or for pairs in other languages.
    private func unservedPairs(_ report: ImportReport) -> [String] {
        guard let root = ProjectLocator.projectRoot(from: WorkingDirectory.url),
              let project = try? Project.open(configFile: ProjectLayout(root: root).configurationFile) else { return [] }
        let source = project.configuration.source
        let served = Set(project.configuration.targets.map { "\(source.identifier) → \($0.identifier)" })
        var warnings: [String] = []
        for (pair, count) in report.summary.pairs.sorted(by: { $0.key < $1.key }) where !served.contains(pair) {
            let tags: [LocaleTag] = pair.components(separatedBy: " → ").compactMap { LocaleTag($0) }
            guard tags.count == 2, tags[0].language == source.language,
                  let near = project.configuration.targets.first(where: { $0.language == tags[1].language }) else { continue }
            var options: [String] = []
            if tags[0] != source { options.append("--source-locale \(source.identifier)") }
            if tags[1] != near { options.append("--target-locale \(near.identifier)") }
            let units: String = CountedNoun.phrase(count, "unit")
            warnings.append(
                "\(units) stored as \(pair), which the project (\(source.identifier) → \(near.identifier)) never looks up; "
                    + "import the file again with \(options.joined(separator: " ")) to store them as its pair "
                    + "(its copy in tm/ is rewritten so; `tandem tm rebuild` then drops the units stored as \(tags[1].identifier))")
        }
        return warnings
    }

    /// The project's tm/ folder when imports are kept there: inside a project, writing to the
    /// project's own memory, without --no-keep.
    private func keptFolder(memory: MemoryAddress) throws -> ProjectTMXFolder? {
        guard !noKeep, let root = ProjectLocator.projectRoot(from: WorkingDirectory.url) else { return nil }
        let project = try Project.open(configFile: ProjectLayout(root: root).configurationFile)
        guard memory.isSameMemory(as: project.memoryAddress()) else { return nil }
        project.removeStaleTemporaryFiles()
        return ProjectTMXFolder(projectRoot: root)
    }
}

/// One imported file, for JSON output.
struct ImportReport: Encodable {
    var file: String
    var summary: TMXImportSummary
    /// Where the file is kept in the project (`tm/…`), when it is.
    var kept: String?
    var seconds: Double
}
