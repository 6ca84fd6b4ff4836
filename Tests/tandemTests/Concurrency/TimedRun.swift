import Foundation
import TandemTestSupport

/// One `tandem` process started beside others: its output goes to files (no pipe can fill and
/// block it), and its wall-clock time is taken from its start to its exit.
final class TimedRun: @unchecked Sendable {
    let label: String
    let arguments: [String]
    private let process = Process()
    private let errorFile: URL
    private var started = Date()
    private let finished = DispatchSemaphore(value: 0)
    private var ended = Date()

    /// Prepares `tandem arguments` in `directory`; `scratch` receives its standard error.
    init(_ label: String, _ arguments: [String], in directory: URL, scratch: URL, environment: [String: String] = [:]) throws {
        self.label = label
        self.arguments = arguments
        errorFile = scratch.appendingPathComponent("\(label).stderr")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        process.executableURL = ExecutableRunner.tandem
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: errorFile)
        process.terminationHandler = { [unowned self] _ in
            self.ended = Date()
            self.finished.signal()
        }
    }

    func start() throws {
        started = Date()
        try process.run()
    }

    /// Waits for the exit.
    func wait() {
        finished.wait()
        finished.signal()
    }

    var status: Int32 { process.terminationStatus }
    var seconds: Double { ended.timeIntervalSince(started) }
    var processIdentifier: Int32 { process.processIdentifier }
    /// Whether it has not exited yet (a stopped process is running).
    var isRunning: Bool { process.isRunning }
    var standardError: String { (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "" }

    /// Runs `runs` all at once and waits for every one.
    static func together(_ runs: [TimedRun]) throws {
        for run in runs { try run.start() }
        for run in runs { run.wait() }
    }

    /// Runs `run` on its own and waits for it.
    static func alone(_ run: TimedRun) throws {
        try run.start()
        run.wait()
    }
}
