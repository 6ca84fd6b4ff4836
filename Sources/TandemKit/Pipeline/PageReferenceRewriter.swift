import Foundation

/// Hugo's links between pages, `{{< ref "b.md" >}}` and `{{< relref … >}}`, made to resolve in
/// a translated page.
///
/// Hugo looks a reference up among the pages of the referring page's own language, and a
/// reference it cannot find stops the whole site's build (`REF_NOT_FOUND`). A translation copied
/// its source's references as they were, so two kinds broke the site (a helper's finding on the
/// DoIt docs):
/// - one that names the source language's file, `index.zh-cn.md`, which the translated
///   language does not have: it is renamed to the translation's file, `index.en.md`;
/// - one to a page that has no translation in the language (a site translated a few posts at a
///   time): it is given the source's language, `{{< ref path="b.md" lang="zh-cn" >}}`, so the
///   link leads to the source page.
/// A reference is found as Hugo finds it: from the page's folder (a leaf bundle's parent folder),
/// then from the content root, then by a page's name alone when one page has it. One Tandem
/// cannot match to a source post (a section, a name several pages have, a page in another
/// language) and one that names its `lang` already are left as they are.
struct PageReferenceRewriter {
    let project: Project
    /// The Hugo key of the source language (`zh-cn`).
    private let sourceKey: String
    /// Whether references are rewritten at all: only in a site with languages.
    private let isMultilingual: Bool
    private let sourcePosts: SourcePostSet

    /// The project's source posts, listed once, when a reference first needs them.
    private final class SourcePostSet {
        private let project: Project
        private var paths: Set<String>?
        private var listed: [URL]?
        init(project: Project) { self.project = project }
        func contains(_ url: URL) throws -> Bool {
            if paths == nil { paths = Set(try all().map(\.path)) }
            return paths?.contains(url.standardizedFileURL.path) ?? false
        }
        func all() throws -> [URL] {
            if let listed { return listed }
            let posts = try project.sourcePosts().map(\.standardizedFileURL)
            listed = posts
            return posts
        }
    }

    init(project: Project) {
        self.project = project
        sourceKey = project.translationLayout.languageKey(for: project.configuration.source)
        isMultilingual = !(project.site?.languages.isEmpty ?? true)
        sourcePosts = SourcePostSet(project: project)
    }

    /// `bytes`, the page built from `post` in `locale`, with its references rewritten;
    /// `hasTranslation` says whether a source post has a page in `locale`.
    func rewrite(_ bytes: [UInt8], of post: URL, locale: LocaleTag, hasTranslation: (URL) throws -> Bool) throws -> [UInt8] {
        guard isMultilingual else { return bytes }
        let bodyStart = FrontMatterBlock.locate(in: bytes)?.range.upperBound ?? 0
        var edits: [(range: Range<Int>, text: String)] = []
        for span in ShortcodeScanner.shortcodes(in: bytes, range: bodyStart..<bytes.count) {
            guard let name = ShortcodeScanner.name(of: span, in: bytes), name == "ref" || name == "relref" else { continue }
            let arguments = ShortcodeScanner.arguments(of: span, in: bytes)
            guard !arguments.contains(where: { $0.name == "lang" }),
                  let path = arguments.first(where: { $0.name == "path" })
                    ?? (arguments.count == 1 && arguments[0].name == nil ? arguments[0] : nil),
                  let referenced = try resolve(path.value, from: post)
            else { continue }
            if try hasTranslation(referenced) {
                if let renamed = try renamed(path.value, referenced: referenced, locale: locale) {
                    edits.append((path.valueRange, path.encoded(renamed)))
                }
            } else if path.name == nil {
                edits.append((path.valueRange, "path=\(Self.quoted(path.value)) lang=\(Self.quoted(sourceKey))"))
            } else if let last = arguments.last {
                edits.append((last.valueRange.upperBound..<last.valueRange.upperBound, " lang=\(Self.quoted(sourceKey))"))
            }
        }
        var output = bytes
        for edit in edits.reversed() { output.replaceSubrange(edit.range, with: Array(edit.text.utf8)) }
        return output
    }

