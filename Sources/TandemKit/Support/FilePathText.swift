import Foundation

/// Absolute file paths worked on as text, with the meaning `URL` gives them.
///
/// `URL`'s path operations parse, percent-encode and decode the whole path at every call: the
/// checks that keep a segment file inside the project spent a tenth of a 5,000-post `extract`
/// there. These do the same on `String`s; `FilePathTextTests` compares them with `URL`.
enum FilePathText {
    /// `URL(fileURLWithPath: path).standardizedFileURL.path` for an absolute `path`: slashes
    /// collapsed, `.` dropped, `..` taking away the component before it (none above the root),
    /// no trailing slash.
    static func standardized(_ path: String) -> String {
        if isStandardized(path) { return path }
        var components: [Substring] = []
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            if component == "." { continue }
            if component == ".." {
                if !components.isEmpty { components.removeLast() }
                continue
            }
            components.append(component)
        }
        return "/" + components.joined(separator: "/")
    }

    /// Whether `path` is already as `standardized(_:)` would write it (most paths are): absolute,
    /// with no empty, `.` or `..` component and no trailing slash.
    private static func isStandardized(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { bytes in
            guard bytes.first == UInt8(ascii: "/") else { return false }
            if bytes.count == 1 { return true }
            var length = 0
            var dots = 0
            for byte in bytes.dropFirst() {
                if byte == UInt8(ascii: "/") {
                    if length == 0 || (length == dots && length <= 2) { return false }  // `//`, `/./`, `/../`
                    length = 0
                    dots = 0
                } else {
                    length += 1
                    if byte == UInt8(ascii: ".") { dots += 1 }
                }
            }
            return length > 0 && !(length == dots && length <= 2)
        }
    }

    /// The standardized `path`'s directory (`/` for `/` and its children).
    static func parent(_ path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")), slash != path.utf8.startIndex else { return "/" }
        return String(path[..<slash])
    }

    /// The standardized `path`'s last component (empty for `/`).
    static func lastComponent(_ path: String) -> Substring {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return Substring(path) }
        return path[path.utf8.index(after: slash)...]
    }

    /// `child` joined to the standardized `directory`, standardized.
    static func appending(_ child: String, to directory: String) -> String {
        standardized(directory + "/" + child)
    }

    /// The standardized `path` below the standardized `root` (`tm/vendor.tmx`), or all of it
    /// when it lies elsewhere.
    static func relative(_ path: String, to root: String) -> String {
        let base = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    /// Whether the standardized `path` is `directory` or lies under it (both as written).
    static func isInside(_ path: String, _ directory: String) -> Bool {
        path == directory || path.hasPrefix(directory.hasSuffix("/") ? directory : directory + "/")
    }

    /// The standardized `path` with every symbolic link in its existing part resolved (`realpath`
    /// of the deepest existing ancestor, then the rest as written): where a write would really
    /// land. A lexical check alone lets `locales/en/posts -> /elsewhere` take files out of the
    /// project.
    static func resolvingExistingSymlinks(_ path: String) -> String {
        var existing = path
        var rest: [Substring] = []
        while !FileManager.default.fileExists(atPath: existing), existing != "/" {
            rest.append(lastComponent(existing))
            existing = parent(existing)
        }
        guard let resolved = realpath(existing, nil) else { return path }
        defer { free(resolved) }
        return standardized(([Substring(String(cString: resolved))] + rest.reversed()).joined(separator: "/"))
    }
}
