import ArgumentParser
import Foundation
import TandemKit

/// `tandem tm rebuild`: the memory again from the text files.
struct TMRebuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Recreate the memory from locales/**/*.json and tm/*.tmx.",
        discussion: """
            Text files are the truth; the database is derived. Rebuild reads every segment file under locales/<TAG>/ (segments translated, reviewed or final, with their neighbours as context, and obsolete ones without context) and every TMX file in tm/, into a new database that replaces the old one only when complete.

            On a PostgreSQL memory (memory: postgres://… or --memory postgres://…), rebuild deletes every unit of the memory's table and stores the project's units again, in one transaction: other clients keep seeing the old units until it commits, and nothing changes when it fails. Units that other projects sharing that memory added are gone afterwards; rebuild a shared memory from the project that holds all of its text files.

            Examples:
              tandem tm rebuild
              tandem tm rebuild --memory /tmp/check.sqlite
              tandem tm rebuild --memory postgres://tandem@db.example/team
            """
    )

    @OptionGroup var memoryOptions: MemoryOptions

    @OptionGroup var output: OutputOptions

    func run() throws {
        let address = try memoryOptions.resolvedAddress()
        let verbose = Terminal.standardError.isTerminal
        let rebuild = MemoryRebuild(projectRoot: memoryOptions.projectRoot)
        let progress: (String) -> Void = { line in
            if verbose { Terminal.standardError.write(line + "\n") }
        }
        let summary: MemoryRebuild.Summary
        switch address {
        case .sqlite(let path):
            summary = try rebuildFile(at: URL(fileURLWithPath: path), rebuild, progress: progress)
        case .postgreSQL(let url):
            let memory = try PostgreSQLMemory(url: url)
            summary = try memory.inOneTransaction { try rebuild.run(into: memory, progress: progress) }
        }
        switch output.selected {
        case .text:
            Terminal.standardOutput.write("""
                \(address): \(summary.units) units from \(summary.segmentFiles) segment files \
                (\(summary.segmentUnits) translated segments) and \(summary.tmxFiles) TMX files (\(summary.tmxUnits) units)

                """)
        case .json:
            Terminal.standardOutput.write(try JSONOutput.encode(summary) + "\n")
        }
    }

    /// A new SQLite file next to `destination`, renamed over it when complete.
    private func rebuildFile(
        at destination: URL, _ rebuild: MemoryRebuild, progress: @escaping (String) -> Void
    ) throws -> MemoryRebuild.Summary {
        try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).rebuild-\(UUID().uuidString)")
        func removeTemporary() {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temporary.path + suffix) }
        }
        defer { removeTemporary() }
        let memory = try SQLiteMemory(path: temporary.path)
        let summary = try rebuild.run(into: memory, progress: progress)
        try memory.close()
        // The old database's WAL must not be applied to the new file.
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: destination.path + suffix) }
        guard rename(temporary.path, destination.path) == 0 else {
            throw TandemError.unwritable(path: destination.path, reason: String(cString: strerror(errno)))
        }
        return summary
    }
}
