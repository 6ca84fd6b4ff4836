import Foundation
import Testing
import TandemTestSupport

/// Every command's `--help`, run on the real binary and compared whole with a golden file in
/// `Tests/tandemTests/Help/`, so that help text never drifts from what was reviewed. After a
/// deliberate change, record the files again with `TANDEM_RECORD_HELP=1 swift test --filter
/// HelpTextTests` and review the diff (as swift-argument-parser's own tests do).
@Suite("--help text")
struct HelpTextTests {
    static let commands: [[String]] = [
        [], ["init"], ["check"], ["segment"], ["extract"], ["pseudo"], ["build"], ["export"], ["import"], ["align"],
        ["translate"], ["next"], ["set"], ["review"], ["show"],
        ["stats"], ["report"],
        ["glossary"], ["glossary", "lint"], ["glossary", "match"], ["glossary", "convert"],
        ["tm"], ["tm", "import"], ["tm", "export"], ["tm", "lookup"], ["tm", "stats"], ["tm", "rebuild"],
    ]

    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Help")

    static var recording: Bool { ProcessInfo.processInfo.environment["TANDEM_RECORD_HELP"] == "1" }

    @Test(arguments: commands)
    func helpMatchesItsGoldenFile(_ command: [String]) throws {
        // A fixed width: help is wrapped to the terminal's.
        let result = try ExecutableRunner.run(command + ["--help"], environment: ["COLUMNS": "100"])
        #expect(result.status == 0, "\(result.standardError)")
        let golden = Self.goldenDirectory.appendingPathComponent((["tandem"] + command).joined(separator: "-") + ".txt")
        if Self.recording {
            try FileManager.default.createDirectory(at: Self.goldenDirectory, withIntermediateDirectories: true)
            try result.standardOutput.write(to: golden, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(result.standardOutput == expected, "tandem \(command.joined(separator: " ")) --help changed; TANDEM_RECORD_HELP=1 records it")
    }

    /// Every example fits an 80-column terminal: a longer one was wrapped in the middle, and
    /// `tandem set`'s example, pasted as shown, lost its text argument to the next line.
    @Test(arguments: commands)
    func examplesFitEightyColumns(_ command: [String]) throws {
        let help = try ExecutableRunner.run(command + ["--help"], environment: ["COLUMNS": "80"]).standardOutput
        var inExamples = false
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "Examples:" { inExamples = true; continue }
            if line.isEmpty || line.hasPrefix("USAGE:") { inExamples = false; continue }
            if inExamples { #expect(line.hasPrefix("  "), "tandem \(command.joined(separator: " ")): an example wrapped before '\(line)'") }
        }
    }

    /// `glossary match` reads every glossary format the project may hold, and says so.
    @Test func glossaryMatchHelpNamesEveryGlossaryFormat() throws {
        let help = try ExecutableRunner.run(["glossary", "match", "--help"]).standardOutput
        #expect(help.contains(".csv"))
        #expect(help.contains(".tbx"))
    }
}
