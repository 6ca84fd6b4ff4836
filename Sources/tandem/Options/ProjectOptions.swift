import ArgumentParser
import Foundation
import TandemKit

/// Flags every project command shares.
struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The project file to use instead of the nearest tandem.yml.", valueName: "file"))
    var config: String?

    @OptionGroup var output: OutputOptions

    func openProject() throws -> Project {
        if let config { return try Project.open(configFile: URL(fileURLWithPath: config)) }
        return try Project.open(searchingFrom: WorkingDirectory.url)
    }

    /// `value` as JSON, or `text` for people.
    func emit<T: Encodable>(_ value: T, text: () -> String) throws {
        switch output.selected {
        case .json: Terminal.standardOutput.write(try JSONText.string(value) + "\n")
        case .text: Terminal.standardOutput.write(text())
        }
    }
}
