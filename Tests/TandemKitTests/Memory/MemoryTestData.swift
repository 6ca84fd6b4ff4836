import Foundation
import TandemKit
import TandemTestSupport

/// Test material for the memory: real sentences cut from the shared corpus (read in place, never
/// copied), near-duplicates made from them by 1–3 character edits, and a reference edit distance.
enum MemoryTestData {
    /// A small deterministic generator (SplitMix64), so every run tests the same data.
    typealias Random = SeededRandom

    /// The distinct sentences of every corpus post's body (zh-CN rules), at least 4 characters long.
    static func corpusSentences() throws -> [String] {
        let segmenter = try SentenceSegmenter(locale: LocaleTag("zh-CN")!)
        var seen = Set<String>()
        var sentences: [String] = []
        for post in SharedCorpus.allPosts {
            let bytes = try TextFile.readBytes(post)
            let body = FrontMatterBlock.locate(in: bytes).map { Array(bytes[$0.range.upperBound...]) } ?? bytes
            for sentence in segmenter.sentences(in: String(decoding: body, as: UTF8.self)) {
                let text = sentence.text
                if text.count >= 4, seen.insert(text).inserted { sentences.append(text) }
            }
        }
        return sentences
    }

    /// `sentence` with `edits` random character substitutions, insertions or deletions, using
    /// characters from `alphabet`.
    static func nearDuplicate(of sentence: String, edits: Int, alphabet: [Character], random: inout Random) -> String {
        var characters = Array(sentence)
        for _ in 0..<edits {
            let operation = Int.random(in: 0..<3, using: &random)
            let position = Int.random(in: 0...max(0, characters.count - 1), using: &random)
            let replacement = alphabet[Int.random(in: 0..<alphabet.count, using: &random)]
            switch operation {
            case 0 where !characters.isEmpty: characters[position] = replacement
            case 1: characters.insert(replacement, at: position)
            default: if characters.count > 1 { characters.remove(at: position) }
            }
        }
        return String(characters)
    }

    /// Plain dynamic-programming Levenshtein distance: the reference the index must agree with.
    static func levenshtein(_ a: [UInt32], _ b: [UInt32]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// ⌊100 · (1 − distance / max length)⌋ by the reference distance.
    static func similarity(_ a: [UInt32], _ b: [UInt32]) -> Int {
        let length = max(a.count, b.count)
        if length == 0 { return 100 }
        return 100 * (length - levenshtein(a, b)) / length
    }
}
