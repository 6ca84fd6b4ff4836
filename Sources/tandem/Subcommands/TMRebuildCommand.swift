import ArgumentParser
import Foundation
import TandemKit

/// `tandem tm rebuild`: the memory again from the text files.
struct TMRebuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Recreate the memory from locales/**/*.json and tm/*.tmx.",
        discussion: """
            Text files are the truth; the database is derived. Rebuild reads every segment file under locales/<TAG>/ (segments translated, reviewed or final, with their neighbours as context) and every TMX file in tm/, into a new database that replaces the old one only when complete.

            Examples:
              tandem tm rebuild
              tandem tm rebuild --memory /tmp/check.sqlite
            """
    )

    @OptionGroup var memoryOptions: MemoryOptions

    @OptionGroup var output: OutputOptions

    func run() throws {
        let destination = URL(fileURLWithPath: try memoryOptions.resolvedPath())
        try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).rebuild-\(UUID().uuidString)")
        func removeTemporary() {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temporary.path + suffix) }
        }
        let summary: MemoryRebuild.Summary
        do {
            let memory = try SQLiteMemory(path: temporary.path)
            let verbose = Terminal.standardError.isTerminal
            summary = try MemoryRebuild(projectRoot: memoryOptions.projectRoot).run(into: memory) { line in
                if verbose { Terminal.standardError.write(line + "\n") }
            }
            try memory.close()
            // The old database's WAL must not be applied to the new file.
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: destination.path + suffix) }
            guard rename(temporary.path, destination.path) == 0 else {
                throw TandemError.unwritable(path: destination.path, reason: String(cString: strerror(errno)))
            }
        } catch {
            removeTemporary()
            throw error
        }
        removeTemporary()
        switch output.selected {
        case .text:
            Terminal.standardOutput.write("""
                \(try memoryOptions.resolvedPath()): \(summary.units) units from \(summary.segmentFiles) segment files \
                (\(summary.segmentUnits) translated segments) and \(summary.tmxFiles) TMX files (\(summary.tmxUnits) units)

                """)
        case .json:
            Terminal.standardOutput.write(try JSONOutput.encode(summary) + "\n")
        }
    }
}
