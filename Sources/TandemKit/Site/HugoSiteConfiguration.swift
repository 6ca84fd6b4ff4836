import Foundation

/// What Tandem needs of a Hugo site's configuration: its languages, which one is the default,
/// and where content lives. Read as Hugo reads it (`HugoSiteConfiguration+Loading.swift`).
public struct HugoSiteConfiguration: Equatable, Sendable {
    /// The files read, relative to the site root, in the order they were merged.
    public var files: [String]
    /// The file a `[languages]` entry belongs in (`config/_default/languages.toml` when the site
    /// has one, else the main file), relative to the site root, and its format.
    public var languagesFile: String
    public var languagesFileFormat: HugoConfigurationFormat
    /// Whether `languagesFile` holds the languages at its top level (`config/_default/languages.*`)
    /// rather than under a `languages` key.
    public var languagesAtTopLevel: Bool
    /// `defaultContentLanguage`, lower-cased (Hugo's default: `en`).
    public var defaultContentLanguage: String
    /// Whether `defaultContentLanguage` was set in the files (rather than Hugo's default).
    public var setsDefaultContentLanguage: Bool
    /// The file that sets `defaultContentLanguage`, when one does.
    public var defaultContentLanguageFile: String?
    /// A `defaultContentLanguage` Hugo ignores because it sits inside a table (written below a
    /// `[pagination]` header in TOML), when the root sets none.
    public var misplacedDefaultContentLanguage: MisplacedSetting?
    /// `markup.goldmark.renderer.hardWraps`: Hugo renders every line break of a paragraph as
    /// `<br>`, so Tandem reads each as a hard break.
    public var hardWraps = false
    /// The top-level `languageCode`: in a site without a languages table, its one language's.
    public var rootLanguageCode: String?

    /// Where a finding about the site's root settings points: the file that sets
    /// `defaultContentLanguage`, else the main configuration file (`hugo.*` or `config.*`, at
    /// the root or in `config/_default/`), else the first file read.
    public var rootSettingsFile: String? {
        if let defaultContentLanguageFile { return defaultContentLanguageFile }
        let main = files.first { file in
            let name = (file as NSString).lastPathComponent.lowercased()
            return Self.rootSettingsStems.contains((name as NSString).deletingPathExtension)
        }
        return main ?? files.first
    }
    /// `defaultContentLanguageInSubdir`: the default language's pages under `/<key>/` too.
    public var defaultContentLanguageInSubdir: Bool
    /// The site's `contentDir` (Hugo's default: `content`).
    public var contentDir: String
    /// The `[languages]` table by weight, then key; empty when the site has none (a
    /// single-language site, which renders every `foo.<lang>.md` as a page of its own).
    public var languages: [HugoLanguage]

    public init(
        files: [String], languagesFile: String, languagesFileFormat: HugoConfigurationFormat, languagesAtTopLevel: Bool = false,
        defaultContentLanguage: String? = nil, defaultContentLanguageInSubdir: Bool = false, contentDir: String = "content",
        languages: [HugoLanguage] = []
    ) {
        self.files = files
        self.languagesFile = languagesFile
        self.languagesFileFormat = languagesFileFormat
        self.languagesAtTopLevel = languagesAtTopLevel
        self.defaultContentLanguage = (defaultContentLanguage ?? "en").lowercased()
        self.setsDefaultContentLanguage = defaultContentLanguage != nil
        self.defaultContentLanguageInSubdir = defaultContentLanguageInSubdir
        self.contentDir = contentDir
        self.languages = languages.sorted { ($0.weight, $0.key) < ($1.weight, $1.key) }
    }

    /// The enabled language whose key is `key` (any case).
    public func language(key: String) -> HugoLanguage? {
        languages.first { $0.key == key.lowercased() && !$0.disabled }
    }

    /// The language `tag` is published as: the entry whose key is the tag (Hugo lower-cases
    /// keys: `zh-CN` → `zh-cn`), else the one whose `languageCode` is the tag, else the only
    /// entry of the tag's language (`zh` for `zh-CN` when there is no other `zh`) unless both
    /// name a region and the regions differ.
    public func language(for tag: LocaleTag) -> HugoLanguage? {
        let enabled = languages.filter { !$0.disabled }
        let lowered = tag.identifier.lowercased()
        if let exact = enabled.first(where: { $0.key == lowered }) { return exact }
        if let coded = enabled.first(where: { $0.languageCode?.lowercased() == lowered }) { return coded }
        // `en` is the site's `en-us`, and `pt-BR` its `pt`; `fr-CA` is not its `fr-fr`, whose
        // readers expect another spelling (it was published there silently).
        let sameLanguage = enabled.filter {
            guard $0.localeTag?.language ?? $0.key.split(separator: "-").first.map(String.init) == tag.language else { return false }
            guard let region = tag.region, let siteRegion = $0.localeTag?.region else { return true }
            return region == siteRegion
        }
        return sameLanguage.count == 1 ? sameLanguage[0] : nil
    }

    /// The default language's entry, when the table lists it.
    public var defaultLanguage: HugoLanguage? { language(key: defaultContentLanguage) }

    /// The default language as a BCP 47 tag, when the site says which it is (it sets
    /// `defaultContentLanguage` or has a languages table).
    public var defaultLocaleTag: LocaleTag? {
        guard setsDefaultContentLanguage || !languages.isEmpty else { return nil }
        if let tag = defaultLanguage?.localeTag { return tag }
        let keyTag = HugoLanguage.localeTag(forKey: defaultContentLanguage)
        // Without a table, a Chinese site's top-level languageCode names its script or region
        // (`defaultContentLanguage: zh`, `languageCode: zh-cn`): zh-CN's rules and glossary, not
        // a bare zh's. (Only for Chinese: an English theme's `en-us` changes nothing here.)
        if languages.isEmpty, let keyTag, keyTag.language == "zh", let rootLanguageCode,
           let coded = HugoLanguage.localeTag(forKey: rootLanguageCode), coded.language == "zh" {
            return coded
        }
        return keyTag
    }

    /// The content directory of the language with key `key`: its `contentDir`, else the site's.
    public func contentDirectory(ofKey key: String) -> String {
        language(key: key)?.contentDir ?? contentDir
    }

    /// Whether any language has a content directory of its own (Hugo's translation by
    /// content directory).
    public var translatesByDirectory: Bool {
        languages.contains { !$0.disabled && $0.contentDir.map { normalized($0) != normalized(contentDir) } ?? false }
    }

    private func normalized(_ path: String) -> String {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: "/")).standardizedFileURL.path
    }
}
