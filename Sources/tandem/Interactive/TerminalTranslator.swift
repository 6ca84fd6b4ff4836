import Foundation
import TandemKit

/// `tandem translate` on a terminal: full screens redrawn on every key, single keys for
/// commands, the line editor for targets (placeholders inserted with Ctrl-T or Tab), colour
/// unless `NO_COLOR` is set.
final class TerminalTranslator: TranslatorInterface {
    let terminal: RawTerminal
    let colour: Bool
    let breaker: DisplayLineBreaker

    init(terminal: RawTerminal, colour: Bool, breaker: DisplayLineBreaker) {
        self.terminal = terminal
        self.colour = colour
        self.breaker = breaker
    }

    func command(on screen: SegmentScreen) -> TranslatorCommand {
        var key = Key.resize
        // A resized terminal gets the screen laid out again for its new size.
        while key == .resize {
            draw(screen)
            key = terminal.readKey()
        }
        switch key {
        case .character(let character):
            if let digit = character.wholeNumberValue, (1...9).contains(digit) { return .accept(digit) }
            switch character {
            case "e": return .edit(nil)
            case "c": return .copySource
            case "s": return .skip
            case "b": return .back
            case "r": return .review
            case "n": return .note(nil)
            case "/": return .search(nil)
            case "q": return .quit
            default: return .unknown(String(character))
            }
        case .enter: return .edit(nil)
        case .endOfInput, .control("d"): return .quit
        default: return .unknown("key")
        }
    }

    func edit(_ label: String, initial: String, on screen: SegmentScreen, immediate: Bool, history: [String]) -> String? {
        let placeholders = label == "target" ? CodedText(screen.context.segment.source).placeholders : []
        var editor = LineEditor(text: initial, placeholders: placeholders, history: label == "target" ? history : [])
        while true {
            var shown = screen
            shown.editor = (label, editor)
            shown.keys = label == "target"
                ? "Enter save  Esc cancel  Ctrl-T placeholder  ←→ Home End  ↑↓ history"
                : "Enter done  Esc cancel"
            draw(shown)
            let key = terminal.readKey()
            switch key {
            case .enter: return editor.text
            case .escape, .control("g"): return nil
            case .endOfInput: return nil
            case .resize: continue
            default:
                if !editor.handle(key) { terminal.bell() }
            }
        }
    }

    func resolve(_ check: TargetCheck, text: String, on screen: SegmentScreen) -> CheckResolution {
        var shown = screen
        shown.editor = nil
        shown.keys = check.placeholderProblems.isEmpty
            ? "y save anyway  any other key: edit  Esc cancel"
            : "Not saved: fix the placeholders  any key: edit  Esc cancel"
        shown.context.segment.target = text
        var key = Key.resize
        while key == .resize {
            draw(shown)
            key = terminal.readKey()
        }
        if key == .character("y"), check.placeholderProblems.isEmpty { return .save }
        if key == .escape || key == .endOfInput { return .cancel }
        var editing = screen
        editing.editor = nil
        guard let revised = edit("target", initial: text, on: editing, immediate: false, history: []) else { return .cancel }
        return .revise(revised)
    }

    func finish(_ summary: String) {
        terminal.restore()
        Terminal.standardOutput.write(summary + "\n")
    }

    private func draw(_ screen: SegmentScreen) {
        let size = terminal.size
        let (lines, cursor) = screen.layout(width: size.columns, height: size.rows, colour: colour, breaker: breaker)
        terminal.draw(lines.map { $0.rendered(colour: colour) }, cursor: cursor)
    }
}
