import Foundation

/// Where the project's shared, read-only material lives: `../shared` beside the repository.
///
/// The corpus is real text nobody here wrote; tests read it in place and skip, saying why,
/// when it is absent. Its bytes are never copied into the project.
public enum SharedCorpus {
    /// The repository root, found from this file's path (Sources/TandemTestSupport/…).
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` next to the repository, or `TANDEM_SHARED` when set.
    public static var sharedDirectory: URL {
        if let override = ProcessInfo.processInfo.environment["TANDEM_SHARED"] {
            return URL(fileURLWithPath: override)
        }
        return repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }

    /// `shared/corpus`.
    public static var corpusDirectory: URL { sharedDirectory.appendingPathComponent("corpus") }

    /// Whether the corpus is here at all.
    public static var isAvailable: Bool { FileManager.default.fileExists(atPath: seedPost.path) }

    /// The zh-CN news post the project started from.
    public static var seedPost: URL { corpusDirectory.appendingPathComponent("seed/000_d7deeedf8c9752ce.md") }

    /// Every Markdown file of the corpus (seed, real/yaml-news, real/hugo-mixed), sorted.
    public static var allPosts: [URL] {
        let folders = ["seed", "real/yaml-news", "real/hugo-mixed"]
        return folders.flatMap { folder -> [URL] in
            let directory = corpusDirectory.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            return names.filter { $0.hasSuffix(".md") }.sorted().map { directory.appendingPathComponent($0) }
        }
    }

    /// The message a skipped test prints.
    public static let absentMessage = "shared corpus not found beside the repository (../shared/corpus); set TANDEM_SHARED to point at it"
}
