import Foundation

/// Standard output and error, with colour only for a terminal and never under `NO_COLOR`.
struct Terminal {
    let handle: FileHandle
    let descriptor: Int32

    static let standardOutput = Terminal(handle: .standardOutput, descriptor: STDOUT_FILENO)
    static let standardError = Terminal(handle: .standardError, descriptor: STDERR_FILENO)

    /// Whether the stream is a terminal (progress lines are only drawn there).
    var isTerminal: Bool { isatty(descriptor) == 1 }

    /// Whether ANSI colour may be used: on a terminal, unless `NO_COLOR` is set to anything but
    /// the empty string (https://no-color.org).
    var usesColour: Bool {
        isTerminal && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    }

    /// How wide text for people is laid out: `COLUMNS` when set (at least 40), else 80. Piped
    /// output gets the same width as a terminal, so a script sees what a person sees.
    static var columns: Int {
        ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init).map { max($0, 40) } ?? 80
    }

    func write(_ text: String) {
        handle.write(Data(text.utf8))
    }
}
