import ArgumentParser
import Foundation
import TandemKit

/// `tandem translate`: the interactive pass over untranslated (or, with --review, translated)
/// segments.
struct TranslateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translate",
        abstract: "Translate (or review) segments one by one in the terminal.",
        discussion: """
            Walks the new and fuzzy segments of the locale in document order, posts by path (--review: the translated ones). Each screen shows the post and location, the sentences before and after, the source with its glossary terms highlighted and their required targets and forbidden variants, the memory's matches with score and a diff against the source, and the target. Placeholders show as labels naming their markup, such as ⟨1 strong⟩…⟨/1⟩; they cannot be typed, only inserted.

            Keys: 1-9 save memory match N, e (or Enter) edit the target, c edit starting from the source, s skip, b back, r mark reviewed, n add a note, / search this pass, q quit. In the editor: Enter saves, Esc cancels, Ctrl-T (or Tab) inserts the next placeholder of the source, Left/Right/Home/End move, Up/Down recall earlier targets, Ctrl-U/Ctrl-K delete to the start/end.

            Every target is checked before it is saved: broken placeholders and unsafe text (a blank line, a typed shortcode) are never saved; a glossary or number finding is shown and saved only when confirmed with y. A target is saved at once, atomically, with state translated (reviewed with --review) and origin human, and goes into the memory; quitting loses at most the line being typed, and the next run starts at the first segment still to do.

            When standard input or output is not a terminal, screens are printed as plain lines and commands read a line at a time: 1, e TEXT, c (save the source as it is), s, b, r, n TEXT, / TEXT, q; after a finding, y saves anyway. No colour when NO_COLOR is set.

            Examples:
              tandem translate --locale en
              tandem translate --locale en content/posts/hello.md
              tandem translate --locale en --review
            """
    )

    @OptionGroup var options: WorkspaceOptions

    @Flag(help: "Walk translated segments to review them; saved targets become reviewed.")
    var review = false

    @Argument(help: "Posts or directories inside the content directory (default: all).")
    var paths: [String] = []

    func run() throws {
        let workspace = try options.openWorkspace(paths: paths, command: "tandem translate")
        let walk = TranslationWalk(try workspace.references(review ? .review : .untranslated))
        guard !walk.references.isEmpty else {
            print(review ? "Nothing to review in \(workspace.locale.identifier)." : "Nothing left to translate in \(workspace.locale.identifier).")
            return
        }
        let session = TranslationSession(workspace: workspace, walk: walk, reviewing: review)
        let breaker = try DisplayLineBreaker()
        if isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 {
            let terminal = try RawTerminal()
            defer { terminal.restore() }
            let colour = (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
            try session.run(TerminalTranslator(terminal: terminal, colour: colour, breaker: breaker))
        } else {
            try session.run(LineModeTranslator(width: Terminal.columns, breaker: breaker))
        }
    }
}
