import ArgumentParser
import Foundation
import TandemKit

/// Where the translation memory is: `--memory PATH`, else the `memory:` of the project's
/// `tandem.yml` (found from the current directory upwards; default `.tandem/memory.sqlite`),
/// else `.tandem/memory.sqlite` in the current directory when there is no project.
struct MemoryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The memory database (default: memory: in tandem.yml, .tandem/memory.sqlite).", valueName: "PATH"))
    var memory: String?

    var projectRoot: URL {
        ProjectLocator.projectRoot() ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }

    /// The database file to open.
    func resolvedPath() throws -> String {
        if let memory { return memory }
        guard ProjectLocator.projectRoot() != nil else { return SQLiteMemory.defaultPath(projectRoot: projectRoot) }
        return try Project.open().memoryPath()
    }

    func open() throws -> SQLiteMemory { try SQLiteMemory(path: resolvedPath()) }

    /// A locale option's value as a tag, or a usage error naming the option.
    static func tag(_ value: String?, option: String) throws -> LocaleTag? {
        guard let value else { return nil }
        guard let tag = LocaleTag(value) else {
            throw TandemError.usage("\(option): '\(value)' is not a BCP 47 language tag such as zh-CN or en")
        }
        return tag
    }
}
