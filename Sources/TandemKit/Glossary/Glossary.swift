import Foundation

/// A term base: the entries of one or more glossary files for one language pair.
public struct Glossary: Equatable, Sendable {
    public var sourceLocale: LocaleTag?
    public var targetLocale: LocaleTag?
    public var entries: [GlossaryEntry]

    public init(sourceLocale: LocaleTag? = nil, targetLocale: LocaleTag? = nil, entries: [GlossaryEntry]) {
        self.sourceLocale = sourceLocale
        self.targetLocale = targetLocale
        self.entries = entries
    }

    /// The file formats a glossary can be read from and written to, chosen by extension.
    public enum FileFormat: String, Sendable, CaseIterable {
        case tsv, csv, tbx

        /// The format of `path` by its extension (`.txt` and `.utf8` are OmegaT's TSV names).
        public init?(path: String) {
            switch (path as NSString).pathExtension.lowercased() {
            case "tsv", "txt", "tab", "utf8": self = .tsv
            case "csv": self = .csv
            case "tbx", "xml": self = .tbx
            default: return nil
            }
        }
    }

    /// Reads a glossary file in the format its extension names; positions in errors and
    /// entries name it `displayPath` (its path by default).
    public static func read(_ url: URL, displayPath: String? = nil) throws -> Glossary {
        guard let format = FileFormat(path: url.path) else {
            throw TandemError.unsupportedFile(path: url.path, expected: "a glossary (.tsv, .csv or .tbx)")
        }
        let bytes = try TextFile.readBytes(url)
        let path = displayPath ?? url.path
        var glossary: Glossary
        switch format {
        case .tsv: glossary = try TSVGlossaryFormat.read(TextFile.decodeUTF8(bytes, path: path), path: path)
        case .csv: glossary = try CSVGlossaryFormat.read(TextFile.decodeUTF8(bytes, path: path), path: path)
        case .tbx: glossary = try TBXGlossaryReader.read(bytes, path: path)
        }
        if glossary.sourceLocale == nil || glossary.targetLocale == nil, let pair = localePair(of: url) {
            glossary.sourceLocale = glossary.sourceLocale ?? pair.source
            glossary.targetLocale = glossary.targetLocale ?? pair.target
        }
        return glossary
    }

    /// Writes the glossary in the format `url`'s extension names, atomically.
    public func write(to url: URL) throws {
        guard let format = FileFormat(path: url.path) else {
            throw TandemError.unsupportedFile(path: url.path, expected: "a glossary (.tsv, .csv or .tbx)")
        }
        let text: String
        switch format {
        case .tsv: text = try TSVGlossaryFormat.write(self)
        case .csv: text = CSVGlossaryFormat.write(self)
        case .tbx: text = TBXGlossaryWriter.write(self)
        }
        try AtomicFile.write(Array(text.utf8), to: url)
    }

    /// The glossary of a project for one language pair: `glossaries/<source>/<target>.tsv`,
    /// `.csv` and `.tbx` (any of them, all or none; none is an empty glossary).
    public static func load(projectRoot: URL, source: LocaleTag, target: LocaleTag) throws -> Glossary {
        let directory = ProjectLayout(root: projectRoot).glossaryDirectory(source: source)
        var entries: [GlossaryEntry] = []
        for ext in ["tsv", "csv", "tbx"] {
            let file = directory.appendingPathComponent("\(target.identifier).\(ext)")
            if FileManager.default.fileExists(atPath: file.path) {
                entries += try read(file).entries
            }
        }
        return Glossary(sourceLocale: source, targetLocale: target, entries: entries)
    }

    /// The language pair a path of the form `…/glossaries/<source>/<target>.<ext>` names.
    public static func localePair(of url: URL) -> (source: LocaleTag, target: LocaleTag)? {
        let target = url.deletingPathExtension().lastPathComponent
        let source = url.deletingLastPathComponent().lastPathComponent
        guard let sourceTag = LocaleTag(source), let targetTag = LocaleTag(target) else { return nil }
        return (sourceTag, targetTag)
    }
}
