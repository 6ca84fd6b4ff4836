import Foundation

/// A Tandem project: the directory holding `tandem.yml`, and where everything lives under it.
public struct Project: Sendable {
    public let root: URL
    public let configuration: ProjectConfiguration

    public init(root: URL, configuration: ProjectConfiguration) {
        self.root = root.standardizedFileURL
        self.configuration = configuration
    }

    /// The project whose project file is `configFile` (its directory is the root).
    public static func open(configFile: URL) throws -> Project {
        Project(root: configFile.deletingLastPathComponent(), configuration: try ProjectConfiguration.load(configFile))
    }

    /// The project of the nearest `tandem.yml` at or above `directory`.
    public static func open(searchingFrom directory: URL) throws -> Project {
        guard let root = ProjectLocator.projectRoot(from: directory) else {
            throw TandemError.projectNotFound(searchedFrom: directory.path)
        }
        return try open(configFile: ProjectLayout(root: root).configurationFile)
    }

    /// Where things live in this project.
    public var layout: ProjectLayout { ProjectLayout(root: root) }
    public var contentDirectory: URL { root.appendingPathComponent(configuration.content).standardizedFileURL }
    public var localesDirectory: URL { layout.localesDirectory }

    /// The posts to work on: `paths` (files or directories inside the content directory), or
    /// every post of the content directory. Translated posts (`foo.en.md` beside `foo.md`) are
    /// not sources.
    public func sourcePosts(_ paths: [String] = []) throws -> [URL] {
        let roots = paths.isEmpty ? [contentDirectory] : paths.map { URL(fileURLWithPath: $0).standardizedFileURL }
        var posts: [URL] = []
        for start in roots {
            guard isInside(start, contentDirectory) else {
                throw TandemError.invalidArgument("\(start.path) is not inside the content directory \(contentDirectory.path)")
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: start.path, isDirectory: &isDirectory) else {
                throw TandemError.unreadable(path: start.path, reason: "no such file or directory")
            }
            if isDirectory.boolValue {
                let enumerator = FileManager.default.enumerator(at: start, includingPropertiesForKeys: nil)
                while let url = enumerator?.nextObject() as? URL {
                    if isPost(url) { posts.append(url.standardizedFileURL) }
                }
            } else if isPost(start) {
                posts.append(start)
            }
        }
        return Array(Set(posts)).sorted { $0.path < $1.path }
    }

    private func isPost(_ url: URL) -> Bool {
        let ext = url.pathExtension.lowercased()
        guard ext == "md" || ext == "markdown" else { return false }
        if configuration.output == .directory, let pattern = configuration.outputDirectory {
            for tag in configuration.targets {
                let directory = root.appendingPathComponent(pattern.replacingOccurrences(of: "{tag}", with: tag.identifier)).standardizedFileURL
                if directory != contentDirectory, isInside(url, directory) { return false }
            }
        }
        return translationLocale(of: url) == nil
    }

    /// For `foo.en.md` beside `foo.md`: `en`.
    public func translationLocale(of url: URL) -> LocaleTag? {
        let stem = url.deletingPathExtension()
        let suffix = stem.pathExtension
        guard !suffix.isEmpty, let tag = LocaleTag(suffix) else { return nil }
        let original = stem.deletingPathExtension().appendingPathExtension(url.pathExtension)
        return FileManager.default.fileExists(atPath: original.path) ? tag : nil
    }

    /// `post`'s path relative to the content directory.
    public func relativePath(of post: URL) -> String { post.path(relativeTo: contentDirectory) }

    /// `post` relative to the project root, as segment files record it.
    public func projectPath(of post: URL) -> String { post.path(relativeTo: root) }

    /// `locales/<tag>/<path in content>.json`, checked to stay inside the project.
    public func segmentFile(for post: URL, locale: LocaleTag) throws -> URL {
        let relative = (relativePath(of: post) as NSString).deletingPathExtension + ".json"
        let url = localesDirectory.appendingPathComponent(locale.identifier).appendingPathComponent(relative).standardizedFileURL
        guard isInside(url, localesDirectory) else { throw TandemError.invalidArgument("segment file for \(post.path) would fall outside \(localesDirectory.path)") }
        return url
    }

    /// Where `build` writes `post` in `locale`.
    public func translatedPost(for post: URL, locale: LocaleTag) throws -> URL {
        let url: URL
        switch configuration.output {
        case .filename:
            let ext = post.pathExtension
            url = post.deletingPathExtension().appendingPathExtension(locale.identifier).appendingPathExtension(ext)
        case .directory:
            let pattern = configuration.outputDirectory ?? "content.{tag}"
            url = root.appendingPathComponent(pattern.replacingOccurrences(of: "{tag}", with: locale.identifier))
                .appendingPathComponent(relativePath(of: post)).standardizedFileURL
        }
        guard isInside(url, root) else { throw TandemError.invalidArgument("output for \(post.path) would fall outside the project") }
        return url
    }

    private func isInside(_ url: URL, _ directory: URL) -> Bool {
        let path = url.standardizedFileURL.path
        let base = directory.standardizedFileURL.path
        return path == base || path.hasPrefix(base.hasSuffix("/") ? base : base + "/")
    }
}
