/// Something in a Hugo site that would break it once Tandem builds translations, or that
/// Tandem works around, found by `tandem check`.
public struct SiteFinding: Codable, Equatable, Sendable, CustomStringConvertible {
    public enum Severity: String, Codable, Sendable {
        /// Building would damage the site: `build` refuses to run.
        case error
        /// Worth knowing; nothing breaks.
        case warning
    }

    public var severity: Severity
    /// The file to change, relative to the project root.
    public var file: String
    public var line: Int
    public var message: String
    /// The exact lines to add to `file`, in its format, when adding lines fixes it.
    public var fix: String?

    public init(severity: Severity, file: String, line: Int = 1, message: String, fix: String? = nil) {
        self.severity = severity
        self.file = file
        self.line = line
        self.message = message
        self.fix = fix
    }

    /// `file:line:1: severity: message`, then the lines to add, indented.
    public var description: String {
        var text = "\(file):\(line):1: \(severity.rawValue): \(message)"
        if let fix {
            text += "; add to \(file):\n" + fix.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "    \($0)" }.joined(separator: "\n")
            if !text.hasSuffix("\n") { text += "\n" }
        } else {
            text += "\n"
        }
        return text
    }
}
