import ArgumentParser
import Foundation
import TandemKit

/// Flags every project command shares.
struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The project file to use instead of the nearest tandem.yml.", valueName: "file"))
    var config: String?

    @OptionGroup var output: OutputOptions

    /// The project, with the temporary files of killed earlier runs removed.
    func openProject() throws -> Project {
        let project = try loadProject()
        project.removeStaleTemporaryFiles()
        return project
    }

    private func loadProject() throws -> Project {
        try config.map { try Project.open(configFile: URL(fileURLWithPath: $0)) }
            ?? Project.open(searchingFrom: WorkingDirectory.url)
    }

    /// The project, locked for `command` (`tandem extract`) until the lock is released or the
    /// process ends: for the commands that write segment files or built posts. A busy lock is
    /// said once on standard error, with its holder, and waited for (`ProjectLock`). A command
    /// `usingMemory` takes the memory's lock first, which a `tm rebuild` holds (`MemoryFileLock`).
    func openLockedProject(command: String, usingMemory: Bool = false) throws -> (Project, ProjectLock) {
        let project = try loadProject()
        let lock = try ProjectLock(
            projectRoot: project.root, command: command, memory: usingMemory ? project.memoryAddress() : nil,
            waiting: LockWaitNotice.say, waitingForMemory: LockWaitNotice.sayForMemory)
        project.removeStaleTemporaryFiles()
        return (project, lock)
    }

    /// `value` as JSON, or `text` for people.
    func emit<T: Encodable>(_ value: T, text: () -> String) throws {
        switch output.selected {
        case .json: Terminal.standardOutput.write(try JSONText.string(value) + "\n")
        case .text: Terminal.standardOutput.write(text())
        }
    }

    /// `value` as `json` writes it (the same bytes as `JSONText`, made faster), or `text` for people.
    func emit<T: Encodable>(_ value: T, json: () throws -> String, text: () -> String) throws {
        switch output.selected {
        case .json: Terminal.standardOutput.write(try json() + "\n")
        case .text: Terminal.standardOutput.write(text())
        }
    }
}
