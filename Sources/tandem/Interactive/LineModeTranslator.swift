import Foundation
import TandemKit

/// `tandem translate` when standard input or output is not a terminal: each segment printed
/// as plain lines, then a `> ` prompt; commands are read a line at a time (`1`, `e TEXT`, `c`,
/// `s`, `b`, `r`, `n TEXT`, `/ TEXT`, `q`). Placeholders are typed as in segment files (`{1}`).
/// What scripts and tests drive.
struct LineModeTranslator: TranslatorInterface {
    let width: Int
    let breaker: DisplayLineBreaker

    func command(on screen: SegmentScreen) -> TranslatorCommand {
        draw(screen)
        guard let line = prompt("> ") else { return .quit }
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard let first = trimmed.first else { return .unknown("") }
        let rest = trimmed.dropFirst().trimmingCharacters(in: .whitespaces)
        let argument = rest.isEmpty ? nil : rest
        if let number = Int(trimmed) { return .accept(number) }
        switch (first, trimmed.count == 1 || trimmed.dropFirst().first == " ") {
        case ("e", true): return .edit(argument)
        case ("n", true): return .note(argument)
        case ("/", _): return .search(argument)
        case ("c", true) where argument == nil: return .copySource
        case ("s", true) where argument == nil: return .skip
        case ("b", true) where argument == nil: return .back
        case ("r", true) where argument == nil: return .review
        case ("q", true) where argument == nil: return .quit
        default: return .unknown(trimmed)
        }
    }

    func edit(_ label: String, initial: String, on screen: SegmentScreen, immediate: Bool, history: [String]) -> String? {
        if immediate { return initial }
        guard let line = prompt("\(label)> ") else { return nil }
        return line.isEmpty ? nil : line
    }

    func resolve(_ check: TargetCheck, text: String, on screen: SegmentScreen) -> CheckResolution {
        for message in screen.messages { Terminal.standardOutput.write(message.plain + "\n") }
        guard check.placeholderProblems.isEmpty else { return .cancel }
        return prompt("save anyway? [y/N] ")?.trimmingCharacters(in: .whitespaces).lowercased() == "y" ? .save : .cancel
    }

    func finish(_ summary: String) {
        Terminal.standardOutput.write(summary + "\n")
    }

    private func draw(_ screen: SegmentScreen) {
        let lines = screen.layout(width: width, height: nil, colour: false, breaker: breaker).lines
        Terminal.standardOutput.write(lines.map { $0.plain + "\n" }.joined())
    }

    private func prompt(_ text: String) -> String? {
        Terminal.standardOutput.write(text)
        return readLine(strippingNewline: true)
    }
}
