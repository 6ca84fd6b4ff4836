import Foundation

/// `tandem.yml`: the project's languages, content and policies.
public struct ProjectConfiguration: Codable, Equatable, Sendable {
    /// The language posts are written in.
    public var source: LocaleTag
    /// Languages every post is translated into, besides those its `translations:` asks for.
    public var targets: [LocaleTag]
    /// The Hugo content directory, relative to the project root.
    public var content: String
    /// Front matter keys whose values are translated.
    public var translateKeys: [String]
    /// How translated posts are named.
    public var output: OutputNaming
    /// With `output: directory`: the directory for a locale, `{tag}` standing for it.
    public var outputDirectory: String?
    /// The translation memory: a SQLite path relative to the root, or a `postgres://` URL.
    public var memory: String
    /// How `extract` reuses the memory.
    public var leverage: LeverageSettings
    /// Globs of posts to translate, relative to the source content directory (`*` also matches
    /// `/`); empty: every post.
    public var include: [String]
    /// Globs of posts never to translate, matched like `include`.
    public var exclude: [String]
    /// The Hugo configuration files to read instead of looking for them (Hugo's `--config`),
    /// relative to the project root; later files win.
    public var siteConfig: [String]?
    /// Shortcode arguments that hold text to translate: the defaults, with `tandem.yml`'s
    /// `shortcodes:` replacing them shortcode by shortcode.
    public var shortcodes: ShortcodeTextParameters

    public init(
        source: LocaleTag, targets: [LocaleTag], content: String = "content",
        translateKeys: [String] = FrontMatterPolicy.defaultKeys, output: OutputNaming = .filename,
        outputDirectory: String? = nil, memory: String = ProjectLayout.defaultMemoryPath,
        leverage: LeverageSettings = LeverageSettings(), include: [String] = [], exclude: [String] = [],
        siteConfig: [String]? = nil, shortcodes: ShortcodeTextParameters = .defaults
    ) {
        self.source = source
        self.targets = targets
        self.content = content
        self.translateKeys = translateKeys
        self.output = output
        self.outputDirectory = outputDirectory
        self.memory = memory
        self.leverage = leverage
        self.include = include
        self.exclude = exclude
        self.siteConfig = siteConfig
        self.shortcodes = shortcodes
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case source, targets, content, translateKeys, output, outputDirectory, memory, leverage, include, exclude, siteConfig, shortcodes
    }

    /// Missing keys take their defaults; an unknown key is an error (a typo must not be ignored).
    public init(from decoder: Decoder) throws {
        try YAMLConfigurationFile.rejectUnknownKeys(decoder, known: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            source: try container.decode(LocaleTag.self, forKey: .source),
            targets: try container.decodeIfPresent([LocaleTag].self, forKey: .targets) ?? [],
            content: try container.decodeIfPresent(String.self, forKey: .content) ?? "content",
            translateKeys: try container.decodeIfPresent([String].self, forKey: .translateKeys) ?? FrontMatterPolicy.defaultKeys,
            output: try container.decodeIfPresent(OutputNaming.self, forKey: .output) ?? .filename,
            outputDirectory: try container.decodeIfPresent(String.self, forKey: .outputDirectory),
            memory: try container.decodeIfPresent(String.self, forKey: .memory) ?? ProjectLayout.defaultMemoryPath,
            leverage: try container.decodeIfPresent(LeverageSettings.self, forKey: .leverage) ?? LeverageSettings(),
            include: try container.decodeIfPresent([String].self, forKey: .include) ?? [],
            exclude: try container.decodeIfPresent([String].self, forKey: .exclude) ?? [],
            siteConfig: try container.decodeIfPresent([String].self, forKey: .siteConfig),
            shortcodes: ShortcodeTextParameters.defaults.merging(
                try container.decodeIfPresent(ShortcodeTextParameters.self, forKey: .shortcodes) ?? ShortcodeTextParameters(parameters: [:])))
        if output == .directory, outputDirectory?.contains("{tag}") != true {
            throw DecodingError.dataCorrupted(.init(
                codingPath: [CodingKeys.outputDirectory],
                debugDescription: "output: directory needs outputDirectory with {tag}, such as content.{tag}"))
        }
        // A post is never translated into its own language: with the source among the targets,
        // `extract` wrote segment files that copy the source and `build` wrote posts over the
        // source posts' own language version.
        if targets.contains(source) {
            throw DecodingError.dataCorrupted(.init(
                codingPath: [CodingKeys.targets],
                debugDescription: "\(source) is the source (the language the posts are written in); targets lists the languages to translate them into"))
        }
        // Paths Tandem reads posts and site settings from, or writes translations to, stay
        // inside the project: `content: ../../etc` would make every post a file of elsewhere.
        let paths: [(CodingKeys, String?)] = [(.content, content), (.outputDirectory, outputDirectory)] + (siteConfig ?? []).map { (.siteConfig, $0) }
        for (key, path) in paths {
            guard let path, !Self.staysInsideProject(path) else { continue }
            throw DecodingError.dataCorrupted(.init(
                codingPath: [key],
                debugDescription: "'\(path)' is outside the project; expected a path relative to the folder of tandem.yml, without ..  leaving it"))
        }
        // A URL lookalike (`postgres:user:secret@host/db`) must not become a SQLite file.
        if MemoryAddress.looksLikeURL(memory), !PostgreSQLURL.isURL(memory) {
            throw DecodingError.dataCorrupted(.init(
                codingPath: [CodingKeys.memory],
                debugDescription: "'\(MemoryAddress.redactingPassword(memory))' looks like a URL but is not postgres://user[:password]@host[:port]/database"))
        }
    }

