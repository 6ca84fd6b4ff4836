import Foundation

extension Project {
    /// Makes `root` a Tandem project (what `tandem init` does): `tandem.yml` holding
    /// `configuration`, `glossaries/<source>/` (with the shipped glossary of each pair that has
    /// one, unless `installGlossaries` is false: see `shippedGlossaryDestinations`), `locales/`
    /// with the built-in sentence rules of every locale, `tm/`, the content directory, and
    /// `.tandem/` listed in `.gitignore`.
    ///
    /// Nothing is overwritten: an existing `tandem.yml` is an error and changes nothing, and
    /// existing rules files and `.gitignore` lines are kept. `tandem.yml` is written last, so a
    /// failure part-way leaves no project behind. Inside a Hugo site (`site`), `tandem.yml` says
    /// that the site's configuration decides the layout. A glossary file already there for a
    /// pair (TSV, CSV or TBX) is kept, and no shipped one is added beside it.
    @discardableResult
    public static func create(
        at root: URL, configuration: ProjectConfiguration, site: HugoSiteConfiguration? = nil, installGlossaries: Bool = true
    ) throws -> Project {
        let layout = ProjectLayout(root: root)
        let configFile = layout.configurationFile
        guard !FileManager.default.fileExists(atPath: configFile.path) else {
            throw TandemError.alreadyExists(path: configFile.path, reason: "a project already exists here; nothing was changed")
        }
        let directories = [
            layout.glossaryDirectory(source: configuration.source), layout.localesDirectory, layout.tmxDirectory,
            root.appendingPathComponent(configuration.content),
        ]
        for directory in directories {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }
        for tag in [configuration.source] + configuration.targets {
            let rulesFile = layout.localeRulesFile(for: tag)
            if !FileManager.default.fileExists(atPath: rulesFile.path) {
                try AtomicFile.write(Array(LocaleRules.builtIn(for: tag).yaml.utf8), to: rulesFile)
            }
        }
        if installGlossaries {
            for (file, tsv) in shippedGlossaryDestinations(at: root, configuration: configuration) { try AtomicFile.write(tsv, to: file) }
        }
        try ignoreDerivedFiles(in: root)
        try AtomicFile.write(Array(configuration.yaml(site: site).utf8), to: configFile)
        return Project(root: root, configuration: configuration, site: site)
    }

    /// The glossaries `create` installs: for each target with a shipped glossary
    /// (`ShippedGlossary`) and no glossary file for its pair yet, `glossaries/<source>/<target>.tsv`
    /// and its bytes.
    public static func shippedGlossaryDestinations(at root: URL, configuration: ProjectConfiguration) -> [(file: URL, tsv: [UInt8])] {
        let directory = ProjectLayout(root: root).glossaryDirectory(source: configuration.source)
        return configuration.targets.compactMap { target in
            guard let tsv = ShippedGlossary.tsv(source: configuration.source, target: target) else { return nil }
            let files = ["tsv", "csv", "tbx"].map { directory.appendingPathComponent("\(target.identifier).\($0)") }
            guard !files.contains(where: { FileManager.default.fileExists(atPath: $0.path) }) else { return nil }
            return (files[0], tsv)
        }
    }

    /// Adds `.tandem/` (the memory is derived) and the temporary files' pattern (a killed run
    /// may leave one until the next run removes it) to the root's `.gitignore` unless there.
    private static func ignoreDerivedFiles(in root: URL) throws {
        let ignore = root.appendingPathComponent(".gitignore")
        let existing = (try? String(contentsOf: ignore, encoding: .utf8)) ?? ""
        let lines = existing.split(separator: "\n")
        let missing = [ProjectLayout.derivedDirectoryName + "/", TemporaryFile.gitIgnorePattern].filter { !lines.contains(Substring($0)) }
        guard !missing.isEmpty else { return }
        let separator = existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n"
        try AtomicFile.write(Array((existing + separator + missing.map { $0 + "\n" }.joined()).utf8), to: ignore)
    }
}
