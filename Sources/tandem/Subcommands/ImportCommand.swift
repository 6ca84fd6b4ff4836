import ArgumentParser
import Foundation
import TandemKit

/// `tandem import`: takes back XLIFF or PO files from translators.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Apply translations returned in XLIFF 1.2, XLIFF 2.0/2.1 or PO files to the segment files.",
        discussion: """
            The format is read from the file (XLIFF 1.2 or 2.x by the root's version, else PO). Every file is checked before anything is written: well-formed, no entity declarations, posts inside the content directory, the project's languages. A unit is applied only when its id is a segment of the post, its source is unchanged since export, its inline codes are the source's (none lost, invented, duplicated or misnested) and its segment was not edited in Tandem meanwhile; any other unit is quarantined (listed with its id and reason) and keeps its previous target. A unit returned as the tool pre-filled it (its source, still needs-translation) is untranslated and never replaces a target. A unit whose sentence was edited since export is stale-source, naming the new text, and its translation is kept for the memory, which offers it for the new text. Translators' notes (XLIFF <note>, PO # comments) are added to the segment. Applied targets get origin xliff and go into the memory. Exit status 1 when a unit was quarantined.

            Examples:
              tandem import en.xlf
              tandem import --dry-run --json returned/*.xlf
              tandem import en.po
            """
    )

    @OptionGroup var options: ProjectOptions

    @OptionGroup var progressOptions: ProgressOptions

    @Flag(help: "Report what would be applied; write nothing.")
    var dryRun = false

    @Flag(help: "Do not add the applied translations to the translation memory.")
    var noMemory = false

    @Argument(help: "Returned XLIFF 1.2, XLIFF 2.x or PO files.")
    var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one returned XLIFF or PO file") }
    }

    func run() throws {
        let (project, lock) = try options.openLockedProject(command: "tandem import", usingMemory: !(noMemory || dryRun))
        defer { lock.release() }
        let memory = noMemory || dryRun ? nil : try project.openMemory(waiting: LockWaitNotice.sayForMemory)
        // The number of posts is known only once a file is read: a count, not a bar.
        let progress = progressOptions.progress(total: nil, label: "posts checked", json: options.output.selected == .json)
        let report = try ExchangeImport(project: project, memory: memory)
            .run(files.map { URL(fileURLWithPath: $0) }, dryRun: dryRun, progress: progress.update)
        progress.finish()
        try options.emit(report) {
            var text = ""
            for unit in report.quarantined {
                text += "\(unit.location): warning: unit \(unit.id) quarantined (\(unit.reason.rawValue)): \(unit.detail)\n"
            }
            let reasons = report.quarantinedByReason.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.value) \($0.key.rawValue)" }
            text += "\(report.dryRun ? "would apply" : "applied") \(report.applied), unchanged \(report.unchanged), untranslated \(report.untranslated), quarantined \(report.quarantined.count)"
            text += reasons.isEmpty ? "" : " (\(reasons.joined(separator: ", ")))"
            text += report.notesAdded > 0 ? "; \(CountedNoun.phrase(report.notesAdded, "translator note")) kept\n" : "\n"
            return text
        }
        if !report.quarantined.isEmpty { throw ExitCode(1) }
    }
}
