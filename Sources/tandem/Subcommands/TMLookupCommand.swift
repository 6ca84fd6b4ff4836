import ArgumentParser
import Foundation
import TandemKit

/// `tandem tm lookup`: what the memory has for a sentence.
struct TMLookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Show the memory's matches for a sentence, with scores and a character diff.",
        discussion: """
            Prints in-context, exact and fuzzy matches, best first. The diff shows how the stored source differs from TEXT: [-only in the stored source-]{+only in TEXT+}. Without --target-locale every language the memory translates into is searched. A source and target saved in several posts is one match, with the number of other places (--json: alsoIn lists them).

            Examples:
              tandem tm lookup '今天天气很好。'
              tandem tm lookup --min 60 --top 10 '苹果发布了新的 iPhone。'
              tandem tm lookup --json --target-locale en '保存{1}全部{/1}文件。'
            """
    )

    @OptionGroup var memoryOptions: MemoryOptions

    @Option(name: .customLong("min"), help: "Lowest fuzzy score shown (1–99).")
    var minimumScore: Int = 75

    @Option(help: "Most matches shown per target language.")
    var top: Int = 5

    @Option(help: ArgumentHelp("The language of TEXT (default: the memory's only source language, else zh-CN).", valueName: "TAG"))
    var sourceLocale: LocaleTag?

    @Option(help: ArgumentHelp("Only matches translated into this language.", valueName: "TAG"))
    var targetLocale: LocaleTag?

    @OptionGroup var output: OutputOptions

    @Argument(help: "The sentence to look up (placeholders like {1}…{/1} allowed).")
    var text: String

    func validate() throws {
        guard (1...99).contains(minimumScore) else { throw ValidationError("--min must be 1…99") }
        guard top > 0 else { throw ValidationError("--top must be at least 1") }
    }

    func run() throws {
        let memory = try memoryOptions.open()
        // The pairs, not `statistics()`: counting a million units would cost more than the lookup.
        let pairs = try memory.localePairs()
        let source = sourceLocale
            ?? Set(pairs.map(\.source)).singleElement.flatMap { LocaleTag($0) } ?? LocaleTag("zh-CN")!
        let targets: [LocaleTag]
        if let target = targetLocale {
            targets = [target]
        } else {
            targets = pairs.filter { $0.source == source.identifier }.compactMap { LocaleTag($0.target) }
        }
        var reports: [LookupReport.Match] = []
        for target in targets {
            let query = MemoryQuery(source: text, sourceLocale: source, targetLocale: target)
            // The memory keeps a unit per post a translation was saved in: the same pair from
            // two posts is one match here, its other places listed (it was shown twice). More
            // are asked for so that `top` distinct ones remain.
            var shown: [LookupReport.Match] = []
            for match in try memory.matches(for: query, minimumScore: minimumScore, limit: top < 1_000 ? top * 4 : top) {
                if let index = shown.firstIndex(where: { $0.source == match.unit.source && $0.target == match.unit.target }) {
                    if let origin = match.unit.originDescription { shown[index].alsoIn = (shown[index].alsoIn ?? []) + [origin] }
                    continue
                }
                guard shown.count < top else { continue }
                shown.append(LookupReport.Match(
                    score: match.score, kind: match.kind.rawValue, sourceLocale: source.identifier,
                    targetLocale: target.identifier, source: match.unit.source, target: match.unit.target,
                    origin: match.unit.originDescription, alsoIn: nil,
                    diff: CharacterDiff.plain(from: match.unit.source, to: text)))
            }
            reports += shown
        }
        switch output.selected {
        case .json:
            Terminal.standardOutput.write(try JSONText.string(LookupReport(query: text, matches: reports)) + "\n")
        case .text:
            if reports.isEmpty {
                Terminal.standardOutput.write("no match at or above \(minimumScore)%\n")
                return
            }
            let colour = Terminal.standardOutput.usesColour
            var output = ""
            for match in reports {
                output += "\(match.score)%  \(match.kind)  \(match.sourceLocale) → \(match.targetLocale)"
                if let origin = match.origin { output += "  (\(origin)\(match.alsoIn.map { ", and \($0.count) more" } ?? ""))" }
                output += "\n  source: \(match.source)\n  target: \(match.target)\n"
                if match.kind == MatchKind.fuzzy.rawValue {
                    output += "  diff:   \(colour ? Self.coloured(from: match.source, to: text) : match.diff)\n"
                }
            }
            Terminal.standardOutput.write(output)
        }
    }

    /// The diff with removed text red and struck, added text green.
    static func coloured(from stored: String, to query: String) -> String {
        CharacterDiff.runs(from: stored, to: query).map { run in
            switch run {
            case .same(let text): return text
            case .removed(let text): return "\u{1B}[31;9m\(text)\u{1B}[0m"
            case .added(let text): return "\u{1B}[32m\(text)\u{1B}[0m"
            }
        }.joined()
    }
}

/// `tandem tm lookup --format json`.
struct LookupReport: Encodable {
    struct Match: Encodable {
        var score: Int
        var kind: String
        var sourceLocale: String
        var targetLocale: String
        var source: String
        var target: String
        var origin: String?
        /// Where else the same source and target were saved (other posts), when anywhere.
        var alsoIn: [String]?
        var diff: String
    }
    var query: String
    var matches: [Match]
}

extension Set {
    /// The element of a one-element set.
    fileprivate var singleElement: Element? { count == 1 ? first : nil }
}
