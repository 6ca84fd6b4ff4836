import Foundation

extension Project {
    /// Refuses `post` when another Markdown file differing only in its extension (`a.md` and
    /// `a.markdown`, `a.MD`) sits beside it: segment files are named without the extension, so
    /// both would share `locales/<tag>/…/a.json` and each run would hand one post's
    /// translations to the other. Both posts are refused, each naming the other.
    func refuseSegmentFileClash(of post: URL, segmentFile: URL) throws {
        let stem = post.deletingPathExtension()
        let own = post.pathExtension
        for ext in ["md", "markdown", "MD", "Md", "MARKDOWN", "Markdown"] where ext != own {
            let other = stem.appendingPathExtension(ext)
            // A case-insensitive file system finds `a.MD` for `a.md`: the same file.
            guard FileManager.default.fileExists(atPath: other.path), !sameFile(other, post)
            else { continue }
            throw TandemError.invalidValue(
                SourceLocation(file: projectPath(of: post), line: 1, column: 1),
                message: "\(projectPath(of: post)) and \(projectPath(of: other)) would share the segment file \(projectPath(of: segmentFile)); rename one of them")
        }
    }

    private func sameFile(_ a: URL, _ b: URL) -> Bool {
        var first = stat()
        var second = stat()
        guard stat(a.path, &first) == 0, stat(b.path, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }
}
