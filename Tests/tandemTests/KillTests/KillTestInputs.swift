import Foundation
import TandemKit
import TandemTestSupport

/// The kill tests' inputs: sentence pairs read in place from the benchmark's 1M-unit TSV
/// (`bench-data/tm/tm-1M.tsv`, real zh-CN → en text, made by `make bench-data`) when it is
/// there, else numbered sentences; a TMX of them; posts of them in two versions.
enum KillTestInputs {
    static let source = LocaleTag("zh-CN")!
    static let target = LocaleTag("en")!

    /// The TSV: `TANDEM_BENCH_DATA/tm/tm-1M.tsv` when that variable is set (a folder without
    /// it, e.g. `/nonexistent`, gives the numbered sentences CI uses), else `bench-data/` of this
    /// checkout or of the main checkout beside it (`../main`), whichever exists.
    static var benchmarkTSV: URL? {
        var folders = [SharedCorpus.repositoryRoot.appendingPathComponent("bench-data"),
                       SharedCorpus.repositoryRoot.deletingLastPathComponent().appendingPathComponent("main/bench-data")]
        if let override = ProcessInfo.processInfo.environment["TANDEM_BENCH_DATA"] { folders = [URL(fileURLWithPath: override)] }
        return folders.map { $0.appendingPathComponent("tm/tm-1M.tsv") }.first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// `count` distinct pairs for a TMX: from the TSV in its order (lines with an empty side or a
    /// control character left out), numbered sentences after it or without it.
    static func unitPairs(count: Int) throws -> [(source: String, target: String)] {
        var seen = Set<String>()
        var pairs: [(source: String, target: String)] = []
        try forEachTSVLine { source, target in
            guard pairs.count < count else { return false }
            guard !source.isEmpty, !target.isEmpty, !(source + target).unicodeScalars.contains(where: { $0.value < 0x20 }),
                  seen.insert(source + "\t" + target).inserted else { return true }
            pairs.append((source, target))
            return true
        }
        var n = 0
        while pairs.count < count {
            pairs.append(("第\(n)号句子说明了第\(n % 97)个事实。", "Sentence \(n) states fact \(n % 97)."))
            n += 1
        }
        return pairs
    }

    /// Writes `pairs` as a TMX 1.4b file of one `<tu>` each.
    static func writeTMX(_ pairs: [(source: String, target: String)], to url: URL) throws {
        let writer = try TMXWriter(destination: url, sourceLocale: source, toolVersion: "kill-test")
        for pair in pairs {
            try writer.write(MemoryUnit(sourceLocale: source, targetLocale: target, source: pair.source, target: pair.target))
        }
        try writer.finish()
    }

    /// Sentences for posts: the TSV's plain zh-CN sentences (ending in 。, without characters
    /// Markdown or Hugo would take as markup), numbered ones after them or without them.
    static func postSentences(count: Int) throws -> [String] {
        var sentences: [String] = []
        let markup = Set("<>*_`[]#|\\{}$&!~^=+-:\"'%@")
        try forEachTSVLine { source, _ in
            guard sentences.count < count else { return false }
            let length = source.count
            if source.hasSuffix("。"), (8...80).contains(length), !source.contains(where: { markup.contains($0) || $0.isWhitespace }),
               !source.unicodeScalars.contains(where: { $0.value < 0x20 }), source.first?.isNumber == false {
                sentences.append(source)
            }
            return true
        }
        var n = 0
        while sentences.count < count {
            sentences.append("这是第\(n)号文章里的一句话，它讲述了第\(n % 13)个事实。")
            n += 1
        }
        return sentences
    }

    /// How many sentences one post uses (a title, three paragraphs of four, two for version 2).
    static let sentencesPerPost = 15

    /// Post `index` in `version` 1 or 2 (2: a sentence of the second paragraph replaced, one
    /// added at the end), from its 15 sentences.
    static func post(_ index: Int, version: Int, sentences: ArraySlice<String>) -> String {
        let s = Array(sentences)
        var body = [Array(s[1...4]), Array(s[5...8]), Array(s[9...12])]
        if version == 2 {
            body[1][1] = s[13]
            body[2].append(s[14])
        }
        return "---\ntitle: \(s[0].dropLast())\ndate: 2025-01-01\n---\n\n" + body.map { $0.joined() }.joined(separator: "\n\n") + "\n"
    }

    /// Writes `count` posts in `version` under `root`'s `content/posts/`.
    static func writePosts(count: Int, version: Int, sentences: [String], in root: URL) throws {
        for index in 0..<count {
            let slice = sentences[index * sentencesPerPost..<(index + 1) * sentencesPerPost]
            let url = root.appendingPathComponent(String(format: "content/posts/post-%04d.md", index))
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(post(index, version: version, sentences: slice).utf8).write(to: url)
        }
    }

    /// Calls `body` with each line's two columns until it returns false (nothing without the TSV).
    private static func forEachTSVLine(_ body: (String, String) throws -> Bool) throws {
        guard let url = benchmarkTSV else { return }
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var pending = Data()
        while let chunk = try handle.read(upToCount: 4 << 20), !chunk.isEmpty {
            pending.append(chunk)
            var start = pending.startIndex
            while let newline = pending[start...].firstIndex(of: 0x0A) {
                let line = String(decoding: pending[start..<newline], as: UTF8.self)
                start = newline + 1
                let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard columns.count == 2 else { continue }
                if try !body(String(columns[0]), String(columns[1])) { return }
            }
            pending = Data(pending[start...])
        }
    }
}
