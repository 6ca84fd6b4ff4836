/// Everything that can go wrong with Tandem's input, each with what was expected and where.
///
/// The CLI prints these as `file:line:col: error: message` and exits with status 2.
public enum TandemError: Error, Equatable, CustomStringConvertible {
    /// A file is not valid UTF-8; nothing is repaired silently.
    case invalidUTF8(SourceLocation, byteOffset: Int)
    /// A configuration or rules file could not be decoded.
    case invalidConfiguration(file: String, message: String)
    /// A segment file (`locales/<tag>/….json`) is not valid JSON or not a segment file.
    case invalidSegmentFile(SourceLocation, message: String)
    /// A unit stored in a translation memory cannot be read back (a database edited by hand,
    /// or written by a newer Tandem).
    case invalidStoredUnit(memory: String, id: Int64, message: String)
    /// A configuration value is wrong at a known place.
    case invalidValue(SourceLocation, message: String)
    /// An input file could not be read.
    case unreadable(path: String, reason: String)
    /// An output file could not be written; the previous content is untouched.
    case unwritable(path: String, reason: String)
    /// A command-line argument is wrong. Thrown by the command-line tool only: the library
    /// reports what is wrong with a value as `invalidArgument` and leaves flags to the tool.
    case usage(String)
    /// A value handed to the library is not acceptable: a path outside the directory it must
    /// lie in, a malformed URL, a unit without its id.
    case invalidArgument(String)
    /// A file is not of a kind the operation handles (by its extension); `expected` says what
    /// would have been.
    case unsupportedFile(path: String, expected: String)
    /// No project: no `tandem.yml` in `searchedFrom` or any directory above it.
    case projectNotFound(searchedFrom: String)
    /// Nothing to lint: no `glossaries/` or `locales/` in `searchedFrom` or above.
    case nothingToLint(searchedFrom: String)
    /// A file the operation would create exists already (with other content); nothing was changed.
    case alreadyExists(path: String, reason: String)
    /// A database server (the shared PostgreSQL memory) refused a connection or a request;
    /// `url` never holds the password.
    case database(url: String, reason: String)
    /// Another run held the project lock (`lockFile`) for longer than this run would wait;
    /// `holder` is what it wrote about itself (process id, command, start time).
    case projectLocked(lockFile: String, holder: String, waitedSeconds: Double)
    /// Another run held a SQLite memory's lock (`lockFile`, see `MemoryFileLock`) for longer
    /// than this run would wait: a `tm rebuild` (`holder` is what it wrote about itself) or
    /// `tm import`s.
    case memoryLocked(lockFile: String, holder: String, waitedSeconds: Double)

    /// Where the problem is, when known.
    public var location: SourceLocation? {
        switch self {
        case .invalidUTF8(let location, _), .invalidValue(let location, _), .invalidSegmentFile(let location, _): return location
        case .invalidConfiguration(let file, _): return SourceLocation(file: file, line: 1, column: 1)
        case .unreadable(let path, _), .unwritable(let path, _), .alreadyExists(let path, _), .projectLocked(let path, _, _),
             .memoryLocked(let path, _, _):
            return SourceLocation(file: path, line: 1, column: 1)
        case .usage, .database, .invalidStoredUnit, .invalidArgument, .unsupportedFile, .projectNotFound, .nothingToLint:
            return nil
        }
    }

    /// What went wrong and what was expected, without the location.
    public var message: String {
        switch self {
        case .invalidUTF8(_, let offset):
            return "invalid UTF-8 at byte offset \(offset); expected a UTF-8 text file (nothing was repaired)"
        case .invalidConfiguration(_, let message): return message
        case .invalidValue(_, let message), .invalidSegmentFile(_, let message): return message
        case .invalidStoredUnit(let memory, let id, let message): return "\(memory): unit \(id): \(message)"
        case .unreadable(_, let reason): return "cannot read: \(reason)"
        case .unwritable(_, let reason): return "cannot write: \(reason)"
        case .usage(let message), .invalidArgument(let message): return message
        case .unsupportedFile(let path, let expected): return "\(path): not \(expected)"
        case .projectNotFound(let directory): return "no tandem.yml in \(directory) or above"
        case .nothingToLint(let directory): return "no glossaries/ or locales/ in \(directory) or above"
        case .alreadyExists(_, let reason): return reason
        case .database(let url, let reason): return "\(url): \(reason)"
        case .projectLocked(_, let holder, let waited):
            return "another tandem run holds the project lock: \(holder); gave up after waiting \(Int(waited.rounded())) s"
        case .memoryLocked(_, let holder, let waited):
            return "another tandem run holds the memory lock: \(holder); gave up after waiting \(Int(waited.rounded())) s"
        }
    }

    /// `file:line:col: error: message`, or `error: message` without a location.
    public var description: String {
        if let location { return "\(location): error: \(message)" }
        return "error: \(message)"
    }
}
