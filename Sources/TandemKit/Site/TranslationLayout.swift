import Foundation

/// Where each language's version of a post lives, as the Hugo site arranges it: by file name
/// (`foo.<key>.md` beside the source, `index.<key>.md` in a bundle) or by content directory
/// (each language's `contentDir`, same relative path). Read from the site's configuration
/// when there is one; outside a Hugo site, from `tandem.yml`'s `output` and `outputDirectory`.
public struct TranslationLayout: Sendable {
    public let root: URL
    public let configuration: ProjectConfiguration
    /// The Hugo site's configuration, when the project root holds one.
    public let site: HugoSiteConfiguration?

    public init(root: URL, configuration: ProjectConfiguration, site: HugoSiteConfiguration?) {
        self.root = root.standardizedFileURL
        self.configuration = configuration
        self.site = site
    }

    /// The language key `tag` is written as in file names: the site's key for it (`zh-TW` →
    /// `zh-tw`, or the key whose `languageCode` is `zh-TW`), else the tag lower-cased as Hugo
    /// lower-cases keys.
    public func languageKey(for tag: LocaleTag) -> String {
        site?.language(for: tag)?.key ?? tag.identifier.lowercased()
    }

    /// The key of the `/<key>/` Hugo publishes `tag`'s pages under, or nil when they are at the
    /// site's root: a site with languages, and `tag` not its default language (or the default
    /// too, with `defaultContentLanguageInSubdir`).
    public func languagePrefix(_ tag: LocaleTag) -> String? {
        guard let site, !site.languages.isEmpty else { return nil }
        let key = languageKey(for: tag)
        return site.defaultContentLanguageInSubdir || key != site.defaultContentLanguage ? key : nil
    }

    /// The content directory the source posts are in: the source language's `contentDir`,
    /// else the site's `contentDir`, else `tandem.yml`'s `content`.
    public var sourceContentDirectory: URL {
        guard let site else { return directory(configuration.content) }
        return directory(site.language(for: configuration.source)?.contentDir ?? site.contentDir)
    }

    /// The content directory of `tag`'s pages, when it has one other than the source's.
    public func separateContentDirectory(for tag: LocaleTag) -> URL? {
        if let site {
            guard let own = site.language(for: tag)?.contentDir else { return nil }
            let url = directory(own)
            return url == sourceContentDirectory ? nil : url
        }
        guard configuration.output == .directory, let pattern = configuration.outputDirectory else { return nil }
        let url = directory(pattern.replacingOccurrences(of: "{tag}", with: tag.identifier))
        return url == sourceContentDirectory ? nil : url
    }

    /// The language key of the post at `url` (inside the source content directory, or a
    /// language's own one): a language suffix, else the content directory of a language, else
    /// `frontMatterLanguage` (`lang:`/`language:`), else the site's default language (Hugo
    /// gives an unsuffixed file that language) or, outside a site or in one that names no
    /// language, the project's source.
    public func language(ofFile url: URL, frontMatterLanguage: @autoclosure () -> String?) -> PostLanguage {
        if let key = suffixKey(of: url) { return PostLanguage(key: key, evidence: .fileName) }
        if let key = directoryKey(of: url) { return PostLanguage(key: key, evidence: .contentDirectory) }
        // Read last: it may parse the post's front matter.
        if let raw = frontMatterLanguage(), let tag = LocaleTag(raw) {
            return PostLanguage(key: languageKey(for: tag), evidence: .frontMatter)
        }
        // A site that names no language at all has only Hugo's default `en` on paper: its posts
        // are in the language the project says.
        let siteDefault = site.flatMap { $0.defaultLocaleTag != nil ? $0.defaultContentLanguage : nil }
        return PostLanguage(key: siteDefault ?? languageKey(for: configuration.source), evidence: .fallback)
    }

    /// The language named by `url`'s suffix (`foo.en.md` → `en`): one of the site's keys, or
    /// outside a site a key of the project's languages or any tag whose unsuffixed file exists.
    func suffixKey(of url: URL) -> String? {
        // Most posts (`0000.md`) have no second extension: told from the path's bytes, without
        // the URLs `deletingPathExtension()` makes (a measurable part of listing 5,000 posts).
        guard Self.hasTwoExtensions(url.path) else { return nil }
        let stem = url.deletingPathExtension()
        let suffix = stem.pathExtension.lowercased()
        guard !suffix.isEmpty else { return nil }
        if let site { return site.language(key: suffix) != nil ? suffix : nil }
        guard let tag = LocaleTag(suffix) else { return nil }
        let projectKeys = ([configuration.source] + configuration.targets).map(languageKey(for:))
        if projectKeys.contains(suffix) { return suffix }
        // Another language only by a two-letter ISO 639-1 code: `x.old.md` and `x.new.md` beside
        // `x.md` are posts of their own, not Old/Newari versions to skip.
        guard tag.identifier.count == 2 else { return nil }
        let original = stem.deletingPathExtension().appendingPathExtension(url.pathExtension)
        return FileManager.default.fileExists(atPath: original.path) ? languageKey(for: tag) : nil
    }

