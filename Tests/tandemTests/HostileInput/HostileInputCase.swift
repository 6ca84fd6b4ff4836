import Foundation
import Testing

/// One hostile input and what Tandem must do with it: end with `status` (2 for bad input, 1
/// where findings are the answer), say `message` at `file:line:col` when the input is a file,
/// and change nothing — no file written, no partial output, no secret opened.
struct HostileInputCase: CustomTestStringConvertible, Sendable {
    /// A file the case puts into its copy of the baseline project (path relative to the root).
    struct File: Sendable {
        var path: String
        var bytes: [UInt8]

        init(_ path: String, _ bytes: [UInt8]) {
            self.path = path
            self.bytes = bytes
        }

        init(_ path: String, _ text: String) {
            self.init(path, Array(text.utf8))
        }
    }

    /// The family the case belongs to (a row of the threat table).
    var family: String
    var name: String
    /// The files to write, made when the case runs (some are 50 MB) from the baseline's
    /// own exports and paths.
    var files: @Sendable (HostileInputBaseline) -> [File]
    /// Symbolic links to create: path in the project → destination (`$OUTSIDE` and `$SECRET`
    /// stand for the directory outside the project and the secret file).
    var symlinks: [(path: String, destination: String)] = []
    /// Commands run first, whose success is part of the setup (e.g. an `extract` before the
    /// `build` under test); their output is not checked, only that they ran.
    var setup: [[String]] = []
    var arguments: [String]
    var standardInput: String?
    var status: Int32 = 2
    /// Text standard error must contain.
    var message: String
    /// The file the message must name as `file:line:col: error:`; nil for command-line input.
    var position: String?
    /// Run under `strace`: the secret file outside the project must never be opened or stat'ed.
    var watchesSecret = false
    /// Text that must not appear in any output (a password).
    var mustNotPrint: String?

    var testDescription: String { "\(family): \(name)" }
}
