import ArgumentParser
import Foundation
import TandemKit

/// `tandem tm export`: the memory as TMX.
struct TMExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the memory as a TMX 1.4b file.",
        discussion: """
            The file validates against the TMX 1.4b DTD (xmllint --dtdvalid tmx14.dtd). Placeholders become bpt/ept/it/ph codes; characters XML 1.0 cannot hold (BEL, ESC…) become <ph type="x-tandem-control"> codes that `tandem tm import` turns back into the character. The file is written atomically; an existing file is only replaced with --force.

            Examples:
              tandem tm export -o memory.tmx
              tandem tm export -o en.tmx --locale en
              tandem tm export -o memory.tmx --force
            """
    )

    @OptionGroup var memoryOptions: MemoryOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("The TMX file to write.", valueName: "FILE"))
    var output: String

    @Option(help: ArgumentHelp("Only units translated into this language.", valueName: "TAG"))
    var locale: LocaleTag?

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    func run() throws {
        let url = URL(fileURLWithPath: output)
        if FileManager.default.fileExists(atPath: url.path), !force {
            throw TandemError.unwritable(path: output, reason: "the file exists; use --force to replace it")
        }
        let memory = try memoryOptions.open()
        let count = try memory.exportTMX(to: url, targetLocale: locale, toolVersion: TandemCommand.version)
        Terminal.standardOutput.write("\(output): \(CountedNoun.phrase(count, "unit"))\n")
    }
}
