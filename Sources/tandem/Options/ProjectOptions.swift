import ArgumentParser
import Foundation
import TandemKit

/// Flags every project command shares.
struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The project file to use instead of the nearest tandem.yml.", valueName: "file"))
    var config: String?

    @OptionGroup var output: OutputOptions

    func openProject() throws -> Project {
        try Project.open(configFile: config.map { URL(fileURLWithPath: $0) })
    }

    /// `value` as JSON, or `text` for people.
    func emit<T: Encodable>(_ value: T, text: () -> String) throws {
        switch output.selected {
        case .json: Terminal.standardOutput.write(try JSONOutput.encode(value) + "\n")
        case .text: Terminal.standardOutput.write(text())
        }
    }
}
