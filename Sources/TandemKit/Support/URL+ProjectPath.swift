import Foundation

extension URL {
    /// This file's path below `root` (`tm/vendor.tmx`), or its whole path when it lies elsewhere:
    /// what messages and origins name a project's files by.
    func path(relativeTo root: URL) -> String {
        FilePathText.relative(FilePathText.standardized(path), to: FilePathText.standardized(root.path))
    }
}
