import ArgumentParser
import Foundation
import TandemKit

/// `tandem tm stats`: what the memory holds.
struct TMStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count the memory's units per language pair.",
        discussion: """
            Examples:
              tandem tm stats
              tandem tm stats --json --memory /tmp/team.sqlite
              tandem tm stats --memory postgresql://tandem@db.example/team
            """
    )

    @OptionGroup var memoryOptions: MemoryOptions

    @OptionGroup var output: OutputOptions

    func run() throws {
        let address = try memoryOptions.resolvedAddress()
        // Counting never creates a memory: a SQLite file that is not there holds nothing.
        let statistics: MemoryStatistics
        if case .sqlite(let path) = address, !FileManager.default.fileExists(atPath: path) {
            statistics = MemoryStatistics(units: 0, distinctSources: 0, pairs: [])
        } else {
            statistics = try address.open(waiting: LockWaitNotice.sayForMemory).statistics()
        }
        switch output.selected {
        case .text:
            var text = "\(address)\n\(CountedNoun.phrase(statistics.units, "unit")), \(CountedNoun.phrase(statistics.distinctSources, "distinct source"))\n"
            for pair in statistics.pairs { text += "  \(pair.sourceLocale) → \(pair.targetLocale): \(pair.units)\n" }
            Terminal.standardOutput.write(text)
        case .json:
            Terminal.standardOutput.write(try JSONText.string(statistics) + "\n")
        }
    }
}
