import Foundation
@testable import TandemKit

/// `Fixtures/Glossary/term-hits.txt`: news-like sentences with the glossary hits a reader
/// expects marked `⟦…⟧`, and the term base `news-terms.tsv` they are checked against.
struct TermHitFixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/Glossary")

    /// A sentence without its marks, and the UTF-8 ranges the marks enclosed.
    struct Sentence {
        var text: String
        var expected: [Range<Int>]
    }

    let glossary: Glossary
    let sentences: [Sentence]

    init() throws {
        glossary = try Glossary.read(Self.directory.appendingPathComponent("news-terms.tsv"))
        let lines = try String(contentsOf: Self.directory.appendingPathComponent("term-hits.txt"), encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }
        sentences = lines.map(Self.unmark)
    }

    /// Removes `⟦` and `⟧` from `line`, noting the byte range each pair enclosed.
    static func unmark(_ line: Substring) -> Sentence {
        var text: [UInt8] = []
        var expected: [Range<Int>] = []
        var open: Int?
        for character in line {
            switch character {
            case "⟦": open = text.count
            case "⟧":
                expected.append(open!..<text.count)
                open = nil
            default: text += Array(String(character).utf8)
            }
        }
        return Sentence(text: String(decoding: text, as: UTF8.self), expected: expected)
    }

    /// Hits counted over every sentence: found, expected, and found where expected.
    struct Score: CustomStringConvertible {
        var found = 0
        var expected = 0
        var correct = 0
        /// The sentences with a wrong or missing hit, for the test log.
        var mistakes: [String] = []

        var precision: Double { found == 0 ? 1 : Double(correct) / Double(found) }
        var recall: Double { expected == 0 ? 1 : Double(correct) / Double(expected) }

        var description: String {
            let percent = { (value: Double) in String(format: "%.1f%%", value * 100) }
            return "precision \(percent(precision)) (\(correct) of \(found) hits), recall \(percent(recall)) (\(correct) of \(expected) expected)"
        }
    }

    func score(_ matcher: GlossaryMatcher) -> Score {
        var score = Score()
        for sentence in sentences {
            let found = matcher.matches(in: sentence.text).map(\.range)
            let correct = found.filter(sentence.expected.contains).count
            score.found += found.count
            score.expected += sentence.expected.count
            score.correct += correct
            if correct != found.count || correct != sentence.expected.count {
                let bytes = Array(sentence.text.utf8)
                let terms = found.map { String(decoding: bytes[$0], as: UTF8.self) }
                score.mistakes.append("\(sentence.text) → \(terms)")
            }
        }
        return score
    }
}
