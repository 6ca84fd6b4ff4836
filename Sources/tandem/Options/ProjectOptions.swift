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
        let project = try config.map { try Project.open(configFile: URL(fileURLWithPath: $0)) }
            ?? Project.open(searchingFrom: WorkingDirectory.url)
        project.removeStaleTemporaryFiles()
        return project
    }

    /// `value` as JSON, or `text` for people.
    func emit<T: Encodable>(_ value: T, text: () -> String) throws {
        switch output.selected {
        case .json: Terminal.standardOutput.write(try JSONText.string(value) + "\n")
        case .text: Terminal.standardOutput.write(text())
        }
    }
}
