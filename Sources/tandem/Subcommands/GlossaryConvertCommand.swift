import ArgumentParser
import Foundation
import TandemKit

/// `tandem glossary convert`: TSV ⇄ CSV ⇄ TBX.
struct GlossaryConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a term base between TSV (OmegaT), CSV and TBX, by file extension.",
        discussion: """
            The language pair comes from the TBX file's languages or from the path glossaries/<source>/<target>.tsv; --source and --target override it. TBX is written as TBX-Basic (TBX v3); TBX v2 (martif) and v3 are read. TBX has no place for the case flag, so it is lost on the way to TBX. OUT is never overwritten without --force.

            Examples:
              tandem glossary convert glossaries/zh-CN/en.tsv zh-en.tbx
              tandem glossary convert --source zh-CN --target en vendor.tbx out.tsv
              tandem glossary convert terms.csv terms.tsv
            """
    )

    @Option(help: "Source language tag, when the input does not say.")
    var source: LocaleTag?

    @Option(help: "Target language tag, when the input does not say.")
    var target: LocaleTag?

    @Flag(help: "Replace OUT if it exists.")
    var force = false

    @Argument(help: "The term base to read (.tsv, .csv, .tbx).")
    var input: String

    @Argument(help: "The term base to write (.tsv, .csv, .tbx).")
    var output: String

    func validate() throws {
        guard Glossary.FileFormat(path: output) != nil else {
            throw ValidationError("\(output): unknown glossary format; expected .tsv, .csv or .tbx")
        }
    }

    func run() throws {
        var glossary = try Glossary.read(URL(fileURLWithPath: input))
        if let source { glossary.sourceLocale = source }
        if let target { glossary.targetLocale = target }
        let outputURL = URL(fileURLWithPath: output)
        if FileManager.default.fileExists(atPath: outputURL.path) && !force {
            throw TandemError.unwritable(path: output, reason: "file exists; pass --force to replace it")
        }
        if Glossary.FileFormat(path: output) == .tbx && (glossary.sourceLocale == nil || glossary.targetLocale == nil) {
            throw TandemError.usage("TBX needs the language pair: pass --source and --target")
        }
        try glossary.write(to: outputURL)
        Terminal.standardError.write("wrote \(glossary.entries.count) entries to \(output)\n")
    }
}
