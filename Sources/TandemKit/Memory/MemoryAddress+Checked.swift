import Foundation

extension MemoryAddress {
    /// `configured` as `init(_:relativeTo:)` reads it, but a text that looks like a URL without
    /// being a `postgres://` one (`postgres:user:secret@host/db`, `postgresql:/db`,
    /// `mysql://…`) is refused instead of becoming a SQLite file of that name. The message
    /// never holds the password.
    public static func checked(_ configured: String, relativeTo root: URL) throws -> MemoryAddress {
        if PostgreSQLURL.isURL(configured) || !looksLikeURL(configured) {
            return MemoryAddress(configured, relativeTo: root)
        }
        throw TandemError.invalidArgument(
            "memory '\(redactingPassword(configured))' looks like a URL but is not postgres://user[:password]@host[:port]/database; write a PostgreSQL URL, or a path such as ./\(configured.split(separator: ":").first ?? "memory").sqlite for a file")
    }

    /// A scheme (`letters:`) followed by `//`, or a PostgreSQL scheme, or `user…@host` after it.
    static func looksLikeURL(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let scheme = text[..<colon]
        guard scheme.count >= 2, scheme.first!.isASCII, scheme.first!.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) })
        else { return false }
        let rest = text[text.index(after: colon)...]
        return rest.hasPrefix("//") || ["postgres", "postgresql"].contains(scheme.lowercased()) || rest.contains("@")
    }

    /// `text` with what lies between the first `:` after the scheme's and the last `@` before
    /// the host shown as `***` (`postgres:user:***@host/db`).
    static func redactingPassword(_ text: String) -> String {
        guard let at = text.lastIndex(of: "@"), let schemeColon = text.firstIndex(of: ":") else { return text }
        let user = text[text.index(after: schemeColon)..<at]
        guard let passwordColon = user.firstIndex(of: ":") else { return text }
        return String(text[...passwordColon]) + "***" + String(text[at...])
    }
}
