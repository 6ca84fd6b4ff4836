import Foundation
import TandemKit

/// A library error with what to do about it on the command line (a flag to pass, a command to
/// run), which the library does not know: printed as `error: message; hint`.
struct CommandLineError: Error, CustomStringConvertible {
    let error: TandemError
    let hint: String?

    init(_ error: TandemError, hint: String? = nil) {
        self.error = error
        self.hint = hint ?? error.commandLineHint
    }

    /// The error, a file under the working directory named relative to it (readers are given
    /// absolute paths; the user typed, and reads, relative ones).
    var description: String {
        var text = hint.map { "\(error); \($0)" } ?? "\(error)"
        let base = WorkingDirectory.url.standardizedFileURL.path
        let prefix = base.hasSuffix("/") ? base : base + "/"
        if text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
        return text
    }
}

extension TandemError {
    /// What to run or pass when this error stops any command.
    var commandLineHint: String? {
        switch self {
        case .projectNotFound: return "run `tandem init` first, or pass --config FILE"
        case .nothingToLint: return "name the files or folders to lint"
        case .projectLocked, .memoryLocked:
            return "run again when it has finished, or set \(ProjectLock.patienceVariable)=SECONDS to wait longer (default \(Int(ProjectLock.defaultPatience)))"
        default: return nil
        }
    }
}
