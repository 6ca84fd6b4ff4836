import Foundation
import Testing
import TandemTestSupport

/// One kill test: a command run on a copy of a project (`before`) once to the end (the
/// reference: its duration, its files and memory afterwards), then killed with `SIGKILL` at
/// `KillPoints` delays spread over that duration. Kills come in groups: the first of a group
/// starts from `before`, the next ones from what the killed run before them left (as a user
/// who runs the command again after a crash), and the group ends with a run to the end.
///
/// After every kill: each project file (posts, segment files, built posts, tm/) holds its
/// bytes from before the command or from the reference (a file absent in one counts as that
/// version when absent), `PRAGMA integrity_check` of the memory is ok, and `memoryIsCommitted`
/// accepts the memory. After every group's last run: the files equal the reference's byte for
/// byte, the memory holds the reference's units (same count, same content), and no temporary
/// file is left anywhere in the project.
struct KillScenario {
    var name: String
    var arguments: [String]
    /// The project as the command finds it (never changed; copied for every group).
    var before: URL
    /// Where the reference and the killed runs' copies go.
    var workspace: URL
    /// The exit status a run to the end has.
    var expectedStatus: Int32 = 0
    /// Nil when the memory after a kill is one the command may leave (a committed prefix), else why not.
    var memoryIsCommitted: (MemoryFileProbe) throws -> String?

    /// What one scenario's kills showed, for the report line.
    struct Outcome {
        var reference: Double = 0
        var delays: [Double] = []
        var killed = 0
        var reruns = 0
        var failures = 0
        var referenceUnits = 0
    }

    static func memory(in root: URL) -> MemoryFileProbe {
        MemoryFileProbe(path: root.appendingPathComponent(".tandem/memory.sqlite").path)
    }

    /// Runs the reference, then the kills; `referenceDone` sees the reference project before the
    /// kills start (to learn what a committed memory is). Returns the outcome, also printed.
    @discardableResult
    func run(referenceDone: (URL) throws -> Void = { _ in }) throws -> Outcome {
        var outcome = Outcome()
        let reference = workspace.appendingPathComponent("reference")
        try FileManager.default.copyItem(at: before, to: reference)
        let started = Date()
        let finished = try ExecutableRunner.run(arguments, in: reference)
        outcome.reference = Date().timeIntervalSince(started)
        try #require(finished.status == expectedStatus, "\(name): \(finished.standardError)")
        try referenceDone(reference)
        let old = try ProjectSnapshot(of: before)
        let new = try ProjectSnapshot(of: reference)
        #expect(old != new, "\(name) changes the project's files")
        let newMemory = Self.memory(in: reference)
        let newHash = try newMemory.contentHash()
        outcome.referenceUnits = try newMemory.unitCount()

        let points = KillPoints.fromEnvironment
        outcome.delays = points.delays(over: outcome.reference, scenario: name)
        // About 20 groups at any count, each ending in a run to the end.
        let groupSize = max(1, points.count / 20)
        let work = workspace.appendingPathComponent("work")
        var record = "point\tdelay_s\tkilled\n"
        for (index, delay) in outcome.delays.enumerated() {
            let point = "\(name), point \(index) (seed \(points.seed), \(String(format: "%.3f", delay)) s)"
            if index % groupSize == 0 {
                try? FileManager.default.removeItem(at: work)
                try FileManager.default.copyItem(at: before, to: work)
            }
            let killed = try KilledRun.run(arguments, in: work, after: delay)
            if killed { outcome.killed += 1 }
            record += "\(index)\t\(String(format: "%.3f", delay))\t\(killed)\n"

            var problems: [String] = []
            let neither = try ProjectSnapshot(of: work).pathsNeither(old, nor: new)
            if !neither.isEmpty { problems.append("files neither old nor new: \(neither.prefix(5))") }
            let memory = Self.memory(in: work)
            if memory.exists {
                let integrity = try memory.integrityCheck()
                if integrity != "ok" { problems.append("integrity_check: \(integrity)") }
                if let wrong = try memoryIsCommitted(memory) { problems.append("memory: \(wrong)") }
            }

            if (index + 1) % groupSize == 0 || index == outcome.delays.count - 1 {
                outcome.reruns += 1
                let rerun = try ExecutableRunner.run(arguments, in: work)
                if rerun.status != expectedStatus { problems.append("rerun exit \(rerun.status): \(rerun.standardError.prefix(500))") }
                let files = try ProjectSnapshot(of: work)
                if files != new {
                    let differing = Set(files.files.keys).union(new.files.keys).filter { files.files[$0] != new.files[$0] }.sorted()
                    problems.append("after the rerun, files differ from the reference: \(differing.prefix(5))")
                }
                let units = try memory.unitCount()
                if units != outcome.referenceUnits { problems.append("after the rerun, \(units) units, not \(outcome.referenceUnits)") }
                if try memory.contentHash() != newHash { problems.append("after the rerun, the memory's units differ from the reference's") }
                let left = try ProjectSnapshot.leftTemporaryFiles(below: work)
                if !left.isEmpty { problems.append("temporary files left after the rerun: \(left.prefix(5))") }
            }
            if !problems.isEmpty { outcome.failures += 1 }
            #expect(problems.isEmpty, "\(point): \(problems.joined(separator: "; "))")
        }
        try? record.write(to: TestArtifacts.directory.appendingPathComponent("kill-test-\(name.replacingOccurrences(of: " ", with: "-")).tsv"),
                          atomically: true, encoding: .utf8)
        let spread = outcome.delays.isEmpty ? "none" : String(format: "%.2f–%.2f s", outcome.delays.min()!, outcome.delays.max()!)
        print("kill test \(name): \(outcome.delays.count) points (seed \(points.seed)), kills at \(spread) of a "
              + String(format: "%.2f", outcome.reference) + " s run: \(outcome.killed) killed, "
              + "\(outcome.delays.count - outcome.killed) finished first; \(outcome.reruns) reruns; \(outcome.failures) failing points")
        return outcome
    }
}
