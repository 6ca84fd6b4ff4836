/// The locales a post is published in or requested for, from its `translations:` field.
enum PostLocales {
    /// `translations:` as locale tags; a value that is not a list of tags is an error at its line.
    static func translations(of document: HugoDocument) throws -> [LocaleTag]? {
        guard let field = document.frontMatter?[FrontMatterPolicy.translationsKey] else { return nil }
        let location = SourceLocation(file: document.path, line: field.line, column: 1)
        let values: [String]
        switch field.value {
        case .strings(let strings): values = strings
        case .string(let string): values = [string]
        case .other:
            throw TandemError.invalidValue(location, message: "translations must be a list of locale tags such as [\"zh-CN\", \"en\"]")
        }
        return try values.map { value in
            guard let tag = LocaleTag(value) else {
                throw TandemError.invalidValue(location, message: "translations: '\(value)' is not a BCP 47 language tag such as zh-CN or en")
            }
            return tag
        }
    }

    /// The locales to extract for: those `translations:` lists other than the source, then the
    /// project's default targets, without repeats.
    static func targets(of document: HugoDocument, project: Project) throws -> [LocaleTag] {
        var result: [LocaleTag] = []
        for tag in (try translations(of: document) ?? []) + project.configuration.targets
        where tag != project.configuration.source && !result.contains(tag) {
            result.append(tag)
        }
        return result
    }
}
