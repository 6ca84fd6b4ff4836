import Foundation

/// `tandem check`: what in the Hugo site would break once Tandem builds translations into it
/// (also run at the start of `build`, which refuses to run on an error).
public struct SiteCheck {
    public let project: Project

    public init(project: Project) { self.project = project }

    /// Every finding, errors first.
    public func findings() throws -> [SiteFinding] {
        guard let site = project.site else {
            return [SiteFinding(
                severity: .warning, file: ProjectLayout.configurationFileName,
                message: "no Hugo configuration (\(HugoSiteConfiguration.rootFileNames.joined(separator: ", ")) or config/_default/) at the project root; translations are named by tandem.yml's output: and the language tags lower-cased")]
        }
        var findings = languageFindings(site)
        findings += try fileFindings(site)
        findings += try translationKeyFindings()
        findings += interfaceStringFindings(site)
        return findings.filter { $0.severity == .error } + findings.filter { $0.severity == .warning }
    }

    /// The first line of `file` (relative to the root) that sets `key` at its start, in any case
    /// and any of Hugo's formats: `key = `, `key:`, `"key":`, or a TOML table `[key]`/`[key.x]`;
    /// nil when none does (a file that only holds a language's own settings).
    private func line(where key: String, in file: String) -> Int? {
        guard let text = try? TextFile.readUTF8(project.root.appendingPathComponent(file)) else { return nil }
        let key = key.lowercased()
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = Substring(line.lowercased()).drop { $0 == " " || $0 == "\t" }
            if rest.hasPrefix("[") { rest = rest.dropFirst().drop { $0 == "[" || $0 == " " } }
            if rest.hasPrefix("\"") { rest = rest.dropFirst() }
            guard rest.hasPrefix(key) else { continue }
            let after = rest.dropFirst(key.count).drop { $0 == " " || $0 == "\"" }
            if let first = after.first, "=:].".contains(first) { return index + 1 }
        }
        return nil
    }

    /// A missing `[languages]` table or entry, a disabled target, the default language.
    private func languageFindings(_ site: HugoSiteConfiguration) -> [SiteFinding] {
        let configuration = project.configuration
        let layout = project.translationLayout
        let format = site.languagesFileFormat
        var findings: [SiteFinding] = []
        let wanted = [configuration.source] + configuration.targets
        var nextWeight = (site.languages.map(\.weight).max() ?? 0) + 1
        var missing: [HugoLanguage] = []
        // Without a table, the default language keeps its key when it stands for the tag: a
        // site keyed `cn` gets `[languages.cn]` with languageCode zh-CN, not a change of key.
        func key(for tag: LocaleTag) -> String {
            site.languages.isEmpty && site.setsDefaultContentLanguage && site.defaultLocaleTag == tag
                ? site.defaultContentLanguage : layout.languageKey(for: tag)
        }
        for tag in wanted where site.language(for: tag) == nil {
            if let disabled = site.languages.first(where: { $0.key == tag.identifier.lowercased() && $0.disabled }) {
                // The file and line that disable it: `disableLanguages`, else its own table.
                let place = site.files.lazy.compactMap { file in self.line(where: "disableLanguages", in: file).map { (file, $0) } }.first
                    ?? (site.languagesFile, line(where: "languages", in: site.languagesFile) ?? 1)
                findings.append(SiteFinding(
                    severity: .error, file: place.0, line: place.1,
                    message: "language \(disabled.key) (\(tag)) is disabled in the site, so Hugo drops its pages; enable it or remove \(tag) from tandem.yml"))
                continue
            }
            // Once per key: a tandem.yml naming the source among its targets must not get the
            // same table suggested twice (a duplicate table breaks the file).
            guard !missing.contains(where: { $0.key == key(for: tag) }) else { continue }
            missing.append(HugoLanguage(key: key(for: tag), languageCode: tag.identifier, weight: nextWeight))
            nextWeight += 1
        }
        let sourceKey = key(for: configuration.source)
        if site.languages.isEmpty {
            // The default language line is added only where the file has none: a second
            // `defaultContentLanguage` is a duplicate key, which breaks a TOML or JSON file. One
            // the file has already is changed instead, and the message says so.
            let addsDefault = !site.languagesAtTopLevel && !site.setsDefaultContentLanguage
            var fix = addsDefault ? format.defaultLanguageLine(sourceKey) + "\n" : ""
            fix += format.lines(adding: missing, topLevel: site.languagesAtTopLevel)
            var message = "the site has no languages table, so Hugo builds one language (\(site.defaultContentLanguage)) and a translated foo.\(missing.last?.key ?? "en").md replaces or duplicates foo.md instead of becoming its translation"
            if addsDefault, format == .toml { message += " (the defaultContentLanguage line goes above the first [table])" }
            if site.setsDefaultContentLanguage, site.defaultContentLanguage != sourceKey {
                message += "; change the site's defaultContentLanguage from \(site.defaultContentLanguage) to \(sourceKey), the source, or name the source posts foo.\(sourceKey).md"
            }
            findings.append(SiteFinding(severity: .error, file: site.languagesFile, message: message, fix: fix))
            return findings
        }
        if !missing.isEmpty {
            findings.append(SiteFinding(
                severity: .error, file: site.languagesFile, line: line(where: "languages", in: site.languagesFile) ?? 1,
                message: "\(missing.map { "\($0.languageCode ?? $0.key)" }.joined(separator: ", ")) \(missing.count == 1 ? "has" : "have") no entry in the site's languages, so Hugo does not render \(missing.count == 1 ? "its" : "their") pages as translations",
                fix: format.lines(adding: missing, topLevel: site.languagesAtTopLevel)))
        }
        if let misplaced = site.misplacedDefaultContentLanguage {
            findings.append(SiteFinding(
                severity: .warning, file: misplaced.file, line: line(where: "defaultContentLanguage", in: misplaced.file) ?? 1,
                message: HugoConfigurationFormat(file: misplaced.file) == .toml
                    ? "defaultContentLanguage = \(misplaced.value) is inside the [\(misplaced.table)] table, where Hugo ignores it, so the site's default language is \(site.defaultContentLanguage): move the line above the first [table]"
                    : "defaultContentLanguage: \(misplaced.value) is nested under \(misplaced.table), where Hugo ignores it, so the site's default language is \(site.defaultContentLanguage): move it to the top level"))
        } else if site.defaultContentLanguage != sourceKey {
            findings.append(SiteFinding(
                severity: .warning, file: site.rootSettingsFile ?? site.languagesFile,
                line: line(where: "defaultContentLanguage", in: site.rootSettingsFile ?? site.languagesFile) ?? 1,
                message: "the site's default language is \(site.defaultContentLanguage), not the source \(configuration.source): Hugo reads a post without a language suffix (foo.md) as \(site.defaultContentLanguage), so source posts need foo.\(sourceKey).md\(site.language(for: configuration.source)?.contentDir.map { " or \($0)/" } ?? ""); posts in other languages are left alone"))
        }
        findings += nestedContentDirectoryFindings(site)
        if configuration.output == .directory, !site.translatesByDirectory {
            findings.append(SiteFinding(
                severity: .warning, file: ProjectLayout.configurationFileName,
                message: "tandem.yml says output: directory, but the site's languages have no contentDir of their own; translations go beside their source as foo.<lang>.md, as the site expects"))
        }
        return findings
    }

    /// A language whose content directory holds another's (English with none, so the site's
    /// `content/`, beside `content/zh` for Chinese): Hugo reads every file under it as that
    /// language, the other language's posts too, and published the Chinese post a second time
    /// as an English page (`/en/zh/posts/a/`) beside the built translation (a helper's finding).
    func nestedContentDirectoryFindings(_ site: HugoSiteConfiguration) -> [SiteFinding] {
        let enabled = site.languages.filter { !$0.disabled }
        func path(_ text: String) -> String {
            URL(fileURLWithPath: text, relativeTo: URL(fileURLWithPath: "/")).standardizedFileURL.path
        }
        var findings: [SiteFinding] = []
        for outer in enabled {
            let outerDirectory = site.contentDirectory(ofKey: outer.key)
            let nested = enabled.filter { inner in
                inner.key != outer.key && path(site.contentDirectory(ofKey: inner.key)).hasPrefix(path(outerDirectory) + "/")
            }
            guard let inner = nested.first else { continue }
            let innerDirectory = site.contentDirectory(ofKey: inner.key)
            let suggestion = outer.contentDir == nil
                ? "give \(outer.key) a content directory of its own beside it (contentDir = \"\(outerDirectory)/\(outer.key)\")"
                : "move one of the two directories out of the other"
            findings.append(SiteFinding(
                severity: .error, file: site.languagesFile, line: line(where: "languages", in: site.languagesFile) ?? 1,
                message: "\(outer.key)'s content directory \(outerDirectory)/ holds \(inner.key)'s \(innerDirectory)/, so Hugo reads \(inner.key)'s posts as \(outer.key) pages too and publishes them twice; \(suggestion)"))
        }
        return findings
    }

    /// Posts whose language Hugo would read differently from Tandem, and language suffixes
    /// Hugo does not know.
    private func fileFindings(_ site: HugoSiteConfiguration) throws -> [SiteFinding] {
        let layout = project.translationLayout
        let sourceKey = layout.languageKey(for: project.configuration.source)
        let keys = site.languages.filter { !$0.disabled }.map(\.key)
        var findings: [SiteFinding] = []
        for post in try project.candidatePosts() {
            let path = project.projectPath(of: post)
            let language = project.language(of: post)
            if language.evidence == .frontMatter, language.key != site.defaultContentLanguage {
                let line = declaredLanguageLine(of: post)
                let renamed = post.deletingPathExtension().appendingPathExtension(language.key).appendingPathExtension(post.pathExtension).lastPathComponent
                findings.append(SiteFinding(
                    severity: language.key == sourceKey ? .error : .warning, file: path, line: line,
                    message: "its front matter says \(language.key), but Hugo reads a file without a language suffix as \(site.defaultContentLanguage) (the default language); rename it \(renamed)"))
            }
            let suffix = post.deletingPathExtension().pathExtension
            if !suffix.isEmpty, layout.suffixKey(of: post) == nil, let tag = LocaleTag(suffix),
               let near = keys.first(where: { $0.split(separator: "-").first.map(String.init) == tag.language }) {
                findings.append(SiteFinding(
                    severity: .warning, file: path,
                    message: "the suffix .\(suffix). is not one of the site's languages (\(keys.joined(separator: ", "))), so Hugo renders it as a page of its own; did you mean .\(near).?"))
            }
        }
        return findings
    }

    private func declaredLanguageLine(of post: URL) -> Int {
        guard let bytes = try? TextFile.readBytes(post, limit: TextFile.postSizeLimit),
              let frontMatter = try? FrontMatter.read(bytes, path: post.path) else { return 1 }
        return (frontMatter["lang"] ?? frontMatter["language"])?.line ?? 1
    }
}
