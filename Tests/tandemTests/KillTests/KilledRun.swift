import Foundation
import TandemTestSupport

/// One `tandem` run killed with `SIGKILL` after a delay, unless it finished first.
enum KilledRun {
    /// Starts `tandem arguments` in `directory`, kills it `delay` seconds later if it still
    /// runs, and waits for it. Returns whether it was killed (false: it exited first).
    static func run(_ arguments: [String], in directory: URL, after delay: Double) throws -> Bool {
        let process = Process()
        process.executableURL = ExecutableRunner.tandem
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
    }
}
