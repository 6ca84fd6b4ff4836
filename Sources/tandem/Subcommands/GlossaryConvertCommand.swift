import ArgumentParser
import Foundation
import TandemKit

/// `tandem glossary convert`: TSV ⇄ CSV ⇄ TBX.
struct GlossaryConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a term base between TSV (OmegaT), CSV and TBX, by file extension.",
        discussion: """
            The language pair comes from the TBX file's languages or from the path glossaries/<source>/<target>.tsv; --source and --target override it. TBX is written as TBX-Basic (TBX v3); TBX v2 (martif) and v3 are read, in UTF-8 or UTF-16. A TBX may hold any number of languages: --source and --target choose the pair (by default the root's xml:lang and the first other language), and the languages left out are reported. Concepts without a term in both languages, and empty <term/> elements, are skipped with a warning; the summary ends the run. TBX has no place for the case flag, so it is lost on the way to TBX.

            TSV cannot hold a tab or line break in a field (OmegaT splits lines on both and reads no escapes): each is written as a space, so OmegaT shows a multi-line definition or comment on one line, with a warning; --strict refuses such an entry instead. OUT is never overwritten without --force.

            Examples:
              tandem glossary convert glossaries/zh-CN/en.tsv zh-en.tbx
              tandem glossary convert --source zh-CN --target en vendor.tbx out.tsv
              tandem glossary convert --source en --target es terms.tbx es.tsv
              tandem glossary convert terms.csv terms.tsv
            """
    )

    @Option(help: "Source language tag, when the input does not say.")
    var source: LocaleTag?

    @Option(help: "Target language tag, when the input does not say.")
    var target: LocaleTag?

    @Flag(help: "Replace OUT if it exists.")
    var force = false

    @Flag(help: "Refuse an entry whose fields hold a tab or line break when writing TSV, rather than writing a space.")
    var strict = false

    @Argument(help: "The term base to read (.tsv, .csv, .tbx).")
    var input: String

    @Argument(help: "The term base to write (.tsv, .csv, .tbx).")
    var output: String

    func validate() throws {
        guard Glossary.FileFormat(path: output) != nil else {
            throw ValidationError("\(output): unknown glossary format; expected .tsv, .csv or .tbx")
        }
    }

    /// How many warnings are printed with their positions.
    static let warningsShown = 10

    func run() throws {
        var glossary = try Glossary.read(URL(fileURLWithPath: input), displayPath: input, sourceLocale: source, targetLocale: target)
        if let source { glossary.sourceLocale = source }
        if let target { glossary.targetLocale = target }
        let outputURL = URL(fileURLWithPath: output)
        if FileManager.default.fileExists(atPath: outputURL.path) && !force {
            throw TandemError.unwritable(path: output, reason: "file exists; pass --force to replace it")
        }
        if Glossary.FileFormat(path: output) == .tbx && (glossary.sourceLocale == nil || glossary.targetLocale == nil) {
            throw TandemError.usage("TBX needs the language pair: pass --source and --target")
        }
        let written = try glossary.write(to: outputURL, strict: strict)
        var report = "wrote \(CountedNoun.phrase(glossary.entries.count, "entry", plural: "entries")) to \(output)"
        if let pair = glossary.sourceLocale.flatMap({ s in glossary.targetLocale.map { "\(s) → \($0)" } }) { report += " (\(pair))" }
        Terminal.standardError.write(report + "\n")
        if !glossary.languagesLeftOut.isEmpty {
            Terminal.standardError.write("languages left out: \(glossary.languagesLeftOut.map(\.identifier).joined(separator: ", "))\n")
        }
        // The first few with their positions; the summaries count them all.
        let warnings = glossary.warnings + written
        for warning in warnings.prefix(Self.warningsShown) { Terminal.standardError.write("warning: \(warning)\n") }
        if warnings.count > Self.warningsShown { Terminal.standardError.write("warning: … and \(warnings.count - Self.warningsShown) more\n") }
        if let summary = ImportWarning.summary(glossary.warnings) { Terminal.standardError.write(summary + "\n") }
        if let summary = ImportWarning.summary(written, verb: "changed") { Terminal.standardError.write(summary + "\n") }
    }
}
