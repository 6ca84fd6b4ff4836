import Foundation

/// A program running in a detached tmux session of a fixed size, on a tmux server of its own
/// (`-L`), driven with `send-keys` and read with `capture-pane`: how the tests use an
/// interactive command as a person at a terminal would.
public final class TmuxSession {
    public static var isAvailable: Bool { ExternalTool.path("tmux") != nil }
    public static let missing = "tmux not installed (Debian tmux; `make deps` installs it)"

    private let tmux: String
    private let socket = "tandem-test-\(UUID().uuidString.prefix(8))"
    private let name = "t"

    /// Starts `shellCommand` (run by `sh -c`) in `directory` in a `columns`×`rows` terminal.
    public init(_ shellCommand: String, in directory: URL, columns: Int = 80, rows: Int = 24) throws {
        guard let tmux = ExternalTool.path("tmux") else { throw ToolMissing(message: Self.missing) }
        self.tmux = tmux
        // The server this starts stays behind: it must not hold a pipe of ours open, or reading
        // the output would wait for it to end. tmux hands the one command string to sh -c.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tmux)
        process.arguments = [
            "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(columns)", "-y", "\(rows)",
            "-c", directory.path, shellCommand,
        ]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Not waited for: the server inherits a descriptor Foundation watches for the child's
        // end, so waiting would last as long as the server. Poll for the session instead.
        let deadline = Date().addingTimeInterval(10)
        while try ExternalTool.run(tmux, ["-L", socket, "has-session", "-t", name]).status != 0 {
            guard Date() < deadline else { throw ToolMissing(message: "tmux new-session did not start a session") }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    deinit { close() }

    /// Presses keys by tmux's names (`Enter`, `C-t`, `Escape`, or a single character).
    public func press(_ keys: String...) throws {
        _ = try ExternalTool.run(tmux, ["-L", socket, "send-keys", "-t", name] + keys)
    }

    /// Types `text` literally.
    public func type(_ text: String) throws {
        _ = try ExternalTool.run(tmux, ["-L", socket, "send-keys", "-t", name, "-l", text])
    }

    /// Resizes the terminal, as a person dragging the window's edge (the program gets SIGWINCH).
    public func resize(columns: Int, rows: Int) throws {
        _ = try ExternalTool.run(tmux, ["-L", socket, "resize-window", "-t", name, "-x", "\(columns)", "-y", "\(rows)"])
    }

    /// The screen as text, one line per row.
    public func screen() throws -> String {
        try ExternalTool.run(tmux, ["-L", socket, "capture-pane", "-p", "-t", name]).output
    }

    /// Waits until the screen holds every one of `texts` (polling), and returns it; throws
    /// with the last screen after `timeout` seconds.
    @discardableResult
    public func waitFor(_ texts: String..., timeout: TimeInterval = 15) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if texts.allSatisfy(last.contains) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw ScreenTimeout(expected: texts, screen: last)
    }

    /// Ends the session and its server.
    public func close() {
        // kill-session first: tmux 3.3a's kill-server alone leaves a server whose pane still runs.
        _ = try? ExternalTool.run(tmux, ["-L", socket, "kill-session", "-t", name])
        _ = try? ExternalTool.run(tmux, ["-L", socket, "kill-server"])
    }

    public struct ToolMissing: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// The screen never showed what a test waited for.
    public struct ScreenTimeout: Error, CustomStringConvertible {
        public let expected: [String]
        public let screen: String
        public var description: String { "the screen never showed \(expected); it shows:\n\(screen)" }
    }
}
