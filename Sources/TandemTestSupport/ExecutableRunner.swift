import Foundation

/// Runs the built `tandem` binary, as a user would, and captures what it prints.
public struct ExecutableRunner {
    /// What a finished run printed and returned.
    public struct Result {
        public var status: Int32
        public var standardOutput: String
        public var standardError: String
    }

    /// The directory of the build products (`.build/debug`), found from the test runner's path.
    public static var productsDirectory: URL {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = runner.deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("tandem").path),
              directory.path != "/" {
            directory = directory.deletingLastPathComponent()
        }
        return directory
    }

    /// The binary the tests run: `TANDEM_EXECUTABLE` when set (`make kill-test` runs a release
    /// build, whose runs are ten times shorter, under the debug test runner), else the one built
    /// beside the test runner.
    public static var tandem: URL {
        if let path = ProcessInfo.processInfo.environment["TANDEM_EXECUTABLE"], !path.isEmpty { return URL(fileURLWithPath: path) }
        return productsDirectory.appendingPathComponent("tandem")
    }

    /// Runs `tandem` with `arguments` in `directory`, feeding `input` to standard input.
    public static func run(
        _ arguments: [String], in directory: URL? = nil, input: String? = nil,
        environment: [String: String] = [:], wrappedIn wrapper: [String] = []
    ) throws -> Result {
        let process = Process()
        if let tool = wrapper.first {
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = Array(wrapper.dropFirst()) + [tandem.path] + arguments
        } else {
            process.executableURL = tandem
            process.arguments = arguments
        }
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { $1 }
        process.environment = env
        let output = Pipe()
        let error = Pipe()
        let inputPipe = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = inputPipe
        try process.run()
        // Standard input is written on its own thread, and a child that exits without reading
        // all of it (a refused 20 MB line) must not kill the test process with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let inputHandle = inputPipe.fileHandleForWriting
        let inputWritten = DispatchSemaphore(value: 0)
        let inputData = input.map { Data($0.utf8) }
        Thread {
            if let inputData { try? inputHandle.write(contentsOf: inputData) }
            try? inputHandle.close()
            inputWritten.signal()
        }.start()
        // Read both pipes before waiting (standard error on another thread) so a large output
        // cannot block the child.
        final class Box: @unchecked Sendable { var data = Data() }
        let errorBox = Box()
        let done = DispatchSemaphore(value: 0)
        let errorHandle = error.fileHandleForReading
        Thread {
            errorBox.data = errorHandle.readDataToEndOfFile()
            done.signal()
        }.start()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        inputWritten.wait()
        let errData = errorBox.data
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self))
    }
}
