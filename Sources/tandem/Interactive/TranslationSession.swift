import TandemKit

/// The interactive pass of `tandem translate`: shows each segment of the walk, runs what the
/// translator asks for, checks every target before saving it and saves at once. Works the same
/// on both interfaces.
final class TranslationSession {
    let workspace: SegmentWorkspace
    private(set) var walk: TranslationWalk
    /// Walking translated segments for review: saved targets become `reviewed`.
    let reviewing: Bool
    private var messages: [StyledText] = []
    /// Targets typed in this pass, for the editor's history.
    private var history: [String] = []
    private(set) var saved = 0

    /// The command keys, in one line that fits 80 columns.
    static let keys = "1-9 accept  e edit  c copy  s skip  b back  r reviewed  n note  / find  q quit"

    init(workspace: SegmentWorkspace, walk: TranslationWalk, reviewing: Bool) {
        self.workspace = workspace
        self.walk = walk
        self.reviewing = reviewing
    }

    func run(_ ui: some TranslatorInterface) throws {
        while let reference = walk.current {
            let context: SegmentContext
            do {
                context = try workspace.context(of: reference)
            } catch let error as TandemError {
                // The post changed under the pass: say so and go on.
                messages = [StyledText(error.message, .error)]
                walk.advance()
                continue
            }
            let shown = screen(context)
            messages = []
            switch ui.command(on: shown) {
            case .quit:
                ui.finish(summary(finished: false))
                return
            case .skip:
                walk.advance()
            case .back:
                if !walk.back() { messages = [StyledText("This is the first segment of the pass.", .warning)] }
            case .accept(let number):
                guard number >= 1, number <= context.candidates.count else {
                    messages = [StyledText("No memory match \(number).", .warning)]
                    continue
                }
                try submit(context.candidates[number - 1].target, context: context, ui: ui)
            case .edit(let text):
                let initial = context.segment.target ?? ""
                guard let text = text ?? ui.edit("target", initial: initial, on: screen(context), immediate: false, history: history) else { continue }
                try submit(text, context: context, ui: ui)
            case .copySource:
                guard let text = ui.edit("target", initial: context.segment.source, on: screen(context), immediate: true, history: history) else { continue }
                try submit(text, context: context, ui: ui)
            case .review:
                // The target is checked as a new one would be: a finding needs confirming.
                guard let target = context.segment.target, !target.isEmpty else {
                    try update(.review(), context: context, ui: ui)
                    continue
                }
                try submit(target, context: context, ui: ui, state: .reviewed)
            case .note(let text):
                guard let text = text ?? ui.edit("note", initial: "", on: screen(context), immediate: false, history: history), !text.isEmpty else { continue }
                try update(.note(text), context: context, ui: ui, advancing: false)
            case .search(let text):
                guard let text = text ?? ui.edit("search", initial: "", on: screen(context), immediate: false, history: history), !text.isEmpty else { continue }
                let found = try walk.jump { reference in
                    let segment = try workspace.context(of: reference).segment
                    return segment.source.localizedCaseInsensitiveContains(text) || (segment.target?.localizedCaseInsensitiveContains(text) ?? false)
                }
                if !found { messages = [StyledText("No segment of this pass holds '\(text)'.", .warning)] }
            case .unknown(let typed):
                messages = [StyledText("Unknown command '\(typed)'.", .warning)]
            }
        }
        ui.finish(summary(finished: true))
    }

    /// The screen for `context` with the pending messages.
    private func screen(_ context: SegmentContext) -> SegmentScreen {
        SegmentScreen(
            context: context, status: "\(walk.index + 1) of \(walk.references.count)", editor: nil,
            messages: messages, keys: Self.keys)
    }

    /// Checks `text` and saves it as the target; a failed check is shown and needs confirming
    /// (or fixing) first.
    private func submit(_ text: String, context: SegmentContext, ui: some TranslatorInterface, state: SegmentState? = nil) throws {
        var text = text
        while true {
            let check = workspace.check(text, for: context.segment)
            var accepted = false
            if !check.isClean {
                var shown = screen(context)
                shown.messages = check.placeholderProblems.map { StyledText("error: \($0)", .error) }
                    + check.findings.map { StyledText("warning: \($0.message) [\($0.rule)]", .warning) }
                shown.editor = ("target", LineEditor(text: text, placeholders: CodedText(context.segment.source).placeholders))
                switch ui.resolve(check, text: text, on: shown) {
                case .save where check.placeholderProblems.isEmpty:
                    accepted = true
                case .revise(let revised):
                    text = revised
                    continue
                case .save, .cancel:
                    messages = [StyledText("Not saved.", .warning)]
                    return
                }
            }
            if text != context.segment.target { history.append(text) }
            let state = state ?? (reviewing ? .reviewed : .translated)
            try update(SegmentUpdate(target: text, state: state, acceptsFindings: accepted), context: context, ui: ui)
            return
        }
    }

    /// Saves `update`; a refusal (the file changed, a final segment) is shown, not thrown.
    private func update(_ update: SegmentUpdate, context: SegmentContext, ui: some TranslatorInterface, advancing: Bool = true) throws {
        do {
            try workspace.save(update, to: context.reference, shown: context.segment)
        } catch let error as TandemError {
            messages = [StyledText(error.message, .error)]
            return
        } catch let failure as TargetCheckFailure {
            messages = failure.check.messages.map { StyledText($0, .error) }
            return
        }
        if update.target != nil || update.state != nil { saved += 1 }
        if advancing { walk.advance() }
    }

    private func summary(finished: Bool) -> String {
        let what = reviewing ? "reviewed" : "saved"
        let left = finished ? "nothing left in this pass" : "\(walk.references.count - walk.index) left in this pass"
        return "\(what) \(saved) segment\(saved == 1 ? "" : "s"); \(left)"
    }
}
