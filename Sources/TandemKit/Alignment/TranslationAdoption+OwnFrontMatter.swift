extension TranslationAdoption {
    /// What `page` (a person's translation of `source`) has in its front matter that a build
    /// would not write: its entries that differ from the build's (`built`: the source built for
    /// the page's language, so a `url:` or `aliases:` Tandem rewrites the same way is not the
    /// page's own), or that the build has not. Keys Tandem writes itself (`translations`, the
    /// language keys) are never the page's; a translated key (`translatedKeys`, or the first
    /// part of a nested one: `menu` for `menu.*.name`) only when the build has none, since its
    /// translation is a segment otherwise.
    ///
    /// `notKept`: keys the page has and the build has not, where the two front matters are not
    /// in the same syntax (or the page's is JSON): `build --force` would still lose them.
    static func ownFrontMatter(
        of page: HugoDocument, built: HugoDocument, translatedKeys: [String]
    ) -> (own: OwnFrontMatter?, notKept: [String]) {
        guard let pageFrontMatter = page.frontMatter else { return (nil, []) }
        let written = Set(([FrontMatterPolicy.translationsKey] + FrontMatterPolicy.languageKeys).map { $0.lowercased() })
        let translatedRoots = Set(translatedKeys.compactMap { FrontMatterKeyPath($0).parts.first })
        guard let builtFrontMatter = built.frontMatter, builtFrontMatter.syntax == pageFrontMatter.syntax,
              let pageEntries = pageFrontMatter.entries(in: page.bytes), let builtEntries = builtFrontMatter.entries(in: built.bytes)
        else {
            let builtKeys = Set((built.frontMatter?.fields ?? []).map { $0.key.lowercased() })
            let notKept = pageFrontMatter.fields.map(\.key).filter { !written.contains($0.lowercased()) && !builtKeys.contains($0.lowercased()) }
            return (nil, notKept)
        }
        var entries: [OwnFrontMatter.Entry] = []
        for entry in pageEntries where !written.contains(entry.key.lowercased()) {
            let counterpart = builtEntries.named(entry.key, isTable: entry.isTable)
            if counterpart != nil, translatedRoots.contains(entry.key.lowercased()) { continue }
            let text = entry.keptText(in: page.bytes)
            let replaced = counterpart?.keptText(in: built.bytes)
            if text == replaced { continue }
            entries.append(OwnFrontMatter.Entry(key: entry.key, text: text, replaced: replaced))
        }
        return (entries.isEmpty ? nil : OwnFrontMatter(syntax: pageFrontMatter.syntax, entries: entries), [])
    }
}
