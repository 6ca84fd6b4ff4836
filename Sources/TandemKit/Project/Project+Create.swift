import Foundation

extension Project {
    /// Makes `root` a Tandem project (what `tandem init` does): `tandem.yml` holding
    /// `configuration`, `glossaries/<source>/`, `locales/` with the built-in sentence rules of
    /// every locale, `tm/`, the content directory, and `.tandem/` listed in `.gitignore`.
    ///
    /// Nothing is overwritten: an existing `tandem.yml` is an error and changes nothing, and
    /// existing rules files and `.gitignore` lines are kept. `tandem.yml` is written last, so a
    /// failure part-way leaves no project behind. Inside a Hugo site (`site`), `tandem.yml` says
    /// that the site's configuration decides the layout.
    @discardableResult
    public static func create(at root: URL, configuration: ProjectConfiguration, site: HugoSiteConfiguration? = nil) throws -> Project {
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
        try ignoreDerivedFiles(in: root)
        try AtomicFile.write(Array(configuration.yaml(site: site).utf8), to: configFile)
        return Project(root: root, configuration: configuration, site: site)
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
