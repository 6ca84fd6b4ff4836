import Foundation
import Testing
@testable import TandemKit

/// The answers of the in-memory implementation the persisted index replaced, over the units a
/// memory holds right now: every leverageable unit read back (`forEachUnit`), keys into a
/// `MemoryKeyTable` (the `FuzzyIndex` built from scratch) and ranked by `MatchRanking`.
struct IndexOracle {
    private var unitsByKey: [String: [MemoryUnit]] = [:]
    private let table: MemoryKeyTable
    private var scratch = FuzzySearchScratch()

    /// The oracle for `memory`'s `source` → `target` units as committed now.
    init(_ memory: any TranslationMemory, source: LocaleTag, target: LocaleTag) throws {
        var ordinals = KeyOrdinals()
        var unitsByKey: [String: [MemoryUnit]] = [:]
        try memory.forEachUnit(sourceLocale: source, targetLocale: nil) { unit in
            guard unit.state.isTranslated else { return }
            ordinals.insert(unit.sourceKey)
            if unit.targetLocale == target { unitsByKey[unit.sourceKey, default: []].append(unit) }
        }
        self.unitsByKey = unitsByKey.mapValues { units in
            units.sorted { $0.changed != $1.changed ? $0.changed > $1.changed : ($0.id ?? 0) > ($1.id ?? 0) }
        }
        table = MemoryKeyTable(ordinals)
    }

    /// Every query's exact and fuzzy answers (≥ 75 top 5, ≥ 60 top 50) from `memory` equal the
    /// oracle's over its units now.
    static func expectAnswers(
        of memory: any TranslationMemory, source: LocaleTag, target: LocaleTag, queries: [String],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        var oracle = try IndexOracle(memory, source: source, target: target)
        for text in queries {
            let query = MemoryQuery(source: text, sourceLocale: source, targetLocale: target)
            #expect(try memory.exactMatches(for: query) == oracle.exact(query), "exact: \(text)", sourceLocation: sourceLocation)
            #expect(try memory.fuzzyMatches(for: query, minimumScore: 75, limit: 5) == oracle.fuzzy(query),
                    "fuzzy: \(text)", sourceLocation: sourceLocation)
            #expect(try memory.fuzzyMatches(for: query, minimumScore: 60, limit: 50) == oracle.fuzzy(query, minimumScore: 60, limit: 50),
                    "fuzzy ≥ 60: \(text)", sourceLocation: sourceLocation)
        }
    }

    func exact(_ query: MemoryQuery) -> [MemoryMatch] {
        MatchRanking.inContextFirst(unitsByKey[query.sourceKey] ?? [], query: query)
    }

    mutating func fuzzy(_ query: MemoryQuery, minimumScore: Int = 75, limit: Int = 5) -> [MemoryMatch] {
        let unitsByKey = unitsByKey
        return MatchRanking.fuzzyMatches(in: table, for: query, minimumScore: minimumScore, limit: limit, scratch: &scratch) {
            unitsByKey[$0] ?? []
        }
    }

    /// Sources to ask about: stored ones, edited ones (1–3 characters), cut short, and unknown text.
    static func queries(from sources: [String], count: Int, random: inout MemoryTestData.Random) -> [String] {
        let alphabet = Array(Set(sources.prefix(500).joined())).sorted()
        var queries: [String] = []
        for n in 0..<count {
            let source = sources[Int(random.next() % UInt64(sources.count))]
            switch n % 4 {
            case 0: queries.append(source)
            case 1: queries.append(MemoryTestData.nearDuplicate(of: source, edits: 1 + n % 3, alphabet: alphabet, random: &random))
            case 2: queries.append(String(source.prefix(max(4, source.count * 4 / 5))))
            default: queries.append(source + " " + sources[Int(random.next() % UInt64(sources.count))])
            }
        }
        return queries
    }

    /// Real sources and targets: the first `count` lines of the benchmark TSV when it is on this
    /// machine (read in place), else corpus sentences with made-up targets. A corpus with fewer
    /// distinct sentences than `count` (its size differs between machines) is made up to
    /// `count` with pairs of its sentences joined, each pair once: still real text, and a test
    /// written for `count` units never indexes past the end.
    static func realUnits(count: Int) throws -> [(source: String, target: String)] {
        let candidates = [ProcessInfo.processInfo.environment["TANDEM_BENCH_DATA"], "/work/main/bench-data"].compactMap { $0 }
        for directory in candidates {
            let path = directory + "/tm/tm-100k.tsv"
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            var units: [(String, String)] = []
            for line in text.split(separator: "\n") {
                let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard columns.count >= 2, !columns[0].isEmpty else { continue }
                units.append((String(columns[0]), String(columns[1])))
                if units.count == count { break }
            }
            return units
        }
        let sentences = try MemoryTestData.corpusSentences()
        var sources = Array(sentences.prefix(count))
        var seen = Set(sources)
        var step = 1
        while sources.count < count, !sentences.isEmpty, step < sentences.count {
            for (index, sentence) in sentences.enumerated() where sources.count < count {
                let joined = sentence + sentences[(index + step) % sentences.count]
                if seen.insert(joined).inserted { sources.append(joined) }
            }
            step += 1
        }
        return sources.enumerated().map { ($1, "t\($0)") }
    }
}
