import ArgumentParser
import Foundation
import TandemKit

/// `tandem tm import`: TMX files into the memory.
struct TMImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add the units of TMX 1.4 files to the memory.",
        discussion: """
            Reads TMX as OmegaT, Trados, memoQ or Translate Toolkit (po2tmx) write it: inline codes (bpt/ept/it/ph) become placeholders {1}…{/1} and {2/}; the source language of each unit is its own srclang, else the header's when a variant has it, else the first variant's (po2tmx writes srclang="en" whatever the language: --source-locale overrides). Importing a unit twice keeps one copy. Files whose DOCTYPE declares entities are refused (exit 2), as is any malformed XML, with its line and column.

            Text files are the truth: in a project, each imported file is kept in tm/ (copied as it is; with --source-locale, rewritten with that source language on every unit) so that `tandem tm rebuild` recreates its units. A file in tm/ already is not copied, and a different file of the same name there is never overwritten: the import is refused. --no-keep, or a --memory other than the project's, adds to the memory only.

            Examples:
              tandem tm import vendor.tmx
              tandem tm import --source-locale zh-CN po2tmx-output.tmx
              tandem tm import --memory /tmp/team.sqlite a.tmx b.tmx
              tandem tm import --memory postgres://tandem@db.example/team vendor.tmx
            """
    )

    @OptionGroup var memoryOptions: MemoryOptions

    @Option(help: ArgumentHelp("The source language of every unit, overriding the file.", valueName: "TAG"))
    var sourceLocale: LocaleTag?

    @Flag(help: "Add to the memory only; do not keep a copy in the project's tm/ (tm rebuild then forgets these units).")
    var noKeep = false

    @OptionGroup var output: OutputOptions

    @Argument(help: "TMX files to import.")
    var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one TMX file to import") }
    }

    func run() throws {
        let override = sourceLocale
        let address = try memoryOptions.resolvedAddress()
        let memory = try address.open()
        // Every copy is planned before anything is stored: a name clash in tm/ stops the import.
        let folder = try keptFolder(memory: address)
        let plans: [ProjectTMXFolder.Plan?]
        do {
            plans = try files.map { file in try folder.map { try $0.plan(for: URL(fileURLWithPath: file)) } }
        } catch let error as TandemError {
            guard case .alreadyExists = error else { throw error }
            throw CommandLineError(
                error, hint: "to add it to the memory only, pass --no-keep (then `tandem tm rebuild` forgets its units)")
        }
        let showsProgress = Terminal.standardError.isTerminal
        var reports: [ImportReport] = []
        for (file, plan) in zip(files, plans) {
            let started = Date()
            let url = URL(fileURLWithPath: file)
            let summary = try memory.importTMX(from: url, displayPath: file, sourceLocale: override) { units in
                if showsProgress { Terminal.standardError.write("\r\(file): \(units) units…") }
            }
            if showsProgress { Terminal.standardError.write("\r\u{1B}[K") }
            var kept: String?
            if let folder, let plan {
                switch plan {
                case .alreadyKept(let existing):
                    kept = folder.relativePath(existing)
                case .copy(let destination):
                    try folder.keep(url, at: destination, sourceLocale: override, toolVersion: TandemCommand.version)
                    kept = folder.relativePath(destination)
                }
            }
            reports.append(ImportReport(file: file, summary: summary, kept: kept, seconds: Date().timeIntervalSince(started)))
        }
        switch output.selected {
        case .text:
            for report in reports {
                let s = report.summary
                var line = "\(report.file): \(s.translationUnits) translation units, \(s.inserted) new, \(s.updated) already known"
                if s.skipped > 0 { line += ", \(s.skipped) skipped (no source or no translation)" }
                if let kept = report.kept, kept != report.file { line += "; kept as \(kept)" }
                Terminal.standardOutput.write(line + "\n")
            }
        case .json:
            Terminal.standardOutput.write(try JSONText.string(reports) + "\n")
        }
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
