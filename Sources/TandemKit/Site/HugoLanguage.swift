/// One entry of a Hugo site's `[languages]` table.
public struct HugoLanguage: Equatable, Sendable, Codable {
    /// The table key, lower-cased as Hugo does (`zh-cn`): the suffix of translated file names
    /// (`foo.zh-cn.md`) and the URL prefix.
    public var key: String
    /// `languageCode` (`zh-CN`), the BCP 47 tag Hugo writes into `<html lang>`, when set.
    public var languageCode: String?
    /// `contentDir`, relative to the site root, when this language has its own content directory.
    public var contentDir: String?
    /// `weight`: the order Hugo lists languages in.
    public var weight: Int
    /// `disabled = true`: Hugo renders nothing of this language.
    public var disabled: Bool

    public init(key: String, languageCode: String? = nil, contentDir: String? = nil, weight: Int = 0, disabled: Bool = false) {
        self.key = key.lowercased()
        self.languageCode = languageCode
        self.contentDir = contentDir
        self.weight = weight
        self.disabled = disabled
    }

    /// The BCP 47 tag this language stands for: `languageCode`, else the key (`zh-cn` → `zh-CN`,
    /// region subtags upper-cased as BCP 47 writes them).
    public var localeTag: LocaleTag? {
        if let languageCode, let tag = Self.localeTag(forKey: languageCode) { return tag }
        return Self.localeTag(forKey: key)
    }

    /// The tag a language key stands for without a `languageCode`: the key itself, or, for the
    /// country codes many Chinese and Japanese sites key (or code) their language by (`cn`, `tw`,
    /// `hk`, `jp`: no language has those codes), the language they mean. A site keyed `cn` was read as
    /// a language called "cn": no Chinese rules, no glossary, no warning.
    public static func localeTag(forKey key: String) -> LocaleTag? {
        if let meant = countryKeys[key.lowercased()] { return LocaleTag(meant) }
        return LocaleTag(conventionalCase(key))
    }

    static let countryKeys = ["cn": "zh-CN", "tw": "zh-TW", "hk": "zh-HK", "jp": "ja"]

    /// `zh-cn` → `zh-CN`, `pt-br` → `pt-BR`, `zh-hant` → `zh-Hant`: BCP 47's usual casing.
    static func conventionalCase(_ tag: String) -> String {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        return parts.enumerated().map { index, part -> String in
            if index == 0 { return part.lowercased() }
            if part.count == 2 { return part.uppercased() }
            if part.count == 4 { return part.prefix(1).uppercased() + part.dropFirst().lowercased() }
            return part.lowercased()
        }.joined(separator: "-")
    }
}
