extension FrontMatter {
    /// A string (or list of strings) value, top-level or nested, that is an alias (`*a`), carries an
    /// anchor (`&a`), or holds items that do.
    ///
    /// Yams resolves an alias to the anchored node, whose marks point at the anchor, so the bytes
    /// Tandem would replace are another key's; an anchored value's bytes start at the anchor, and
    /// replacing them drops the anchor its aliases need. Either way `build` would write a
    /// corrupt post. Values Tandem never rewrites may use them freely.
    struct AliasedValue: Sendable {
        var key: String
        /// Whether `key` is a nested value's path.
        var isNested = false
        var isAlias: Bool
        var error: TandemError
    }

    /// Throws the error of the first aliased value among `keys` (the keys Tandem rewrites:
    /// translated keys, language keys, `translations:`), an alias before an anchor since the
    /// alias's key is the one a reader sees translated wrongly.
    func refuseAliases(rewriting keys: [String]) throws {
        // In any case, as the translated keys are found (Hugo's keys are case-insensitive); a
        // nested value's key is its path (`menu.main.name`), matched by the paths among `keys`.
        let lowercased = Set(keys.map { $0.lowercased() })
        let paths = keys.map(FrontMatterKeyPath.init).filter(\.isNested)
        let rewritten = aliasedValues.filter { value in
            value.isNested ? paths.contains { $0.matches(value.key) } : lowercased.contains(value.key.lowercased())
        }
        if let first = rewritten.first(where: \.isAlias) ?? rewritten.first { throw first.error }
    }
}
