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

    var description: String { hint.map { "\(error); \($0)" } ?? "\(error)" }
}

extension TandemError {
    /// What to run or pass when this error stops any command.
    var commandLineHint: String? {
        switch self {
        case .projectNotFound: return "run `tandem init` first, or pass --config FILE"
        case .nothingToLint: return "name the files or folders to lint"
        default: return nil
        }
    }
}
