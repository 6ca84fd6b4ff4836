import ArgumentParser
import Foundation
import TandemKit

/// `tandem tm rebuild`: the memory again from the text files.
struct TMRebuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Recreate the memory from locales/**/*.json and tm/*.tmx.",
        discussion: """
            Text files are the truth; the database is derived. Rebuild reads every segment file under locales/<TAG>/ (segments translated, reviewed or final, with their neighbours as context, and obsolete ones without context) and every TMX file in tm/, into a new database that replaces the old one only when complete. It holds the project lock meanwhile, so extract, build, import and saves of set, review and translate wait for it; on a SQLite memory it first takes the memory's lock (<memory>.lock beside the file), which every run that has the memory open shares: it waits for them (an open translate session too: close it first, or the wait ends after TANDEM_LOCK_TIMEOUT seconds, 600 by default, with an error naming it), and lookups, imports and sessions started meanwhile wait for it.

            On a PostgreSQL memory (memory: postgres://… or --memory postgres://…), rebuild deletes every unit of the memory's table and stores the project's units again, in one transaction: other clients keep seeing the old units until it commits, their writes (a tm import) wait for it and then add to the rebuilt units, and nothing changes when it fails. Units that other projects sharing that memory added are gone afterwards; rebuild a shared memory from the project that holds all of its text files.

            Examples:
              tandem tm rebuild
              tandem tm rebuild --memory /tmp/check.sqlite
              tandem tm rebuild --memory postgres://tandem@db.example/team
            """
    )

    @OptionGroup var memoryOptions: MemoryOptions

    @OptionGroup var output: OutputOptions

    @OptionGroup var progressOptions: ProgressOptions

    func run() throws {
        let address = try memoryOptions.resolvedAddress()
        let verbose = Terminal.standardError.isTerminal && !progressOptions.quiet && output.selected != .json
        let rebuild = MemoryRebuild(projectRoot: memoryOptions.projectRoot)
        // Rebuild reads every segment file and then replaces the memory: an `extract` or
        // `import` between the two would see its units dropped, so the project's writers wait.
        let summary = try rebuild.replacing(
            address, waiting: LockWaitNotice.sayForMemory,
            lockingProject: ProjectLocator.projectRoot(from: WorkingDirectory.url), waitingForProject: LockWaitNotice.say
        ) { line in
            if verbose { Terminal.standardError.write(line + "\n") }
        }
        switch output.selected {
        case .text:
            Terminal.standardOutput.write("""
                \(address): \(CountedNoun.phrase(summary.units, "unit")) from \(CountedNoun.phrase(summary.segmentFiles, "segment file")) \
                (\(CountedNoun.phrase(summary.segmentUnits, "translated segment"))) and \(CountedNoun.phrase(summary.tmxFiles, "TMX file")) \
                (\(CountedNoun.phrase(summary.tmxUnits, "unit")))

                """)
        case .json:
            Terminal.standardOutput.write(try JSONText.string(summary) + "\n")
        }
    }
}