    /// Whether the last component of `path` has two dots after its first byte: what a language
    /// suffix before the extension needs (`foo.en.md`; a leading dot starts no extension).
    static func hasTwoExtensions(_ path: String) -> Bool {
        var dots = 0
        var first: UInt8 = 0
        for byte in path.utf8.reversed() {
            if byte == UInt8(ascii: "/") { break }
            if byte == UInt8(ascii: ".") { dots += 1 }
            first = byte
        }
        // A dot that starts the name starts no extension.
        if first == UInt8(ascii: ".") { dots -= 1 }
        return dots >= 2
    }

    /// The language whose own content directory holds `url`.
    private func directoryKey(of url: URL) -> String? {
        let tags: [(key: String, directory: URL)]
        if let site {
            tags = site.languages.filter { !$0.disabled }.compactMap { language in
                language.contentDir.map { (language.key, directory($0)) }
            }
        } else {
            tags = ([configuration.source] + configuration.targets).compactMap { tag in
                separateContentDirectory(for: tag).map { (languageKey(for: tag), $0) }
            }
        }
        // The deepest directory wins (`content/en` inside `content`).
        return tags.filter { Self.isInside(url, $0.directory) }.max { $0.directory.path.count < $1.directory.path.count }?.key
    }

    /// Where `post` (a source post) is written in `locale`: in the locale's content directory
    /// at the same relative path, or beside it as `<name>.<key>.md` (a source suffix such as
    /// `index.zh-cn.md` is replaced, not kept) — unless the file without a suffix is already
    /// that locale's version (`defaultLanguageVersion(stem:extension:locale:)`).
    public func translatedPost(for post: URL, locale: LocaleTag) throws -> URL {
        let ext = post.pathExtension
        var stem = post.deletingPathExtension()
        let suffixed = suffixKey(of: post) != nil
        if suffixed { stem = stem.deletingPathExtension() }
        let url: URL
        if let directory = separateContentDirectory(for: locale) {
            let relative = stem.appendingPathExtension(ext).path(relativeTo: sourceContentDirectory)
            url = directory.appendingPathComponent(relative).standardizedFileURL
        } else if suffixed, let existing = defaultLanguageVersion(stem: stem, extension: ext, locale: locale) {
            url = existing
        } else {
            url = stem.appendingPathExtension(languageKey(for: locale)).appendingPathExtension(ext)
        }
        guard Self.isInside(url, root) else { throw TandemError.invalidArgument("output for \(post.path) would fall outside the project") }
        return url
    }

    /// When `translatedPost(for:locale:)` is the default language's own unsuffixed page, the
    /// `<name>.<key>.md` beside it: what a build before that page existed (or before Tandem knew
    /// the rule) wrote there, which Hugo shows instead of the page.
    public func hidingTranslation(for post: URL, locale: LocaleTag) -> URL? {
        guard separateContentDirectory(for: locale) == nil, suffixKey(of: post) != nil else { return nil }
        let ext = post.pathExtension
        let stem = post.deletingPathExtension().deletingPathExtension()
        guard defaultLanguageVersion(stem: stem, extension: ext, locale: locale) != nil else { return nil }
        return stem.appendingPathExtension(languageKey(for: locale)).appendingPathExtension(ext)
    }

    /// `<stem>.<ext>` when it exists and Hugo reads it as `locale`: the site names its default
    /// language and `locale` is it. Hugo gives a file without a language suffix the default
    /// language, so beside a source `foo.zh.md` an existing `foo.md` already is the English page
    /// of a site whose default is English (theme example sites are made so). A `foo.en.md`
    /// written beside it would be a second English page that Hugo shows instead of the human
    /// one; with this path, `build` treats it as any file it did not write (left as it is,
    /// reported) and `align` adopts it.
    private func defaultLanguageVersion(stem: URL, extension ext: String, locale: LocaleTag) -> URL? {
        guard let site, site.defaultLocaleTag != nil, languageKey(for: locale) == site.defaultContentLanguage,
              locale != configuration.source else { return nil }
        let unsuffixed = stem.appendingPathExtension(ext)
        return FileManager.default.fileExists(atPath: unsuffixed.path) ? unsuffixed : nil
    }

    private func directory(_ relative: String) -> URL { root.appendingPathComponent(relative).standardizedFileURL }

    /// Whether `url` lies in `directory`, as written and after symbolic links are resolved (a
    /// link inside the project that points out of it does not count as inside).
    static func isInside(_ url: URL, _ directory: URL) -> Bool {
        isInside(FilePathText.standardized(url.path), FilePathText.standardized(directory.path))
    }

    /// `isInside(_:_:)` for standardized absolute paths.
    static func isInside(_ path: String, _ directory: String) -> Bool {
        FilePathText.isInside(path, directory)
            && FilePathText.isInside(FilePathText.resolvingExistingSymlinks(path), FilePathText.resolvingExistingSymlinks(directory))
    }
}
