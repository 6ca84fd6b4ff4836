import Foundation

/// Where everything lives in a Tandem project, spelled in one place:
///
///     tandem.yml                         the project file; its directory is the root
///     locales/<tag>.yml                  sentence rules of a locale
///     locales/<tag>/<content path>.json  segment files
///     locales/<tag>/.archive/…           segment files of deleted posts (the memory still reads them)
///     locales/.built.json                what `build` wrote, with a hash of each file (tracked)
///     glossaries/<source>/<target>.tsv   glossaries (.csv, .tbx too)
///     tm/*.tmx                           TMX files the memory is rebuilt from
///     .tandem/memory.sqlite              the default memory (derived, git-ignored)
///     .tandem/extract-state.bin          what each post was last extracted from (derived)
public struct ProjectLayout: Sendable {
    /// The project file's name.
    public static let configurationFileName = "tandem.yml"
    /// The default memory, relative to the root (what `memory:` in `tandem.yml` defaults to).
    public static let defaultMemoryPath = derivedDirectoryName + "/memory.sqlite"
    /// The folder of derived files, which `.gitignore` lists.
    public static let derivedDirectoryName = ".tandem"
    static let localesDirectoryName = "locales"
    static let glossariesDirectoryName = "glossaries"
    static let tmxDirectoryName = "tm"

    /// The project root.
    public let root: URL

    public init(root: URL) { self.root = root }

    /// `tandem.yml`.
    public var configurationFile: URL { root.appendingPathComponent(Self.configurationFileName) }
    /// `locales/`: locale rules and segment files.
    public var localesDirectory: URL { root.appendingPathComponent(Self.localesDirectoryName) }
    /// `locales/<tag>.yml`.
    public func localeRulesFile(for locale: LocaleTag) -> URL {
        localesDirectory.appendingPathComponent("\(locale.identifier).yml")
    }
    /// `locales/.built.json`: the manifest of the files `build` wrote. Tracked with the segment
    /// files, so a teammate's `build` after a fresh clone knows Tandem's own outputs.
    public var builtManifestFile: URL { localesDirectory.appendingPathComponent(".built.json") }
    /// `locales/<tag>/.archive/`: segment files of deleted posts.
    public func archiveDirectory(for locale: String) -> URL {
        localesDirectory.appendingPathComponent(locale).appendingPathComponent(".archive")
    }
    /// `glossaries/`.
    public var glossariesDirectory: URL { root.appendingPathComponent(Self.glossariesDirectoryName) }
    /// `glossaries/<source>/`: the glossaries from `source` into each target.
    public func glossaryDirectory(source: LocaleTag) -> URL {
        glossariesDirectory.appendingPathComponent(source.identifier)
    }
    /// `tm/`.
    public var tmxDirectory: URL { root.appendingPathComponent(Self.tmxDirectoryName) }
    /// `.tandem/extract-state.bin`: the hashes `extract` skips unchanged posts by (`ExtractState`).
    public var extractStateFile: URL {
        root.appendingPathComponent(Self.derivedDirectoryName).appendingPathComponent("extract-state.bin")
    }

    /// `.tandem/extract-state.json`: the state's JSON of format 2, removed when the new one is saved.
    var legacyExtractStateFile: URL {
        root.appendingPathComponent(Self.derivedDirectoryName).appendingPathComponent("extract-state.json")
    }
    /// `.tandem/memory.sqlite`.
    public var defaultMemoryFile: URL { root.appendingPathComponent(Self.defaultMemoryPath) }
}
