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

    var projectRoot: URL {
        ProjectLocator.projectRoot() ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }

    /// The memory to open.
    func resolvedAddress() throws -> MemoryAddress {
        let currentDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        if let memory { return MemoryAddress(memory, relativeTo: currentDirectory) }
        guard ProjectLocator.projectRoot() != nil else { return .sqlite(path: SQLiteMemory.defaultPath(projectRoot: projectRoot)) }
        return try Project.open().memoryAddress()
    }

    func open() throws -> any TranslationMemory { try resolvedAddress().open() }

    /// A locale option's value as a tag, or a usage error naming the option.
    static func tag(_ value: String?, option: String) throws -> LocaleTag? {
        guard let value else { return nil }
        guard let tag = LocaleTag(value) else {
            throw TandemError.usage("\(option): '\(value)' is not a BCP 47 language tag such as zh-CN or en")
        }
        return tag
    }
}
