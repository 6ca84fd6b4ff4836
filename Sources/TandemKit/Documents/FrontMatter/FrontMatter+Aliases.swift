extension FrontMatter {
    /// A top-level string (or list of strings) value that is an alias (`*a`), carries an
    /// anchor (`&a`), or holds items that do.
    ///
    /// Yams resolves an alias to the anchored node, whose marks point at the anchor, so the bytes
    /// Tandem would replace are another key's; an anchored value's bytes start at the anchor, and
    /// replacing them drops the anchor its aliases need. Either way `build` would write a
    /// corrupt post. Values Tandem never rewrites may use them freely.
    struct AliasedValue: Sendable {
        var key: String
        var isAlias: Bool
        var error: TandemError
    }

    /// Throws the error of the first aliased value among `keys` (the keys Tandem rewrites:
    /// translated keys, language keys, `translations:`), an alias before an anchor since the
    /// alias's key is the one a reader sees translated wrongly.
    func refuseAliases(rewriting keys: [String]) throws {
        // In any case, as the translated keys are found (Hugo's keys are case-insensitive).
        let lowercased = Set(keys.map { $0.lowercased() })
        let rewritten = aliasedValues.filter { lowercased.contains($0.key.lowercased()) }
        if let first = rewritten.first(where: \.isAlias) ?? rewritten.first { throw first.error }
    }
}
