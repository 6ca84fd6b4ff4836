import Foundation

/// A one-line progress counter on standard error, shown only on a terminal.
struct Progress {
    let total: Int
    let label: String
    private let visible: Bool

    init(total: Int, label: String) {
        self.total = total
        self.label = label
        visible = isatty(STDERR_FILENO) == 1 && total > 1
    }

    func update(_ done: Int) {
        guard visible else { return }
        Terminal.standardError.write("\r\(label) \(done)/\(total)")
    }

    func finish() {
        guard visible else { return }
        Terminal.standardError.write("\r\u{1B}[K")
    }
}
