import Foundation

/// A one-line progress bar on standard error, drawn only on a terminal: never into a pipe or a
/// log, never with `--quiet`, never under `--json` (whose reader may share the terminal).
///
/// Redrawn with a carriage return and padding, not ANSI erase codes, so that it holds no escape
/// sequence at all and needs no exception under `NO_COLOR`.
final class Progress {
    /// Nil when the amount of work is not known beforehand (a count is shown instead of a bar).
    let total: Int?
    let label: String
    private let visible: Bool
    private var drawnWidth = 0
    private var lastDrawn: Date = .distantPast

    static let barWidth = 24

    init(total: Int?, label: String, quiet: Bool) {
        self.total = total
        self.label = label
        visible = !quiet && Terminal.standardError.isTerminal && (total ?? 2) > 1
    }

    /// A bar shown whenever standard error is a terminal (for commands without `--quiet`).
    convenience init(total: Int, label: String) {
        self.init(total: total, label: label, quiet: false)
    }

    /// `done` items of `total` are finished.
    func update(_ done: Int) {
        guard visible else { return }
        // At most ten redraws a second (a TMX import reports every batch), but always the last.
        let now = Date()
        guard now.timeIntervalSince(lastDrawn) >= 0.1 || done == total else { return }
        lastDrawn = now
        let line = Self.line(label: label, done: done, total: total)
        let padding = String(repeating: " ", count: max(0, drawnWidth - line.count))
        drawnWidth = line.count
        Terminal.standardError.write("\r" + line + padding)
    }

    /// Clears the line, so that what is printed next starts on a clean one.
    func finish() {
        guard visible, drawnWidth > 0 else { return }
        Terminal.standardError.write("\r" + String(repeating: " ", count: drawnWidth) + "\r")
        drawnWidth = 0
    }

    /// `extracting [#########               ] 12/32`, or `importing 12000` without a total.
    static func line(label: String, done: Int, total: Int?) -> String {
        guard let total, total > 0 else { return "\(label) \(done)" }
        let filled = min(barWidth, done * barWidth / total)
        return "\(label) [" + String(repeating: "#", count: filled) + String(repeating: " ", count: barWidth - filled) + "] \(done)/\(total)"
    }
}
