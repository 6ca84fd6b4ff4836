import Foundation

extension URL {
    /// This file's path below `root` (`tm/vendor.tmx`), or its whole path when it lies elsewhere:
    /// what messages and origins name a project's files by.
    func path(relativeTo root: URL) -> String {
        FilePathText.relative(FilePathText.standardized(path), to: FilePathText.standardized(root.path))
    }

    /// This path with every symbolic link in its existing part resolved (`realpath` of the
    /// deepest existing ancestor, then the rest as written): where a write would really land.
    /// A lexical check alone lets `locales/en/posts -> /elsewhere` take files out of the project.
    func resolvingExistingSymlinks() -> URL {
        URL(fileURLWithPath: FilePathText.resolvingExistingSymlinks(FilePathText.standardized(path)))
    }
}
