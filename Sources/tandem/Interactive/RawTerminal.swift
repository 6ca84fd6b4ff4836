internal import CTandemSystem
import Foundation

/// The terminal's settings before raw mode, for the signal handlers to put back.
nonisolated(unsafe) private var savedSettings: termios?

/// The controlling terminal in raw mode (keys arrive one by one, unechoed) on the alternate
/// screen, for the full-screen `tandem translate`. The previous settings come back on
/// `restore()`, and on SIGINT, SIGTERM and SIGHUP before the process exits, so an interrupted
/// session never leaves the shell without echo.
final class RawTerminal {
    private var original = termios()
    /// Bytes read but not decoded yet.
    private var pending: [UInt8] = []
    private var restored = false

    init() throws {
        guard tcgetattr(STDIN_FILENO, &original) == 0 else {
            throw TandemErrorMessage("cannot read the terminal's settings: \(String(cString: strerror(errno)))")
        }
        savedSettings = original
        var raw = original
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO | IEXTEN)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        guard tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw) == 0 else {
            throw TandemErrorMessage("cannot put the terminal in raw mode: \(String(cString: strerror(errno)))")
        }
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            _ = Foundation.signal(signal) { number in
                if var settings = savedSettings { tcsetattr(STDIN_FILENO, TCSAFLUSH, &settings) }
                let leave = "\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l"
                _ = leave.withCString { Foundation.write(STDOUT_FILENO, $0, strlen($0)) }
                _exit(128 + number)
            }
        }
        _ = tandem_watch_resize()
        write("\u{1B}[?1049h")
    }

    deinit { restore() }

    /// Puts the terminal back as it was (idempotent).
    func restore() {
        guard !restored else { return }
        restored = true
        write("\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l")
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &original)
        savedSettings = nil
        for signal in [SIGINT, SIGTERM, SIGHUP] { _ = Foundation.signal(signal, SIG_DFL) }
        tandem_unwatch_resize()
    }

    /// Columns and rows (80×24 when the terminal does not say).
    var size: (columns: Int, rows: Int) {
        var columns: Int32 = 0
        var rows: Int32 = 0
        guard tandem_terminal_size(STDOUT_FILENO, &columns, &rows) == 0, columns > 0, rows > 0 else { return (80, 24) }
        return (Int(columns), Int(rows))
    }

    /// The next key; `.endOfInput` when the terminal is gone.
    func readKey() -> Key {
        while true {
            if let (key, length) = KeyDecoder.decode(pending[...]) {
                pending.removeFirst(length)
                return key
            }
            // An incomplete sequence (a lone ESC): wait briefly for the rest.
            if !pending.isEmpty, !waitForInput(milliseconds: 40) {
                let (key, length) = KeyDecoder.decode(pending[...], flushing: true)!
                pending.removeFirst(length)
                return key
            }
            // A resize that came before the read began interrupts nothing: the flag is looked at
            // between short waits, so the screen never waits for a key to follow the terminal.
            while true {
                var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
                let ready = poll(&descriptor, 1, 200)
                if tandem_take_resize() != 0 { return .resize }
                // Input, the end of it, or a poll that fails for good: the read says which.
                if ready > 0 || (ready < 0 && errno != EINTR) { break }
            }
            var buffer = [UInt8](repeating: 0, count: 64)
            let count = read(STDIN_FILENO, &buffer, buffer.count)
            if count < 0, errno == EINTR {
                if tandem_take_resize() != 0 { return .resize }
                continue
            }
            guard count > 0 else { return .endOfInput }
            pending += buffer[0..<count]
        }
    }

    private func waitForInput(milliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, milliseconds) > 0
    }

    /// Draws `lines` from the top left, clearing what was there, and puts the cursor at
    /// `cursor` (shown) or hides it.
    func draw(_ lines: [String], cursor: (row: Int, column: Int)?) {
        var output = "\u{1B}[?25l\u{1B}[H"
        output += lines.map { $0 + "\u{1B}[K" }.joined(separator: "\r\n")
        output += "\u{1B}[J"
        if let cursor { output += "\u{1B}[\(cursor.row + 1);\(cursor.column + 1)H\u{1B}[?25h" }
        write(output)
    }

    func bell() { write("\u{7}") }

    private func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { Foundation.write(STDOUT_FILENO, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }
}

/// An error of the terminal itself, printed as `error: message`.
struct TandemErrorMessage: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = "error: " + message }
}
