import Foundation

/// A Tandem project: the directory holding `tandem.yml`, and where everything lives under it.
public struct Project: Sendable {
    public let root: URL
    public let configuration: ProjectConfiguration
    /// The configuration of the Hugo site at the root, when there is one: it decides the
    /// content directory, the language keys and where translations go.
    public let site: HugoSiteConfiguration?
    /// The directory of the source posts (the site's, for the source language, where it says).
    /// Stored: every post's segment file and relative path is made from it.
    public let contentDirectory: URL

    public init(root: URL, configuration: ProjectConfiguration, site: HugoSiteConfiguration? = nil) {
        self.root = root.standardizedFileURL
        self.configuration = configuration
        self.site = site
        contentDirectory = TranslationLayout(root: self.root, configuration: configuration, site: site).sourceContentDirectory
    }

    /// The project whose project file is `configFile` (its directory is the root), with the
    /// Hugo site's configuration read from the root (or from `siteConfig:`).
    public static func open(configFile: URL) throws -> Project {
        let root = configFile.deletingLastPathComponent()
        let configuration = try ProjectConfiguration.load(configFile)
        return Project(root: root, configuration: configuration, site: try HugoSiteConfiguration.load(siteRoot: root, files: configuration.siteConfig))
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
    /// Where each language's version of a post lives.
    public var translationLayout: TranslationLayout { TranslationLayout(root: root, configuration: configuration, site: site) }
    public var localesDirectory: URL { layout.localesDirectory }

    /// The posts to work on: `paths` (files or directories inside the content directory), or
    /// every post of the content directory, in the source language and matching `include` and
    /// not `exclude`. Posts in other languages (`foo.en.md`, `index.ja.md`, a page of another
    /// language's content directory) are not sources.
    public func sourcePosts(_ paths: [String] = []) throws -> [URL] {
        try sourcePosts(paths, declaredLanguage: declaredLanguage(of:))
    }

    /// `sourcePosts(_:)`, with the `lang:` or `language:` of a post's front matter given by
    /// `declaredLanguage` (asked only about a post whose file name and content directory do not
    /// say its language): `ExtractRun` answers from its state for a post that has not changed.
    /// `listed`: the paths of the content directory's Markdown files, when `paths` is empty and
    /// the caller listed them (`ContentListing`).
    public func sourcePosts(_ paths: [String], listed: [String]? = nil, declaredLanguage: (URL) -> String?) throws -> [URL] {
        let layout = translationLayout
        let sourceKey = layout.languageKey(for: configuration.source)
        let candidates: [URL]
        if paths.isEmpty, let listed {
            candidates = listed.map { URL(fileURLWithPath: $0, isDirectory: false) }
        } else {
            candidates = try candidatePosts(paths)
        }
        let posts = candidates.filter { post in
            layout.language(ofFile: post, frontMatterLanguage: declaredLanguage(post)).key == sourceKey
                && isIncluded(post)
        }
        // A file `build` wrote is never a source, even where Hugo reads it as the source
        // language: a locale dropped from the site leaves its `foo.fr.md` files read as pages of
        // the default language, and extract made segment files of their French as Chinese (a
        // helper's finding; build removes them). Only names with a suffix make the manifest read.
        guard posts.contains(where: { $0.deletingPathExtension().pathExtension.isEmpty == false }),
              let built = try? BuildManifest.load(self).files, !built.isEmpty else { return posts }
        return posts.filter { built[projectPath(of: $0)] == nil }
    }

    /// Every Markdown file under `paths` or the content directory, whatever its language.
    func candidatePosts(_ paths: [String] = []) throws -> [URL] {
        let contentDirectory = contentDirectory
        let roots = paths.isEmpty ? [contentDirectory] : paths.map(postPath)
        // By path: sorted and without repeats, without comparing URLs.
        var posts: [String: URL] = [:]
        for start in roots {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: start.path, isDirectory: &isDirectory) else {
                throw TandemError.unreadable(path: start.path, reason: "no such file or directory")
            }
            guard isInside(start, contentDirectory) else {
                throw TandemError.invalidArgument("\(start.path) is not inside the content directory \(contentDirectory.path)")
            }
            if isDirectory.boolValue {
                // The enumerator does not follow links to directories: a file it finds that is
                // not a link itself lies where `start` really does. Only links, or every file
                // when `start` leads out, need following.
                let startInside = ProjectBoundary.contains(contentDirectory, start)
                let enumerator = FileManager.default.enumerator(at: start, includingPropertiesForKeys: nil)
                while let url = enumerator?.nextObject() as? URL {
                    guard isMarkdown(url) else { continue }
                    // `start` is standardized and the enumerator adds names: no `..` to remove.
                    let path = url.path
                    if !startInside || Self.isSymbolicLink(path) {
                        // A post that is a link out of the content directory (to a private file)
                        // is not a post of this site: refused rather than read into segment files.
                        try ProjectBoundary.require(url, inside: contentDirectory, named: "the content directory", what: "post", shownAs: projectPath(of: url))
                    }
                    posts[path] = url
                }
            } else if isMarkdown(start) {
                posts[start.path] = start
            }
        }
        return posts.sorted { $0.key < $1.key }.map(\.value)
    }

