import Foundation

/// Where a path really leads, for the rule that Tandem reads posts and writes segment files and
/// kept TMX copies only inside the project: a symbolic link anywhere on the way — the file
/// itself (even one whose destination does not exist yet), `locales/`, `locales/en/posts`,
/// `tm/` — may not take a read or a write out of it.
public enum ProjectBoundary {
    /// The standardized absolute `path` with every symbolic link on it resolved, including a last
    /// component that is a link to a file that does not exist (`realpath` gives up on those).
    static func destination(ofPath path: String) -> String {
        var current = path
        // A dangling link is followed by hand, a bounded number of times (a loop stays put).
        for _ in 0..<16 {
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { break }
            current = target.hasPrefix("/")
                ? FilePathText.standardized(target)
                : FilePathText.appending(target, to: FilePathText.parent(current))
        }
        return FilePathText.resolvingExistingSymlinks(current)
    }

    /// Whether `url`, followed through its links, lies in `directory` (itself resolved).
    public static func contains(_ directory: URL, _ url: URL) -> Bool {
        contains(FilePathText.standardized(directory.path), FilePathText.standardized(url.path))
    }

    /// `contains(_:_:)` for standardized absolute paths.
    static func contains(_ directory: String, _ path: String) -> Bool {
        TranslationLayout.isInside(destination(ofPath: path), FilePathText.resolvingExistingSymlinks(directory))
    }

    /// Throws unless `url` lies in `directory` once its links are followed; `what` names the
    /// file in the message (`segment file`, `post`, `kept TMX copy`), `directoryName` the place
    /// (`the project`, `the content directory`).
    public static func require(_ url: URL, inside directory: URL, named directoryName: String, what: String, shownAs display: String) throws {
        try require(FilePathText.standardized(url.path), inside: FilePathText.standardized(directory.path), named: directoryName, what: what, shownAs: display)
    }

    /// `require(_:inside:named:what:shownAs:)` for standardized absolute paths.
    static func require(_ path: String, inside directory: String, named directoryName: String, what: String, shownAs display: String) throws {
        guard contains(directory, path) else {
            throw TandemError.invalidArgument(
                "\(display): the \(what) leads through a symbolic link to \(destination(ofPath: path)), outside \(directoryName); Tandem reads and writes project files only inside the project (replace the link with a folder or file)")
        }
    }
}
