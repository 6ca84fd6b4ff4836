/// Which shortcode parameters hold text to translate, by shortcode name: a parameter is a
/// position (`1`: Hugo's `.Get 1`) or a name (`title`). `tandem.yml`'s `shortcodes:` adds to or
/// replaces the defaults one shortcode at a time (`highlight: []` translates nothing), and
/// `raw` instead of a list says that a paired shortcode's content is code, never text
/// (`terminal: raw`), as for `highlight` or `mermaid`.
public struct ShortcodeTextParameters: Codable, Equatable, Sendable {
    /// Parameters by shortcode name; a position is written as its decimal digits.
    public var parameters: [String: [String]]
    /// Shortcodes whose content is never text, beyond `ShortcodeScanner`'s built-in ones.
    public var rawContent: Set<String> = []

    /// Hugo's built-in `figure` and the text parameters of common themes' shortcodes:
    /// LoveIt/DoIt/FixIt `admonition` (type, title, open: the title), `image` and `link`.
    public static let defaults = ShortcodeTextParameters(parameters: [
        "figure": ["title", "caption", "alt", "attr"],
        "admonition": ["1", "title"],
        "image": ["alt", "caption", "title"],
        "link": ["1", "2", "content", "title"],
    ])

    public init(parameters: [String: [String]], rawContent: Set<String> = []) {
        self.parameters = parameters
        self.rawContent = rawContent
    }

    /// The defaults with `overrides` replacing them shortcode by shortcode.
    public func merging(_ overrides: ShortcodeTextParameters) -> ShortcodeTextParameters {
        var merged = ShortcodeTextParameters(
            parameters: parameters.merging(overrides.parameters) { _, override in override },
            rawContent: rawContent.subtracting(overrides.parameters.keys).union(overrides.rawContent))
        for name in overrides.rawContent { merged.parameters[name] = nil }
        return merged
    }

    /// Whether `argument` of shortcode `name` holds text to translate.
    public func translates(_ argument: ShortcodeArgument, of name: String) -> Bool {
        guard let listed = parameters[name] else { return false }
        if let argumentName = argument.name { return listed.contains(argumentName) }
        return listed.contains(String(argument.position))
    }

    /// The word that marks a shortcode whose content is code.
    static let rawMarker = "raw"

    /// A mapping of names to lists whose items are names or positions (`[title, 1]`), or to `raw`.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        var parameters: [String: [String]] = [:]
        var rawContent: Set<String> = []
        for key in container.allKeys {
            if let word = try? container.decode(String.self, forKey: key) {
                guard word == Self.rawMarker else {
                    throw DecodingError.dataCorruptedError(
                        forKey: key, in: container, debugDescription: "expected a list of parameters such as [title, 1], or raw, found '\(word)'")
                }
                rawContent.insert(key.stringValue)
                continue
            }
            var list = try container.nestedUnkeyedContainer(forKey: key)
            var items: [String] = []
            while !list.isAtEnd {
                if let position = try? list.decode(Int.self) {
                    items.append(String(position))
                } else {
                    items.append(try list.decode(String.self))
                }
            }
            parameters[key.stringValue] = items
        }
        self.parameters = parameters
        self.rawContent = rawContent
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        for (name, items) in parameters.sorted(by: { $0.key < $1.key }) {
            try container.encode(items, forKey: AnyCodingKey(stringValue: name))
        }
        for name in rawContent.sorted() { try container.encode(Self.rawMarker, forKey: AnyCodingKey(stringValue: name)) }
    }
}