    /// The source post `reference` names, from `post`: a path from the content directory's root
    /// (`/posts/b.md`) or from the post's folder then the root (`b.md`, `../b/index.zh-cn.md`),
    /// with or without its `.md` or language suffix, a bundle by its folder; nil when it names
    /// no source post.
    func resolve(_ reference: String, from post: URL) throws -> URL? {
        let path = String(reference.prefix { $0 != "#" && $0 != "?" })
        guard !path.isEmpty, !path.contains("://") else { return nil }
        let content = project.contentDirectory
        // Hugo looks a relative reference up from the page's folder, and from a leaf bundle's
        // `index.md` from the folder the bundle is in (the bundle's own folder holds resources,
        // not pages) unless it goes up itself (`../`).
        var folder = post.deletingLastPathComponent()
        if Self.isLeafBundle(post), !path.hasPrefix("../") { folder = folder.deletingLastPathComponent() }
        let bases = path.hasPrefix("/") ? [content] : [folder, content]
        let relative = String(path.drop { $0 == "/" })
        for base in bases {
            let url = base.appendingPathComponent(relative).standardizedFileURL
            // Hugo finds `b.md` as `b.zh-cn.md` too: a file's language suffix is not its name.
            var candidates = [url]
            if !url.pathExtension.isEmpty {
                candidates.append(url.deletingPathExtension().appendingPathExtension(sourceKey).appendingPathExtension(url.pathExtension))
            }
            if url.pathExtension.isEmpty || path.hasSuffix("/") {
                candidates += [
                    url.appendingPathExtension("md"), url.appendingPathExtension(sourceKey).appendingPathExtension("md"),
                    url.appendingPathComponent("index.md"), url.appendingPathComponent("index.\(sourceKey).md"),
                    url.appendingPathComponent("_index.md"), url.appendingPathComponent("_index.\(sourceKey).md"),
                ]
            }
            for candidate in candidates where try sourcePosts.contains(candidate) { return candidate.standardizedFileURL }
        }
        return path.contains("/") ? nil : try uniquelyNamed(path)
    }

    /// Whether `post` is a leaf bundle's page (`index.md`, `index.zh-cn.md`).
    static func isLeafBundle(_ post: URL) -> Bool {
        post.lastPathComponent.lowercased().hasPrefix("index.")
    }

    /// The one source post whose name is `name` (`b` or `b.md`: a page's file name with or
    /// without its extension and language suffix, a bundle's folder name), as Hugo finds a page
    /// by its name alone anywhere in the site (`ref "charts"` from another section); nil when
    /// none or several are (Hugo calls that ambiguous, and stops).
    private func uniquelyNamed(_ name: String) throws -> URL? {
        let wanted = name.lowercased()
        let stem = { (file: String) -> String in
            var parts = file.lowercased().split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            if parts.count > 1 { parts.removeLast() }
            if parts.count > 1, parts.last == self.sourceKey.lowercased() { parts.removeLast() }
            return parts.joined(separator: ".")
        }
        let matches = try sourcePosts.all().filter { post in
            let file = post.lastPathComponent.lowercased()
            if file.hasPrefix("index.") || file.hasPrefix("_index.") { return wanted == post.deletingLastPathComponent().lastPathComponent.lowercased() }
            return [stem(file), stem(file) + ".md", file].contains(wanted)
        }
        return matches.count == 1 ? matches[0] : nil
    }

    /// `reference` naming the translation's file instead of the source's, when it names the
    /// source's by its language suffix (`index.zh-cn.md` → `index.en.md`); nil when it needs no
    /// change (`b.md` and a bundle's folder are found in every language).
    private func renamed(_ reference: String, referenced: URL, locale: LocaleTag) throws -> String? {
        let pathEnd = reference.firstIndex { $0 == "#" || $0 == "?" } ?? reference.endIndex
        let path = reference[..<pathEnd]
        let nameStart = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let name = String(path[nameStart...])
        guard name.lowercased() == referenced.lastPathComponent.lowercased(),
              name.lowercased().hasSuffix(".\(sourceKey).md") || name.lowercased().hasSuffix(".\(sourceKey).markdown")
        else { return nil }
        let translated = try project.translatedPost(for: referenced, locale: locale).lastPathComponent
        return String(reference[..<nameStart]) + translated + String(reference[pathEnd...])
    }

    /// A shortcode argument's value in double quotes, as Hugo's lexer reads it back.
    private static func quoted(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
