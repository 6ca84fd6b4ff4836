import ArgumentParser
import Foundation
import TandemKit

/// Where the translation memory is: `--memory PATH|URL`, else the `memory:` of the project's
/// `tandem.yml` (found from the current directory upwards; default `.tandem/memory.sqlite`),
/// else `.tandem/memory.sqlite` in the current directory when there is no project. A
/// `postgres://` or `postgresql://` URL names a shared PostgreSQL memory.
struct MemoryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The memory: a SQLite file, or a shared PostgreSQL memory as postgres://user[:password]@host[:port]/database (default: memory: in tandem.yml, .tandem/memory.sqlite).",
        valueName: "PATH|URL"))
    var memory: String?

    /// The project's root, or the current directory outside a project.
    var projectRoot: URL {
        ProjectLocator.projectRoot(from: WorkingDirectory.url) ?? WorkingDirectory.url
    }

    /// The memory to open.
    func resolvedAddress() throws -> MemoryAddress {
        if let memory { return try MemoryAddress.checked(memory, relativeTo: WorkingDirectory.url) }
        guard ProjectLocator.projectRoot(from: WorkingDirectory.url) != nil else {
            return .sqlite(path: ProjectLayout(root: projectRoot).defaultMemoryFile.path)
        }
        return try Project.open(searchingFrom: WorkingDirectory.url).memoryAddress()
    }

    func open() throws -> any TranslationMemory { try resolvedAddress().open(waiting: LockWaitNotice.sayForMemory) }
}
