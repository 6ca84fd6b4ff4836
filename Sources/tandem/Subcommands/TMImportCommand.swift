import ArgumentParser
import Foundation
import TandemKit

/// `tandem tm import`: TMX files into the memory.
struct TMImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add the units of TMX 1.4 files to the memory.",
        discussion: """
            Reads TMX as OmegaT, Trados, memoQ or Translate Toolkit (po2tmx) write it: inline codes (bpt/ept/it/ph) become placeholders {1}…{/1} and {2/}; the source language of each unit is its own srclang, else the header's when a variant has it, else the first variant's (po2tmx writes srclang="en" whatever the language: --source-locale overrides). Importing a unit twice keeps one copy. Files whose DOCTYPE declares entities are refused (exit 2), as is any malformed XML, with its line and column.

            Examples:
              tandem tm import vendor.tmx
              tandem tm import --source-locale zh-CN po2tmx-output.tmx
              tandem tm import --memory /tmp/team.sqlite a.tmx b.tmx
            """
    )

    @OptionGroup var memoryOptions: MemoryOptions

    @Option(help: ArgumentHelp("The source language of every unit, overriding the file.", valueName: "TAG"))
    var sourceLocale: String?

    @OptionGroup var output: OutputOptions

    @Argument(help: "TMX files to import.")
    var files: [String]

    func run() throws {
        guard !files.isEmpty else { throw TandemError.usage("name at least one TMX file to import") }
        let override = try MemoryOptions.tag(sourceLocale, option: "--source-locale")
        let memory = try memoryOptions.open()
        let showsProgress = Terminal.standardError.isTerminal
        var reports: [ImportReport] = []
        for file in files {
            let started = Date()
            let summary = try memory.importTMX(from: URL(fileURLWithPath: file), displayPath: file, sourceLocale: override) { units in
                if showsProgress { Terminal.standardError.write("\r\(file): \(units) units…") }
            }
            if showsProgress { Terminal.standardError.write("\r\u{1B}[K") }
            reports.append(ImportReport(file: file, summary: summary, seconds: Date().timeIntervalSince(started)))
        }
        switch output.selected {
        case .text:
            for report in reports {
                let s = report.summary
                var line = "\(report.file): \(s.translationUnits) translation units, \(s.inserted) new, \(s.updated) already known"
                if s.skipped > 0 { line += ", \(s.skipped) skipped (no source or no translation)" }
                Terminal.standardOutput.write(line + "\n")
            }
        case .json:
            Terminal.standardOutput.write(try JSONOutput.encode(reports) + "\n")
        }
    }
}

/// One imported file, for JSON output.
struct ImportReport: Encodable {
    var file: String
    var summary: TMXImportSummary
    var seconds: Double
}
