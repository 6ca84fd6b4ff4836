import Foundation

/// Finds the Tandem project a command runs in: the nearest directory at or above a start
/// directory (the caller's current one) holding `tandem.yml` (or, before `tandem init`, a
/// `locales/` directory).
public enum ProjectLocator {
    /// The project root, if any.
    public static func projectRoot(from start: URL) -> URL? {
        var directory = start.standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: ProjectLayout(root: directory).configurationFile.path) {
                return directory
            }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { return nil }
            directory = parent
        }
    }

    /// `locales/` of the project, when there is one.
    public static func localesDirectory(from start: URL) -> URL? {
        var isDirectory: ObjCBool = false
        if let root = projectRoot(from: start) {
            let locales = ProjectLayout(root: root).localesDirectory
            if FileManager.default.fileExists(atPath: locales.path, isDirectory: &isDirectory), isDirectory.boolValue {
                return locales
            }
        }
        let local = ProjectLayout(root: start).localesDirectory
        if FileManager.default.fileExists(atPath: local.path, isDirectory: &isDirectory), isDirectory.boolValue {
            return local
        }
        return nil
    }
}