    /// Whether `path` (relative to the project root) names a place inside the project: not
    /// absolute, and no `..` climbing above the root.
    static func staysInsideProject(_ path: String) -> Bool {
        guard !path.hasPrefix("/"), !path.hasPrefix("~") else { return false }
        var depth = 0
        for component in path.split(separator: "/") {
            switch component {
            case ".", "": continue
            case "..": depth -= 1
            default: depth += 1
            }
            if depth < 0 { return false }
        }
        return true
    }

    /// Reads and checks `file`.
    public static func load(_ file: URL) throws -> ProjectConfiguration {
        try YAMLConfigurationFile.decode(ProjectConfiguration.self, from: file)
    }

    /// The file `tandem init` writes, with a comment on every setting.
    public var yaml: String { yaml(site: nil) }

    /// The file `tandem init` writes inside the Hugo site `site` (whose configuration decides
    /// the content directory and where translations go), with a comment on every setting.
    public func yaml(site: HugoSiteConfiguration?) -> String {
        let quotedList: ([String]) -> String = { "[" + $0.map { "\"\($0)\"" }.joined(separator: ", ") + "]" }
        var text = """
            # Tandem project settings (https://gohugo.io content translated with a translation memory).
            # The language posts are written in (a post in another language is never a source).
            source: \(source.identifier)
            # Languages every post is translated into, besides those its `translations:` field lists.
            targets: [\(targets.map(\.identifier).joined(separator: ", "))]

            """
        if let site {
            text += """
                # The Hugo site's configuration (\(site.files.joined(separator: ", "))) decides the content
                # directory, the language keys in file names (zh-TW → zh-tw) and where translations go
                # (foo.<lang>.md, or each language's contentDir); `content` is used only without it.
                content: \(content)

                """
        } else {
            text += """
                # The Hugo content directory (a Hugo configuration at the root, when there is one, wins).
                content: \(content)
                # filename: foo.<tag>.md beside foo.md. directory: under outputDirectory ({tag} = locale).
                output: \(output.rawValue)

                """
            if output == .directory, let outputDirectory { text += "outputDirectory: \(outputDirectory)\n" }
        }
        text += """
            # Globs of posts to translate or to leave alone, relative to the content directory.
            include: \(quotedList(include))
            exclude: \(quotedList(exclude))
            # Front matter keys whose values are translated; every other key is left untouched.
            # A path reaches into nested maps: menu.*.name (a page's name in each menu), params.subtitle;
            # a list's items are numbered from 0: resources.*.title (each page resource's title).
            translateKeys: [\(translateKeys.joined(separator: ", "))]
            # The translation memory: a SQLite file (derived, git-ignored) or a postgres:// URL.
            memory: \(memory)
            # How `extract` reuses the memory.
            leverage:
              # State of a target filled from an exact or in-context match: translated, or fuzzy to
              # have a person check each one.
              fillState: \(leverage.fillState.rawValue)
              # Fill from exact matches whose neighbouring sentences differ (in-context ones always fill).
              fillExact: \(leverage.fillExact)
              # Fuzzy matches at or above this score (1-99) are attached as candidates, at most `candidates`.
              minimumScore: \(leverage.minimumScore)
              candidates: \(leverage.candidates)

            """
        return text
    }
}
