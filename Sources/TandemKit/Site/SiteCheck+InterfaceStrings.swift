import Foundation

extension SiteCheck {
    /// The site's own interface strings (`i18n/<key>.yaml`: "Read more", menus' labels in
    /// templates) that the source language has and a target does not, in the site's `i18n/`
    /// and its themes': Tandem translates posts, not these files, and Hugo shows a string a
    /// language lacks as nothing (a helper's finding: the English "read more" link was empty,
    /// and `check` said the site fits).
    func interfaceStringFindings(_ site: HugoSiteConfiguration) -> [SiteFinding] {
        let layout = project.translationLayout
        let sourceKey = layout.languageKey(for: project.configuration.source)
        let themes = (try? FileManager.default.contentsOfDirectory(atPath: project.root.appendingPathComponent("themes").path)) ?? []
        let directories = ["i18n"] + themes.sorted().map { "themes/\($0)/i18n" }
        guard let (sourceFile, sourceIDs) = Self.strings(of: sourceKey, in: ["i18n"], root: project.root), !sourceIDs.isEmpty else { return [] }
        var findings: [SiteFinding] = []
        for target in project.configuration.targets {
            let key = layout.languageKey(for: target)
            let targetIDs = directories.reduce(into: Set<String>()) { ids, directory in
                ids.formUnion(Self.strings(of: key, in: [directory], root: project.root)?.ids ?? [])
            }
            let missing = sourceIDs.subtracting(targetIDs).sorted()
            guard !missing.isEmpty else { continue }
            let shown = missing.prefix(5).joined(separator: ", ") + (missing.count > 5 ? ", …" : "")
            findings.append(SiteFinding(
                severity: .warning, file: sourceFile,
                message: "\(CountedNoun.phrase(missing.count, "interface string")) of \(sourceKey) (\(shown)) \(missing.count == 1 ? "has" : "have") no \(key) translation in i18n/\(key).yaml (or the theme's), and Hugo shows \(missing.count == 1 ? "it" : "them") empty on \(key) pages; Tandem does not translate i18n files: add i18n/\(key).yaml"))
        }
        return findings
    }

    /// The first file `i18n/<key>.{toml,yaml,yml,json}` among `directories` and the ids it
    /// holds (a map of ids, or go-i18n's list of `id:` entries); nil when there is none.
    static func strings(of key: String, in directories: [String], root: URL) -> (file: String, ids: Set<String>)? {
        for directory in directories {
            for format in ["toml", "yaml", "yml", "json"] {
                let relative = "\(directory)/\(key).\(format)"
                let url = root.appendingPathComponent(relative)
                guard FileManager.default.fileExists(atPath: url.path), let text = try? TextFile.readUTF8(url),
                      let fileFormat = HugoConfigurationFormat(file: relative) else { continue }
                if let tree = try? fileFormat.tree(of: text, file: relative) { return (relative, Set(tree.keys)) }
                // go-i18n's older list form: `- id: readMore` entries.
                let ids = text.split(separator: "\n").compactMap { line -> String? in
                    let trimmed = line.trimmingCharacters(in: .whitespaces)
                    guard trimmed.hasPrefix("- id:") else { return nil }
                    return trimmed.dropFirst(5).trimmingCharacters(in: CharacterSet(charactersIn: " \"'")).lowercased()
                }
                return (relative, Set(ids))
            }
        }
        return nil
    }
}
