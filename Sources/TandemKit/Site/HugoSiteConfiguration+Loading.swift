import Foundation

extension HugoSiteConfiguration {
    /// The names Hugo looks for at the site root, in its order.
    static let rootFileNames = ["hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml", "config.json"]
    /// The names (without extension) of a file holding root settings, at the root or in the
    /// configuration directory; any other name there is a root key (`params`, `menus`).
    static let rootSettingsStems: Set<String> = ["hugo", "config"]
    /// Hugo's configuration directory for every environment.
    static let defaultConfigDirectory = "config/_default"

    /// The configuration of the Hugo site at `root`, read as Hugo reads it: `files` (Hugo's
    /// `--config a.toml,b.yaml`; later files win), else the first of `hugo.toml|yaml|json`,
    /// `config.toml|yaml|json`, merged with `config/_default/` (where `languages.toml` holds
    /// the `[languages]` table, `hugo.toml`/`config.toml` the root settings, and a file named
    /// `<key>.<language>.toml` such as `menus.zh-cn.toml` or `hugo.zh-cn.toml` one language's).
    /// `nil` when `root` holds no Hugo configuration.
    public static func load(siteRoot root: URL, files: [String]? = nil) throws -> HugoSiteConfiguration? {
        var read: [String] = []
        var tree: [String: Any] = [:]
        var languagesFile: (path: String, format: HugoConfigurationFormat, topLevel: Bool)?

        var defaultLanguageFile: String?

        /// Merges `relative`'s settings under `key` (a root key), for `language` only when given
        /// (`menus.en.toml` → `languages.en.menus`, `hugo.en.toml` → `languages.en`).
        func merge(_ relative: String, under key: String? = nil, language: String? = nil) throws {
            let url = root.appendingPathComponent(relative)
            guard let format = HugoConfigurationFormat(file: relative) else {
                throw TandemError.unsupportedFile(path: url.path, expected: "a Hugo configuration file (.toml, .yaml, .yml, .json)")
            }
            let settings = try format.tree(of: try TextFile.readUTF8(url), file: url.path)
            let scoped: [String: Any] = key.map { [$0: settings] } ?? settings
            tree = deepMerge(tree, language.map { ["languages": [$0: scoped]] } ?? scoped)
            read.append(relative)
            if language == nil, key == nil, settings["defaultcontentlanguage"] != nil { defaultLanguageFile = relative }
            if language != nil {
                if languagesFile == nil { languagesFile = (relative, format, false) }
            } else if key == "languages" {
                languagesFile = (relative, format, true)
            } else if languagesFile == nil || settings["languages"] != nil, languagesFile?.topLevel != true {
                languagesFile = (relative, format, false)
            }
        }

        if let files {
            for file in files { try merge(file) }
        } else {
            if let main = rootFileNames.first(where: { FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path) }) {
                try merge(main)
            }
            let directory = root.appendingPathComponent(defaultConfigDirectory)
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
            for name in names where HugoConfigurationFormat(file: name) != nil {
                // `<root key>.<ext>`, or `<root key>.<language key>.<ext>` for one language.
                let parts = ((name as NSString).deletingPathExtension).lowercased().split(separator: ".", maxSplits: 1).map(String.init)
                let key = rootSettingsStems.contains(parts[0]) ? nil : parts[0]
                try merge(defaultConfigDirectory + "/" + name, under: key, language: parts.count == 2 ? parts[1] : nil)
            }
        }
        guard let languagesFile else { return nil }
        var site = try HugoSiteConfiguration(tree: tree, files: read, languagesFile: languagesFile)
        site.defaultContentLanguageFile = defaultLanguageFile
        return site
    }

    /// The settings Tandem uses, out of the merged tree.
    private init(tree: [String: Any], files: [String], languagesFile: (path: String, format: HugoConfigurationFormat, topLevel: Bool)) throws {
        let disabledKeys = Set(((tree["disablelanguages"] as? [Any]) ?? []).map { "\($0)".lowercased() })
        var languages: [HugoLanguage] = []
        for (key, value) in (tree["languages"] as? [String: Any]) ?? [:] {
            let settings = value as? [String: Any] ?? [:]
            languages.append(HugoLanguage(
                key: key,
                languageCode: (settings["languagecode"] ?? settings["locale"]).map { "\($0)" },
                contentDir: settings["contentdir"].map { "\($0)" },
                weight: Self.integer(settings["weight"]) ?? 0,
                disabled: Self.boolean(settings["disabled"]) ?? false || disabledKeys.contains(key.lowercased())))
        }
        self.init(
            files: files, languagesFile: languagesFile.path, languagesFileFormat: languagesFile.format,
            languagesAtTopLevel: languagesFile.topLevel,
            defaultContentLanguage: tree["defaultcontentlanguage"].map { "\($0)" },
            defaultContentLanguageInSubdir: Self.boolean(tree["defaultcontentlanguageinsubdir"]) ?? false,
            contentDir: tree["contentdir"].map { "\($0)" } ?? "content",
            languages: languages)
    }

    private static func integer(_ value: Any?) -> Int? {
        if let number = value as? NSNumber { return number.intValue }
        if let number = value as? Int { return number }
        return (value as? String).flatMap(Int.init)
    }

    private static func boolean(_ value: Any?) -> Bool? {
        if let flag = value as? Bool { return flag }
        if let number = value as? NSNumber { return number.boolValue }
        return nil
    }

    /// `base` with `overlay`'s values, tables merged key by key.
    private static func deepMerge(_ base: [String: Any], _ overlay: [String: Any]) -> [String: Any] {
        var result = base
        for (key, value) in overlay {
            if let inner = value as? [String: Any], let existing = result[key] as? [String: Any] {
                result[key] = deepMerge(existing, inner)
            } else {
                result[key] = value
            }
        }
        return result
    }
}
