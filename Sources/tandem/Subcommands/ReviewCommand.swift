import ArgumentParser
import Foundation
import TandemKit

/// `tandem review`: marks segments reviewed.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Mark segments reviewed, their targets checked as `tandem translate` checks them.",
        discussion: """
            Each ID is a segment id or a unique prefix of one (--post narrows the search). Every segment is checked before any is written: one without a target is an error (exit 2), one whose target has broken placeholders or unsafe text, or glossary or number findings without --force, exits 1; in both cases nothing is written. Each segment file is re-read just before its write and written atomically.

            Examples:
              tandem review 3f2a 91c0 --locale en
              tandem review 3f2a --locale en --note 'terminology checked'
            """
    )

    @OptionGroup var options: WorkspaceOptions

    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("Look for the ids only in this post (or directory).", valueName: "path"))
    var post: String?

    @Option(help: "A note to add to each segment.")
    var note: String?

    @Flag(help: "Mark reviewed despite glossary and number findings, or a final segment back to reviewed.")
    var force = false

    @Argument(help: "Segment ids, or unique prefixes of them.")
    var ids: [String]

    func validate() throws {
        guard !ids.isEmpty else { throw ValidationError("name at least one segment id") }
    }

    func run() throws {
        let workspace = try options.openWorkspace(paths: post.map { [$0] } ?? [], command: "tandem review")
        let references = try ids.map(workspace.resolve)
        // Everything checked before anything is written.
        var failed = false
        for reference in references {
            let context = try workspace.context(of: reference)
            guard let target = context.segment.target, !target.isEmpty else {
                throw TandemError.invalidArgument("segment \(reference.id) of \(reference.post) has no target; translate it before reviewing")
            }
            let check = workspace.check(target, for: context.segment)
            if !check.placeholderProblems.isEmpty || (!check.findings.isEmpty && !force) {
                let bytes = try TextFile.readBytes(reference.url)
                let location = SegmentFileStore.location(ofSegment: reference.id, in: bytes, path: reference.segmentFile)
                Terminal.standardError.write("\(TargetCheckFailure(location: location, check: check))\n")
                failed = true
            }
        }
        if failed {
            Terminal.standardError.write("nothing written\(force ? "" : "; --force marks segments with glossary or number findings reviewed anyway")\n")
            throw ExitCode(1)
        }
        var reports: [SetReport] = []
        for reference in references {
            var update = SegmentUpdate.review(acceptsFindings: force)
            update.note = note
            update.overwritesFinal = force
            reports.append(SetReport(reference: reference, segment: try workspace.save(update, to: reference)))
        }
        try output.emit(reports) {
            reports.map { "\($0.reference.segmentFile): \($0.reference.id) \($0.segment.state.rawValue)\n" }.joined()
        }
    }
}
