import Foundation

/// A throw-away OmegaT project (Debian's `omegat`, run in its console modes), so tests can
/// import TMX files that OmegaT itself wrote rather than files written in OmegaT's shape.
///
/// OmegaT needs a project folder: `omegat.project` plus source, target, tm, glossary and
/// dictionary folders. Sources are given as file name → contents; OmegaT picks the filter by
/// extension (`.html` keeps inline tags as `<b0>…</b0>`, `.txt` is split into sentences by its
/// own rules).
public struct OmegaTProject {
    /// The project folder.
    public let root: URL
    public static let missing = "OmegaT not installed (Debian omegat; `make deps` installs it)"

    /// Whether OmegaT (and its Java) is on PATH.
    public static var isInstalled: Bool { ExternalTool.path("omegat") != nil && ExternalTool.path("java") != nil }

    /// Writes the project at `root`: `sources` into `source/`, languages as given.
    /// With `sentenceSegmentation` false, OmegaT keeps each paragraph (each XLIFF unit) whole.
    public init(at root: URL, sourceLanguage: String, targetLanguage: String, sources: [String: String],
                sentenceSegmentation: Bool = true) throws {
        self.root = root
        let manager = FileManager.default
        for folder in ["source", "target", "tm", "glossary", "dictionary", "omegat"] {
            try manager.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        // The default tokenizer: the Lucene ones are optional plugins in some packagings.
        let project = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <omegat>
                <project version="1.0">
                    <source_dir>__DEFAULT__</source_dir>
                    <target_dir>__DEFAULT__</target_dir>
                    <tm_dir>__DEFAULT__</tm_dir>
                    <glossary_dir>__DEFAULT__</glossary_dir>
                    <glossary_file>__DEFAULT__</glossary_file>
                    <dictionary_dir>__DEFAULT__</dictionary_dir>
                    <source_lang>\(sourceLanguage)</source_lang>
                    <target_lang>\(targetLanguage)</target_lang>
                    <source_tok>org.omegat.tokenizer.DefaultTokenizer</source_tok>
                    <target_tok>org.omegat.tokenizer.DefaultTokenizer</target_tok>
                    <sentence_seg>\(sentenceSegmentation)</sentence_seg>
                    <support_default_translations>true</support_default_translations>
                    <remove_tags>false</remove_tags>
                </project>
            </omegat>
            """
        try Data(project.utf8).write(to: root.appendingPathComponent("omegat.project"))
        for (name, text) in sources {
            try Data(text.utf8).write(to: root.appendingPathComponent("source").appendingPathComponent(name))
        }
    }

    /// `omegat --mode=console-createpseudotranslatetmx`: a TMX of every source segment with
    /// its target equal to the source (`equal`) or empty (`empty`). Returns the file.
    public func createPseudoTranslateTMX(named name: String = "pseudo.tmx", type: String = "equal") throws -> URL {
        let output = root.appendingPathComponent(name)
        try run(["--mode=console-createpseudotranslatetmx", "--pseudotranslatetmx=\(output.path)",
                 "--pseudotranslatetype=\(type)"])
        guard FileManager.default.fileExists(atPath: output.path) else {
            throw OmegaTFailure(message: "OmegaT wrote no \(name)")
        }
        return output
    }

    /// `omegat --mode=console-translate` with `memory` in `tm/auto/` (whose exact matches
    /// OmegaT inserts as translations); returns the translated file `name` from `target/`.
    public func translate(_ name: String, withAutoMemory memory: URL) throws -> URL {
        try translate([name], withAutoMemory: memory)[0]
    }

    /// The same for several source files in one OmegaT run; returns their target files in order.
    public func translate(_ names: [String], withAutoMemory memory: URL) throws -> [URL] {
        let auto = root.appendingPathComponent("tm/auto")
        try FileManager.default.createDirectory(at: auto, withIntermediateDirectories: true)
        try? FileManager.default.removeItem(at: auto.appendingPathComponent(memory.lastPathComponent))
        try FileManager.default.copyItem(at: memory, to: auto.appendingPathComponent(memory.lastPathComponent))
        try run(["--mode=console-translate"])
        return try names.map { name in
            let target = root.appendingPathComponent("target").appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: target.path) else {
                throw OmegaTFailure(message: "OmegaT wrote no target/\(name)")
            }
            return target
        }
    }

    /// `omegat --mode=console-translate` with `memory` as the project's own memory
    /// (`omegat/project_save.tmx`): OmegaT then writes its three exports beside the project,
    /// `<folder>-omegat.tmx`, `<folder>-level1.tmx` and `<folder>-level2.tmx` (the one with
    /// `bpt`/`ept`/`ph` inline codes). Returns the level 2 file.
    public func translate(withProjectMemory memory: URL) throws -> URL {
        let save = root.appendingPathComponent("omegat/project_save.tmx")
        try? FileManager.default.removeItem(at: save)
        try FileManager.default.copyItem(at: memory, to: save)
        try run(["--mode=console-translate"])
        let level2 = root.appendingPathComponent("\(root.lastPathComponent)-level2.tmx")
        guard FileManager.default.fileExists(atPath: level2.path) else {
            throw OmegaTFailure(message: "OmegaT wrote no \(level2.lastPathComponent)")
        }
        return level2
    }

    private func run(_ mode: [String]) throws {
        // Headless Java; a configuration folder of the project's own so no user settings leak in.
        let arguments = mode + ["--no-team", "--disable-project-locking", "--quiet",
                                "--config-dir=\(root.appendingPathComponent(".config").path)", root.path]
        let result = try ExternalTool.run(ExternalTool.path("omegat")!, arguments)
        guard result.status == 0 else {
            throw OmegaTFailure(message: "omegat \(mode.joined(separator: " ")) exited \(result.status): \(result.output.suffix(2000))")
        }
    }
}
