import Foundation
import Testing
@_spi(Benchmarks) import TandemKit

/// Unicode's own sentence-break conformance data (Debian `unicode-data`), run through the
/// segmenter in plain-ICU mode: every boundary must match.
@Suite("Unicode SentenceBreakTest.txt conformance")
struct SentenceBreakConformanceTests {
    static let file = URL(fileURLWithPath: "/usr/share/unicode/auxiliary/SentenceBreakTest.txt")
    static var isAvailable: Bool { FileManager.default.fileExists(atPath: file.path) }

    /// One line of the file: the text and its boundaries as UTF-8 offsets.
    struct Case {
        var line: Int
        var text: String
        var boundaries: [Int]
    }

    static func cases() throws -> [Case] {
        let content = try String(contentsOf: file, encoding: .utf8)
        var cases: [Case] = []
        for (index, rawLine) in content.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
            let tokens = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard !tokens.isEmpty else { continue }
            var text = ""
            var boundaries: [Int] = []
            for token in tokens {
                switch token {
                case "÷": boundaries.append(text.utf8.count)
                case "×": break
                default: text.unicodeScalars.append(Unicode.Scalar(UInt32(token, radix: 16)!)!)
                }
            }
            cases.append(Case(line: index + 1, text: text, boundaries: boundaries))
        }
        return cases
    }

    @Test(.enabled(if: isAvailable, "install Debian's unicode-data for /usr/share/unicode/auxiliary/SentenceBreakTest.txt"))
    func everyCaseMatchesICU() throws {
        let cases = try Self.cases()
        #expect(cases.count > 400)
        let iterator = try BreakIterator(.sentence, icuLocale: "en_US_POSIX")
        var failures: [Int] = []
        for testCase in cases where iterator.boundaries(in: testCase.text) != testCase.boundaries {
            failures.append(testCase.line)
        }
        #expect(failures.isEmpty, "lines failing: \(failures.prefix(20))")
    }

    @Test(.enabled(if: isAvailable, "install Debian's unicode-data for /usr/share/unicode/auxiliary/SentenceBreakTest.txt"))
    func segmenterInPlainICUModeBreaksExactlyWhereUnicodeSays() throws {
        let segmenter = try SentenceSegmenter(rules: LocaleRules(locale: LocaleTag("en")!, sentences: .plainICU))
        var failures: [Int] = []
        for testCase in try Self.cases() where segmenter.breakOffsets(in: testCase.text) != testCase.boundaries {
            failures.append(testCase.line)
        }
        #expect(failures.isEmpty, "lines failing: \(failures.prefix(20))")
    }
}
