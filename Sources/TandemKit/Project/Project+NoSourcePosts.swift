import Foundation

extension Project {
    /// Why no source post was found, for `extract`'s message: how many Markdown files there are
    /// in the content directory and which languages Hugo reads them as (by file name, content
    /// directory, `lang:` or the site's default language). A site whose default language is
    /// English reads `foo.md` as English, so its Chinese posts are found only as `foo.zh-cn.md`
    /// (Even's example site): "no posts found" said nothing of that.
    public func noSourcePostsExplanation() -> String {
        let contentPath = projectPath(of: contentDirectory)
        guard let files = try? candidatePosts(), !files.isEmpty else {
            return "no Markdown posts under \(contentPath)/"
        }
        let layout = translationLayout
        var byLanguage: [String: Int] = [:]
        for file in files {
            byLanguage[layout.language(ofFile: file, frontMatterLanguage: declaredLanguage(of: file)).key, default: 0] += 1
        }
        let sourceKey = layout.languageKey(for: configuration.source)
        let sorted = byLanguage.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let languages = sorted.count == 1 ? sorted[0].key : sorted.map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
        var text = "no \(configuration.source) posts under \(contentPath)/: Hugo reads its \(CountedNoun.phrase(files.count, "post")) as \(languages)"
        if let site, site.defaultContentLanguage != sourceKey {
            // Not "give them lang:": `tandem check` holds, as Hugo does, that a file without a
            // suffix is in the default language whatever its front matter says, so that advice
            // led to a site check error.
            text += "; a file without a language suffix is in the site's default language, \(site.defaultContentLanguage): name the \(configuration.source) posts foo.\(sourceKey).md"
                + (site.language(for: configuration.source)?.contentDir.map { " or put them under \($0)/" } ?? "")
        }
        // For a Chinese or Japanese source, the posts that are written in it by their text.
        if ["zh", "ja"].contains(configuration.source.language) {
            let written = files.filter { file in
                guard let bytes = try? TextFile.readBytes(file, limit: TextFile.postSizeLimit) else { return false }
                return String(decoding: bytes, as: UTF8.self).unicodeScalars.lazy.filter { UntranslatedTextFinder.isHanOrKana($0.value) }.prefix(10).count == 10
            }
            if !written.isEmpty {
                text += "; written in \(configuration.source.language == "ja" ? "Japanese" : "Chinese"): "
                    + written.prefix(3).map { projectPath(of: $0) }.joined(separator: ", ") + (written.count > 3 ? ", …" : "")
            }
        }
        return text
    }
}
