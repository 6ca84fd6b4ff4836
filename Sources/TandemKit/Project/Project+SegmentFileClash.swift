import Foundation

extension Project {
    /// Refuses `post` when another Markdown file differing only in its extension (`a.md` and
    /// `a.markdown`, `a.MD`) sits beside it: segment files are named without the extension, so
    /// both would share `locales/<tag>/…/a.json` and each run would hand one post's
    /// translations to the other. Both posts are refused, each naming the other.
    func refuseSegmentFileClash(ofPath post: String, segmentFile: String, root: String) throws {
        let name = FilePathText.lastComponent(post)
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.utf8.startIndex else { return }
        let stem = post[..<dot]
        let own = name[name.utf8.index(after: dot)...]
        for ext in ["md", "markdown", "MD", "Md", "MARKDOWN", "Markdown"] where ext != own {
            let other = stem + "." + ext
            // A case-insensitive file system finds `a.MD` for `a.md`: the same file.
            guard FileManager.default.fileExists(atPath: other), !sameFile(other, post)
            else { continue }
            func shown(_ path: String) -> String { FilePathText.relative(path, to: root) }
            throw TandemError.invalidValue(
                SourceLocation(file: shown(post), line: 1, column: 1),
                message: "\(shown(post)) and \(shown(other)) would share the segment file \(shown(segmentFile)); rename one of them")
        }
    }

    private func sameFile(_ a: String, _ b: String) -> Bool {
        var first = stat()
        var second = stat()
        guard stat(a, &first) == 0, stat(b, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }
}
