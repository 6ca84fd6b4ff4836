import ArgumentParser
import Foundation
import TandemKit

/// Flags of the commands that work on one locale's segments (`translate`, `next`, `set`,
/// `review`, `show`); those that print results add `OutputOptions` (`translate` prints none).
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The project file to use instead of the nearest tandem.yml.", valueName: "file"))
    var config: String?

    @Option(name: .shortAndLong, help: "The target locale (default: the project's only target).")
    var locale: LocaleTag?

    @Flag(help: "Neither look up the translation memory nor add saved translations to it.")
    var noMemory = false

    /// The workspace over `paths` (all posts when empty). Its saves hold the project lock under `command`'s name (`tandem set`), saying once on
    /// standard error when they wait for it.
    func openWorkspace(paths: [String] = [], command: String) throws -> SegmentWorkspace {
        let project = try config.map { try Project.open(configFile: URL(fileURLWithPath: $0)) }
            ?? Project.open(searchingFrom: WorkingDirectory.url)
        let tag: LocaleTag
        if let locale {
            try project.requireTargets([locale])
            tag = locale
        } else if project.configuration.targets.count == 1 {
            tag = project.configuration.targets[0]
        } else {
            throw TandemError.usage("name the locale with --locale (the project translates into \(project.configuration.targets.map(\.identifier).joined(separator: ", ")))")
        }
        let memory = noMemory ? nil : try project.openMemory(waiting: LockWaitNotice.sayForMemory)
        let workspace = try SegmentWorkspace(project: project, locale: tag, paths: paths, memory: memory)
        workspace.lockCommand = command
        workspace.waitingForLock = LockWaitNotice.say
        return workspace
    }
}
