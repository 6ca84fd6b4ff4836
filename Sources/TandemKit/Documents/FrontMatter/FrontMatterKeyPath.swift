/// A front matter key as `translateKeys` in `tandem.yml` names it: a top-level key (`title`) or
/// a path into nested maps, its parts joined by dots (`params.subtitle`), where `*` stands for
/// any one key (`menu.*.name`: the name a page gives itself in each of Hugo's menus). An item
/// of a list of maps is named by its position from 0, so `*` there means every item
/// (`resources.*.title`: the title of each of a bundle's page resources).
///
/// Keys are compared in any case, as Hugo reads them. A key that itself holds a dot cannot be
/// reached below the top level.
public struct FrontMatterKeyPath: Sendable, Equatable {
    /// The path's parts, lowercased; `*` matches any one key or list item.
    public let parts: [String]

    public init(_ text: String) {
        parts = text.split(separator: ".", omittingEmptySubsequences: false).map { $0.lowercased() }
    }

    /// Whether the path goes below the top level.
    public var isNested: Bool { parts.count > 1 }

    /// Whether the key path `keys` (a nested field's key split at its dots) is one this names.
    public func matches(_ key: String) -> Bool {
        let keys = key.split(separator: ".", omittingEmptySubsequences: false)
        guard keys.count == parts.count else { return false }
        return zip(parts, keys).allSatisfy { part, key in part == "*" || part == key.lowercased() }
    }
}
