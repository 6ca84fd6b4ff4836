import Foundation
import TandemKit

/// The prepared memories (`tm/tm-<units>.tsv`, source TAB target) as Tandem reads them: the
/// source sentences, and a `SQLiteMemory` holding every unit (zh-CN → en), built once and kept
/// in `Benchmarks/.build/bench-memory/` (never in `bench-data/`, which the peers share).
enum BenchmarkMemory {
    static let sourceLocale = LocaleTag("zh-CN")!
    static let targetLocale = LocaleTag("en")!

    /// Where the built memories and import scratch files go.
    static var workDirectory: URL {
        // This file is Benchmarks/Sources/TandemBench/Framework/BenchmarkMemory.swift.
        let benchmarks = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let directory = benchmarks.appendingPathComponent(".build/bench-memory")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// Each line of the TSV as (source, target).
    static func pairs(_ path: String) throws -> [(source: String, target: String)] {
        let file = try ParagraphFile(path: path)
        return file.bytes.withUnsafeBufferPointer { buffer in
            file.lines.map { line in
                let bytes = UnsafeBufferPointer(rebasing: buffer[line])
                let tab = bytes.firstIndex(of: 0x09) ?? bytes.count
                return (String(decoding: UnsafeBufferPointer(rebasing: bytes[..<tab]), as: UTF8.self),
                        tab < bytes.count ? String(decoding: UnsafeBufferPointer(rebasing: bytes[(tab + 1)...]), as: UTF8.self) : "")
            }
        }
    }

    /// Non-empty lines of a query file.
    static func queries(_ path: String) throws -> [String] {
        try ParagraphFile(path: path).strings()
    }

    /// The memory made from `tsvPath`, built on first use (outside any clock).
    static func memory(tsvPath: String, name: String) throws -> SQLiteMemory {
        let database = workDirectory.appendingPathComponent("\(name).sqlite").path
        let done = database + ".done"
        if !FileManager.default.fileExists(atPath: done) {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
            let memory = try SQLiteMemory(path: database)
            let created = Date(timeIntervalSince1970: 1_700_000_000)
            var batch: [MemoryUnit] = []
            for (source, target) in try pairs(tsvPath) {
                batch.append(MemoryUnit(sourceLocale: sourceLocale, targetLocale: targetLocale, source: source,
                                        target: target, originFile: "tm.tsv", created: created))
                if batch.count == 50_000 {
                    try memory.add(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            try memory.add(batch)
            try memory.close()
            FileManager.default.createFile(atPath: done, contents: Data())
        }
        return try SQLiteMemory(path: database)
    }
}
