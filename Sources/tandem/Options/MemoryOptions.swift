import ArgumentParser
import Foundation
import TandemKit

/// Where the translation memory is: `--memory PATH`, or `.tandem/memory.sqlite` in the project
/// (the directory holding `tandem.yml`, found from the current directory upwards; the current
/// directory when there is none).
struct MemoryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The memory database (default: .tandem/memory.sqlite in the project).", valueName: "PATH"))
    var memory: String?

    var projectRoot: URL {
        ProjectLocator.projectRoot() ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }

    var path: String { memory ?? SQLiteMemory.defaultPath(projectRoot: projectRoot) }

    func open() throws -> SQLiteMemory { try SQLiteMemory(path: path) }

    /// A locale option's value as a tag, or a usage error naming the option.
    static func tag(_ value: String?, option: String) throws -> LocaleTag? {
        guard let value else { return nil }
        guard let tag = LocaleTag(value) else {
            throw TandemError.usage("\(option): '\(value)' is not a BCP 47 language tag such as zh-CN or en")
        }
        return tag
    }
}
