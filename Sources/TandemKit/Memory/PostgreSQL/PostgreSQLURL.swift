import Foundation

/// A `postgres://` or `postgresql://` connection URL as `tandem.yml` or `--memory` names it, and
/// the same URL without its password for every message Tandem prints.
///
/// The URL is handed to libpq as it is (libpq parses it: user, password, host or socket
/// directory, port, database, `?sslmode=…&options=…`); this type only recognizes the scheme
/// and cuts the password out of what is shown.
public struct PostgreSQLURL: Equatable, Sendable, CustomStringConvertible {
    /// The URL as given, password included: only ever passed to libpq.
    let connectionString: String
    /// The password, when the URL carries one (in the user part or as `?password=`), so that it
    /// can be cut from the server's and libpq's messages too.
    let password: String?

    /// The URL schemes libpq accepts.
    public static let schemes = ["postgres://", "postgresql://"]

    /// Whether `text` names a PostgreSQL server rather than a file.
    public static func isURL(_ text: String) -> Bool {
        schemes.contains { text.lowercased().hasPrefix($0) }
    }

    /// `text` when it is a PostgreSQL URL, else nil.
    public init?(_ text: String) {
        guard Self.isURL(text) else { return nil }
        // libpq knows the schemes in lower case only: `POSTGRES://host/db` went to the local
        // socket with the whole URL as the database's name. The scheme is lowered, the rest kept.
        let schemeEnd = text.range(of: "://")!.upperBound
        connectionString = text[..<schemeEnd].lowercased() + text[schemeEnd...]
        password = Self.passwordParts(of: text).map(\.value).first { !$0.isEmpty }
    }

    /// The URL without its password: `postgres://alice@db.example:5432/tm`.
    public var description: String {
        var text = connectionString
        // Back to front, so earlier ranges stay valid.
        for part in Self.passwordParts(of: text).reversed() { text.removeSubrange(part.removal) }
        if text.hasSuffix("?") { text.removeLast() }
        return text
    }

    /// `message` with the password (as written and percent-decoded) replaced by `***`.
    func redacting(_ message: String) -> String {
        guard let password else { return message }
        var result = message.replacingOccurrences(of: password, with: "***")
        if let decoded = password.removingPercentEncoding, !decoded.isEmpty {
            result = result.replacingOccurrences(of: decoded, with: "***")
        }
        return result
    }

    /// Where the password is: `:secret` in `user:secret@host` and `password=secret` (with one `&`)
    /// in the query. Found as libpq finds them: the user part ends at the first `@` before any `/`.
    private static func passwordParts(of text: String) -> [(value: String, removal: Range<String.Index>)] {
        guard let scheme = schemes.first(where: { text.lowercased().hasPrefix($0) }) else { return [] }
        var parts: [(value: String, removal: Range<String.Index>)] = []
        let afterScheme = text.index(text.startIndex, offsetBy: scheme.count)
        if let end = text[afterScheme...].firstIndex(where: { $0 == "@" || $0 == "/" }), text[end] == "@",
           let colon = text[afterScheme..<end].firstIndex(of: ":") {
            parts.append((String(text[text.index(after: colon)..<end]), colon..<end))
        }
        if let question = text.firstIndex(of: "?") {
            var start = text.index(after: question)
            while start < text.endIndex {
                let end = text[start...].firstIndex(of: "&") ?? text.endIndex
                let parameter = text[start..<end]
                if parameter.hasPrefix("password=") {
                    let value = String(parameter.dropFirst("password=".count))
                    // The parameter and one separator next to it.
                    let removal = end < text.endIndex ? start..<text.index(after: end)
                        : (text[text.index(before: start)] == "&" ? text.index(before: start)..<end : start..<end)
                    parts.append((value, removal))
                }
                start = end < text.endIndex ? text.index(after: end) : end
            }
        }
        return parts
    }
}