    private static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) != 0 || info.st_mode & S_IFMT == S_IFLNK
    }

    /// The language of the post at `url`: its suffix, its content directory, its `lang:` or
    /// `language:` front matter, else the default (see `TranslationLayout.language(ofFile:)`).
    public func language(of url: URL) -> PostLanguage {
        language(of: url, declaredLanguage: declaredLanguage(of:))
    }

    /// `language(of:)` with the front matter's language from `declaredLanguage`, asked only when
    /// the file name and the content directory do not tell.
    func language(of url: URL, declaredLanguage: (URL) -> String?) -> PostLanguage {
        translationLayout.language(ofFile: url, frontMatterLanguage: declaredLanguage(url))
    }

    /// `lang:` or `language:` of the post's front matter; an unreadable post has none (extract
    /// reports what is wrong with it).
    func declaredLanguage(of url: URL) -> String? {
        guard let bytes = try? TextFile.readBytes(url, limit: TextFile.postSizeLimit),
              let frontMatter = try? FrontMatter.read(bytes, path: url.path) else { return nil }
        for key in ["lang", "language"] {
            if case .string(let value)? = frontMatter[key]?.value { return value }
        }
        return nil
    }

    /// Whether `post` passes `include` and `exclude` (globs on its path in the content directory).
    private func isIncluded(_ post: URL) -> Bool {
        guard !configuration.include.isEmpty || !configuration.exclude.isEmpty else { return true }
        let relative = relativePath(of: post)
        let matches: (String) -> Bool = { fnmatch($0, relative, 0) == 0 }
        return (configuration.include.isEmpty || configuration.include.contains(where: matches)) && !configuration.exclude.contains(where: matches)
    }

    private func isMarkdown(_ url: URL) -> Bool {
        let ext = url.pathExtension.lowercased()
        return ext == "md" || ext == "markdown"
    }

    /// `post`'s path relative to the content directory.
    public func relativePath(of post: URL) -> String { post.path(relativeTo: contentDirectory) }

    /// `post` relative to the project root, as segment files record it.
    public func projectPath(of post: URL) -> String { post.path(relativeTo: root) }

    /// `locales/<tag>/<path in content>.json`, checked to stay inside the project.
    public func segmentFile(for post: URL, locale: LocaleTag) throws -> URL {
        // On paths as text (`FilePathText`): `URL`'s own operations cost a tenth of an extract.
        let postPath = FilePathText.standardized(post.path)
        let rootPath = FilePathText.standardized(root.path)
        let localesPath = FilePathText.standardized(localesDirectory.path)
        let relative = FilePathText.relative(postPath, to: FilePathText.standardized(contentDirectory.path))
        let path = FilePathText.appending((relative as NSString).deletingPathExtension + ".json", to: localesPath + "/" + locale.identifier)
        func shown(_ path: String) -> String { FilePathText.relative(path, to: rootPath) }
        guard TranslationLayout.isInside(path, localesPath) else {
            throw TandemError.invalidArgument("\(shown(path)): the segment file of \(shown(postPath)) would fall outside locales/ (a symbolic link on the way leads out of it); replace the link with a folder")
        }
        // `locales/` itself, or the file, may be a link out of the project: checked against the root.
        try ProjectBoundary.require(path, inside: rootPath, named: "the project", what: "segment file", shownAs: shown(path))
        try refuseSegmentFileClash(ofPath: postPath, segmentFile: path, root: rootPath)
        return URL(fileURLWithPath: path)
    }

    /// Where `build` writes `post` in `locale` (see `TranslationLayout.translatedPost`).
    public func translatedPost(for post: URL, locale: LocaleTag) throws -> URL {
        try translationLayout.translatedPost(for: post, locale: locale)
    }

    /// The translation an earlier build wrote beside the default language's own page of `post`
    /// (see `TranslationLayout.hidingTranslation`).
    public func hidingTranslation(for post: URL, locale: LocaleTag) -> URL? {
        translationLayout.hidingTranslation(for: post, locale: locale)
    }

    /// A post or directory as a user names it. A relative path is read from the current
    /// directory; when nothing is there, from the project's root (commands print posts so:
    /// `content/posts/a.md`) and then from the content directory (`posts/a.md`), so that a
    /// path copied from `tandem next` works from any directory of the project.
    public func postPath(_ path: String) -> URL {
        let typed = URL(fileURLWithPath: path).standardizedFileURL
        guard !path.hasPrefix("/"), !FileManager.default.fileExists(atPath: typed.path) else { return typed }
        for base in [root, contentDirectory] {
            let candidate = base.appendingPathComponent(path).standardizedFileURL
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        }
        return typed
    }

    private func isInside(_ url: URL, _ directory: URL) -> Bool { TranslationLayout.isInside(url, directory) }
}
