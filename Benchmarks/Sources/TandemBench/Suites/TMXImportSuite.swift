import Foundation
import TandemKit

/// TMX import: parse a 1M-unit TMX 1.4b file made from the prepared memory, streaming.
///
/// `tandem`: `importTMX` into a new `SQLiteMemory` (parse, normalize, store; WAL, committed
/// batches), the whole command's work. `tandem-postgres`: the same into a `PostgreSQLMemory` (a
/// fresh schema on the server `make bench` starts). `tandem-parse`: `TMXReader` alone, what the
/// peers do.
struct TMXImportSuite: BenchmarkSuite {
    let name = "tmx-import"
    let title = "TMX import, 1M units (units/s)"
    let metric = Metric.itemsPerSecond
    let baseline = "lxml"
    // ≥ 100k units/s: lxml runs at about 110k here.
    let targets = [Target(participant: "tandem", reference: "lxml", ratio: 0.9)]
    let tandemVariants = ["tandem", "tandem-postgres", "tandem-parse"]

    func peers(_ paths: BenchmarkPaths) -> [PeerCommand] {
        let tmx = paths.data("tm/tm-1M.tmx")
        return [
            PeerCommand(name: "lxml", arguments: [paths.python, paths.peer("lxml_tmx.py"), tmx]),
            PeerCommand(name: "translate-toolkit", arguments: [paths.python, paths.peer("ttk_tmx.py"), tmx]),
        ]
    }

    func run(variant: String, data: BenchmarkPaths) throws -> RunResult {
        let tmx = URL(fileURLWithPath: data.data("tm/tm-1M.tmx"))
        guard FileManager.default.fileExists(atPath: tmx.path) else { throw BenchmarkError.missingData(path: tmx.path) }
        let bytes = (try FileManager.default.attributesOfItem(atPath: tmx.path)[.size] as? Int) ?? 0
        switch variant {
        case "tandem":
            let database = BenchmarkMemory.workDirectory.appendingPathComponent("import-\(getpid()).sqlite").path
            // The persisted index directory too (233 MB a run at 1M units, left behind before).
            defer { for suffix in ["", "-wal", "-shm", ".index"] { try? FileManager.default.removeItem(atPath: database + suffix) } }
            let memory = try SQLiteMemory(path: database)
            let clock = Stopwatch()
            let summary = try memory.importTMX(from: tmx)
            try memory.close()
            return RunResult(participant: variant, seconds: clock.seconds, bytes: bytes, items: summary.translationUnits,
                             checksum: summary.inserted)
        case "tandem-postgres":
            let schema = "tandem_bench_import_\(getpid())"
            let memory = try PostgreSQLMemory(url: try BenchmarkPostgreSQL.schemaURL(schema, fresh: true))
            defer { BenchmarkPostgreSQL.dropSchema(schema) }
            let clock = Stopwatch()
            let summary = try memory.importTMX(from: tmx)
            return RunResult(participant: variant, seconds: clock.seconds, bytes: bytes, items: summary.translationUnits,
                             checksum: summary.inserted)
        case "tandem-parse":
            var characters = 0
            let clock = Stopwatch()
            let units = try TMXReader(url: tmx).read { tu in
                for variant in tu.variants { characters += variant.text.unicodeScalars.count }
            }
            return RunResult(participant: variant, seconds: clock.seconds, bytes: bytes, items: units, checksum: characters)
        default:
            throw BenchmarkError.unknownVariant(suite: name, variant: variant)
        }
    }
}
