import Foundation

extension URL {
    /// This file's path below `root` (`tm/vendor.tmx`), or its whole path when it lies elsewhere:
    /// what messages and origins name a project's files by.
    func path(relativeTo root: URL) -> String {
        let rootPath = root.standardizedFileURL.path
        let base = rootPath.hasSuffix("/") ? rootPath : rootPath + "/"
        let path = standardizedFileURL.path
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }
}

extension URL {
    /// This path with every symbolic link in its existing part resolved (`realpath` of the
    /// deepest existing ancestor, then the rest as written): where a write would really land.
    /// A lexical check alone lets `locales/en/posts -> /elsewhere` take files out of the project.
    func resolvingExistingSymlinks() -> URL {
        var existing = standardizedFileURL
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing = existing.deletingLastPathComponent()
        }
        guard let resolved = realpath(existing.path, nil) else { return standardizedFileURL }
        defer { free(resolved) }
        var url = URL(fileURLWithPath: String(cString: resolved))
        for component in rest { url.appendPathComponent(component) }
        return url.standardizedFileURL
    }
}
