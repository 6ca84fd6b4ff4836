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
    /// `<key>.<language>.toml` such as `menus.zh-cn.toml` or `languages.zh-cn.toml` one
    /// language's; see `settingsPlace(ofFileNamed:)`).
    /// `nil` when `root` holds no Hugo configuration.
    public static func load(siteRoot root: URL, files: [String]? = nil) throws -> HugoSiteConfiguration? {
        var read: [String] = []
        var tree: [String: Any] = [:]
        var languagesFile: (path: String, format: HugoConfigurationFormat, topLevel: Bool)?

        var defaultLanguageFile: String?
        var misplacedDefaultLanguage: MisplacedSetting?

        /// Merges `relative`'s settings under `key` (a root key), for `language` only when given
        /// (`menus.en.toml` → `languages.en.menus`, `hugo.en.toml` → `languages.en`).
        func merge(_ relative: String, under key: String? = nil, language: String? = nil) throws {
            let url = root.appendingPathComponent(relative)
            guard let format = HugoConfigurationFormat(file: relative) else {
                throw TandemError.unsupportedFile(path: url.path, expected: "a Hugo configuration file (.toml, .yaml, .yml, .json)")
            }
            // A byte order mark Hugo reads past (Windows editors write one) is no setting.
            var text = try TextFile.readUTF8(url)
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            let settings = try format.tree(of: text, file: url.path)
            let scoped: [String: Any] = key.map { [$0: settings] } ?? settings
            tree = deepMerge(tree, language.map { ["languages": [$0: scoped]] } ?? scoped)
            read.append(relative)
            if language == nil, key == nil, settings["defaultcontentlanguage"] != nil { defaultLanguageFile = relative }
            // A TOML key written after a `[table]` header belongs to that table (Jane's example
            // site has `defaultContentLanguage` under `[pagination]`): Hugo ignores it there.
            if language == nil, key == nil, settings["defaultcontentlanguage"] == nil,
               let (table, value) = settings.lazy.compactMap({ entry -> (String, String)? in
                   guard entry.key != "languages", let inner = (entry.value as? [String: Any])?["defaultcontentlanguage"] else { return nil }
                   return (entry.key, "\(inner)")
               }).first {
                misplacedDefaultLanguage = MisplacedSetting(file: relative, table: table, value: value)
            }
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
            // Hugo walks the directory and its subdirectories (`menus/menus.ja.toml`), and reads
            // each file by its name alone.
            let directory = root.appendingPathComponent(defaultConfigDirectory)
            let paths = (FileManager.default.subpaths(atPath: directory.path) ?? []).sorted()
            for path in paths where HugoConfigurationFormat(file: path) != nil {
                let name = (((path as NSString).lastPathComponent as NSString).deletingPathExtension).lowercased()
                let (key, language) = settingsPlace(ofFileNamed: name)
                try merge(defaultConfigDirectory + "/" + path, under: key, language: language)
            }
        }
        guard let languagesFile else { return nil }
        var site = try HugoSiteConfiguration(tree: tree, files: read, languagesFile: languagesFile)
        site.defaultContentLanguageFile = defaultLanguageFile
        if !site.setsDefaultContentLanguage { site.misplacedDefaultContentLanguage = misplacedDefaultLanguage }
        return site
    }

    /// Where Hugo puts the settings of a file in the configuration directory, by its name without
    /// extension: `hugo` and `config` hold root settings, `<key>` a root key's (`params`,
    /// `languages`), and `<name>.<language key>` one language's: its menus for `menus.en`
    /// (or `menu.en`), its params for `params.en`, and its own settings for any other name
    /// (`languages.zh-cn` as the FixIt docs have it, `config.zh-cn`, `hugo.zh-cn`). The
    /// language key is what follows the last dot.
    static func settingsPlace(ofFileNamed name: String) -> (key: String?, language: String?) {
        if rootSettingsStems.contains(name) { return (nil, nil) }
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex, name.index(after: dot) != name.endIndex else { return (name, nil) }
        let stem = String(name[..<dot])
        let language = String(name[name.index(after: dot)...])
        switch stem {
        case "menu", "menus": return ("menus", language)
        case "params": return ("params", language)
        default: return (nil, language)
        }
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
        rootLanguageCode = tree["languagecode"].map { "\($0)" }
        let renderer = ((tree["markup"] as? [String: Any])?["goldmark"] as? [String: Any])?["renderer"] as? [String: Any]
        hardWraps = Self.boolean(renderer?["hardwraps"]) ?? false
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
