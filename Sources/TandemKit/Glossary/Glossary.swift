import Foundation

/// A term base: the entries of one or more glossary files for one language pair.
public struct Glossary: Equatable, Sendable {
    public var sourceLocale: LocaleTag?
    public var targetLocale: LocaleTag?
    public var entries: [GlossaryEntry]
    /// What reading the file left out and went on (entries without a term in the pair, empty terms).
    public var warnings: [ImportWarning] = []
    /// Languages of a multilingual file other than the pair read (TBX), in order of appearance.
    public var languagesLeftOut: [LocaleTag] = []

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
    /// entries name it `displayPath` (its path by default). A TBX file may hold any number of
    /// languages: `sourceLocale` and `targetLocale` choose the pair (by default the root's
    /// `xml:lang` and the first other language); the rest are `languagesLeftOut`.
    public static func read(
        _ url: URL, displayPath: String? = nil, sourceLocale: LocaleTag? = nil, targetLocale: LocaleTag? = nil
    ) throws -> Glossary {
        guard let format = FileFormat(path: url.path) else {
            throw TandemError.unsupportedFile(path: url.path, expected: "a glossary (.tsv, .csv or .tbx)")
        }
        let bytes = try TextFile.readBytes(url, limit: TextFile.textSizeLimit)
        let path = displayPath ?? url.path
        var glossary: Glossary
        switch format {
        case .tsv: glossary = try TSVGlossaryFormat.read(TextFile.decodeText(bytes, path: path), path: path)
        case .csv: glossary = try CSVGlossaryFormat.read(TextFile.decodeText(bytes, path: path), path: path)
        case .tbx: glossary = try TBXGlossaryReader.read(bytes, path: path, sourceLocale: sourceLocale, targetLocale: targetLocale)
        }
        if glossary.sourceLocale == nil || glossary.targetLocale == nil, let pair = localePair(of: url) {
            glossary.sourceLocale = glossary.sourceLocale ?? pair.source
            glossary.targetLocale = glossary.targetLocale ?? pair.target
        }
        return glossary
    }

    /// Writes the glossary in the format `url`'s extension names, atomically. Returns what TSV
    /// could not carry as it was (tabs and line breaks written as spaces; with `strict`,
    /// refused instead).
    @discardableResult
    public func write(to url: URL, strict: Bool = false) throws -> [ImportWarning] {
        guard let format = FileFormat(path: url.path) else {
            throw TandemError.unsupportedFile(path: url.path, expected: "a glossary (.tsv, .csv or .tbx)")
        }
        let text: String
        var warnings: [ImportWarning] = []
        switch format {
        case .tsv: (text, warnings) = try TSVGlossaryFormat.write(self, strict: strict)
        case .csv: text = CSVGlossaryFormat.write(self)
        case .tbx: text = TBXGlossaryWriter.write(self)
        }
        try AtomicFile.write(Array(text.utf8), to: url)
        return warnings
    }

    /// The glossary of a project for one language pair: `glossaries/<source>/<target>.tsv`,
    /// `.csv` and `.tbx` (any of them, all or none; none is an empty glossary). A multilingual
    /// TBX gives the entries of this pair; the warnings of every file are kept.
    public static func load(projectRoot: URL, source: LocaleTag, target: LocaleTag) throws -> Glossary {
        let directory = ProjectLayout(root: projectRoot).glossaryDirectory(source: source)
        var glossary = Glossary(sourceLocale: source, targetLocale: target, entries: [])
        for ext in ["tsv", "csv", "tbx"] {
            let file = directory.appendingPathComponent("\(target.identifier).\(ext)")
            if FileManager.default.fileExists(atPath: file.path) {
                let read = try read(file, sourceLocale: source, targetLocale: target)
                glossary.entries += read.entries
                glossary.warnings += read.warnings
            }
        }
        return glossary
    }

    /// The language pair a path of the form `…/glossaries/<source>/<target>.<ext>` names.
    public static func localePair(of url: URL) -> (source: LocaleTag, target: LocaleTag)? {
        let target = url.deletingPathExtension().lastPathComponent
        let source = url.deletingLastPathComponent().lastPathComponent
        guard let sourceTag = LocaleTag(source), let targetTag = LocaleTag(target) else { return nil }
        return (sourceTag, targetTag)
    }
}
