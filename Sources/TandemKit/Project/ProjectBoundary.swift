import Foundation

/// Where a path really leads, for the rule that Tandem reads posts and writes segment files and
/// kept TMX copies only inside the project: a symbolic link anywhere on the way — the file
/// itself (even one whose destination does not exist yet), `locales/`, `locales/en/posts`,
/// `tm/` — may not take a read or a write out of it.
public enum ProjectBoundary {
    /// `url` with every symbolic link on its path resolved, including a last component that is
    /// a link to a file that does not exist (`realpath` gives up on those).
    public static func destination(of url: URL) -> URL {
        var current = url.standardizedFileURL
        // A dangling link is followed by hand, a bounded number of times (a loop stays put).
        for _ in 0..<16 {
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: current.path) else { break }
            current = target.hasPrefix("/")
                ? URL(fileURLWithPath: target).standardizedFileURL
                : current.deletingLastPathComponent().appendingPathComponent(target).standardizedFileURL
        }
        return current.resolvingExistingSymlinks()
    }

    /// Whether `url`, followed through its links, lies in `directory` (itself resolved).
    public static func contains(_ directory: URL, _ url: URL) -> Bool {
        TranslationLayout.isInside(destination(of: url), directory.resolvingExistingSymlinks())
    }

    /// Throws unless `url` lies in `directory` once its links are followed; `what` names the
    /// file in the message (`segment file`, `post`, `kept TMX copy`), `directoryName` the place
    /// (`the project`, `the content directory`).
    public static func require(_ url: URL, inside directory: URL, named directoryName: String, what: String, shownAs display: String) throws {
        guard contains(directory, url) else {
            throw TandemError.invalidArgument(
                "\(display): the \(what) leads through a symbolic link to \(destination(of: url).path), outside \(directoryName); Tandem reads and writes project files only inside the project (replace the link with a folder or file)")
        }
    }
}
