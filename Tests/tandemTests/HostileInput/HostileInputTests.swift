import Foundation
import Testing
import TandemTestSupport

/// Issue 14's hostile-input suite: every case (at least 300, one per row of the threat table
/// and its variants) ends with exit 2 — or 1 where findings are the answer — a message at
/// `file:line:col`, no partial output and no change to the project, within a memory and time
/// limit (`prlimit --as`, `timeout`). XML cases run under `strace`: the secret file next to the
/// project is never opened, and its text is never printed.
///
/// `TANDEM_HOSTILE_PRINT=1` prints each case's standard error (to write a new case's message).
@Suite("Hostile input")
struct HostileInputTests {
    static let cases: [HostileInputCase] = HostileInputCase.frontMatter + HostileInputCase.markdown
        + HostileInputCase.segmentFiles + HostileInputCase.xmlFiles + HostileInputCase.gettextFiles
        + HostileInputCase.glossaries + HostileInputCase.localeTags + HostileInputCase.projectConfiguration
        + HostileInputCase.secrets + HostileInputCase.commandLineInput + HostileInputCase.symbolicLinks

    /// Address space and time limits: generous for a debug build, tight enough that a bomb
    /// (48M YAML values, an entity expansion, a runaway recursion) cannot pass unnoticed.
    static let addressSpaceLimit = 3 << 30
    static let timeLimitSeconds = 120

    @Test func theSuiteHasAtLeastThreeHundredDistinctCases() {
        #expect(Self.cases.count >= 300, "\(Self.cases.count) cases")
        let names = Self.cases.map(\.testDescription)
        #expect(Set(names).count == names.count, "duplicate names: \(Dictionary(grouping: names, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted())")
    }

    @Test(arguments: cases)
    func endsWithAClearErrorAndChangesNothing(_ row: HostileInputCase) throws {
        let baseline = try HostileInputBaseline.shared.get()
        let root = try baseline.copy()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        for file in row.files(baseline) {
            let url = root.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.bytes).write(to: url)
        }
        for link in row.symlinks {
            let url = root.appendingPathComponent(link.path)
            try? FileManager.default.removeItem(at: url)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let destination = link.destination
                .replacingOccurrences(of: "$OUTSIDE", with: baseline.outside.path)
                .replacingOccurrences(of: "$SECRET", with: baseline.secretPath)
            try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: destination)
        }
        for command in row.setup {
            _ = try ExecutableRunner.run(command, in: root)
        }
        let before = try ProjectTreeSnapshot(root)
        let outsideBefore = try ProjectTreeSnapshot(baseline.outside)

        let traceLog = root.deletingLastPathComponent().appendingPathComponent("strace.log")
        // `$SEGMENT` in an argument is the id of the baseline's third segment (`它很快。`).
        let arguments = row.arguments.map { $0 == "$SEGMENT" ? baseline.segmentIDs[2] : $0 }
        let result = try ExecutableRunner.run(arguments, in: root, input: row.standardInput, wrappedIn: Self.wrapper(row, traceLog: traceLog))
        let error = result.standardError
        if ProcessInfo.processInfo.environment["TANDEM_HOSTILE_PRINT"] != nil {
            print("[\(row.testDescription)] exit \(result.status)\n\(error.prefix(600))")
        }

        // Findings (exit 1) are printed on standard output, errors on standard error.
        let output = error + "\n" + result.standardOutput
        #expect(result.status == row.status, "exit \(result.status) (9 is the time limit): \(output.prefix(600))")
        #expect(output.contains(row.message), "\(output.prefix(600))")
        if let file = row.position {
            let positioned = output.split(separator: "\n").contains { line in
                line.hasPrefix(file + ":") && line.dropFirst(file.count + 1).wholeMatch(of: /\d+:\d+: (error|warning): .+/) != nil
            }
            #expect(positioned, "no '\(file):LINE:COL: error: …' line in: \(output.prefix(600))")
        }
        for crash in ["Fatal error", "Segmentation fault", "stack overflow", "AddressSanitizer", "Illegal instruction"] {
            #expect(!error.contains(crash), "\(error.prefix(600))")
        }
        for secret in [HostileInputBaseline.secretText, row.mustNotPrint].compactMap({ $0 }) {
            #expect(!error.contains(secret) && !result.standardOutput.contains(secret), "printed \(secret)")
        }
        let after = try ProjectTreeSnapshot(root)
        #expect(after == before, "changed: \(after.differences(from: before).prefix(10))")
        #expect(try ProjectTreeSnapshot(baseline.outside) == outsideBefore, "wrote outside the project")
        if row.watchesSecret, FileManager.default.fileExists(atPath: traceLog.path) {
            let trace = try String(contentsOf: traceLog, encoding: .utf8)
            #expect(!trace.contains(baseline.secretPath), "the secret file was touched: \(trace.split(separator: "\n").filter { $0.contains("secret") }.prefix(3))")
        }
    }

    /// `timeout` → `prlimit` → (`strace`) → tandem. No limits in a sanitized build: the
    /// sanitizers reserve terabytes of address space and run several times slower.
    static func wrapper(_ row: HostileInputCase, traceLog: URL) -> [String] {
        guard ProcessInfo.processInfo.environment["TANDEM_TEST_SANITIZER"] == nil else { return [] }
        var wrapper = ["/usr/bin/timeout", "-s", "KILL", "\(timeLimitSeconds)", "/usr/bin/prlimit", "--as=\(addressSpaceLimit)", "--"]
        if row.watchesSecret, FileManager.default.isExecutableFile(atPath: "/usr/bin/strace") {
            wrapper += ["/usr/bin/strace", "-f", "-qq", "-e", "trace=%file", "-o", traceLog.path]
        }
        return wrapper
    }
}
