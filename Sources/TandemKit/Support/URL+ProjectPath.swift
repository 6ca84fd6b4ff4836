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
