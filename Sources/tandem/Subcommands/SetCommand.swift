import ArgumentParser
import Foundation
import TandemKit

/// `tandem set`: saves one segment's target, for scripts and editors.
struct SetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Save a segment's target, checked as `tandem translate` checks it.",
        discussion: """
            ID is a segment id or a unique prefix of one (--post narrows the search when the same sentence is in two posts). TEXT is the target with the source's placeholders ({1}…{/1}, {2/}); - reads it from standard input (one trailing newline dropped). A TEXT that begins with - (a list item's "- Item") goes after --, which ends the options.

            The target is checked before anything is written: broken placeholders (lost, invented, duplicated, misnested) and unsafe text (a blank line, a code fence, a typed {{< shortcode >}}) exit 1 and write nothing, always; a target of white space only is an error (exit 2); glossary findings (missing required term, forbidden variant, altered keep-term) and missing numbers exit 1 and write nothing unless --force. A final segment is overwritten only with --force. The segment file is re-read just before the write and written atomically; the target gets origin human and the state of --state (translated by default), and goes into the memory.

            Examples:
              tandem set 3f2a --locale en 'Alibaba Cloud released {1}Qwen{/1} today.'
              echo 'A day in Hangzhou' | tandem set 3f2a9c01 --locale en -
              tandem set 3f2a -l en --state reviewed --note 'asked the author' 'Hello.'
              tandem set 3f2a -l en -- '-5 °C at night.'
            """
    )

    @OptionGroup var options: WorkspaceOptions

    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("Look for the id only in this post (or directory).", valueName: "path"))
    var post: String?

    @Option(help: "The state the segment gets: fuzzy, translated, reviewed or final.")
    var state: SegmentState = .translated

    @Option(help: "A note to add to the segment.")
    var note: String?

    @Flag(help: "Save despite glossary and number findings, or over a final segment (never with broken placeholders or unsafe text).")
    var force = false

    @Argument(help: "The segment id, or a unique prefix of it.")
    var id: String

    @Argument(help: "The target, or - to read it from standard input.")
    var text: String

    func validate() throws {
        guard state != .new else { throw ValidationError("--state new is for segments without a target; pick fuzzy, translated, reviewed or final") }
    }

    func run() throws {
        var target = text
        if text == "-" {
            // One sentence: bounded as a returned XLIFF unit is, so a runaway pipe never lands
            // in a segment file.
            let bytes = try SegmentCommand.readStandardInput(limit: XLIFFReader.Limits().maximumUnitTextBytes)
            target = try TextFile.decodeText(bytes, path: "<stdin>")
            if target.hasSuffix("\r\n") { target.removeLast() } else if target.hasSuffix("\n") { target.removeLast() }
        }
        let workspace = try options.openWorkspace(paths: post.map { [$0] } ?? [], command: "tandem set")
        let reference = try workspace.resolve(id)
        let update = SegmentUpdate(target: target, state: state, note: note, acceptsFindings: force, overwritesFinal: force)
        let saved: SegmentEntry
        do {
            saved = try workspace.save(update, to: reference)
        } catch let failure as TargetCheckFailure {
            Terminal.standardError.write("\(failure)\n")
            let hint = failure.check.placeholderProblems.isEmpty ? "nothing written; --force saves it anyway" : "nothing written"
            Terminal.standardError.write("\(reference.segmentFile): \(hint)\n")
            throw ExitCode(1)
        }
        try output.emit(SetReport(reference: reference, segment: saved)) {
            "\(reference.segmentFile): \(reference.id) \(saved.state.rawValue)\n"
        }
    }
}

/// The JSON form of `tandem set` and `tandem review`: the segment as saved.
struct SetReport: Encodable {
    var reference: SegmentReference
    var segment: SegmentEntry
}
