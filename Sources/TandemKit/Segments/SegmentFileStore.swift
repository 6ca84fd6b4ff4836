import Foundation

/// Reads and writes segment files: deterministic, pretty, unescaped UTF-8 JSON that diffs well.
public enum SegmentFileStore {
    /// The segment file at `url`, or `nil` when there is none yet.
    public static func read(_ url: URL) throws -> SegmentFile? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let bytes = try TextFile.readBytes(url)
        do {
            return try JSONDecoder().decode(SegmentFile.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw TandemError.invalidValue(location(of: error, in: bytes, path: url.path), message: "not a Tandem segment file: \(error.tandemDescription)")
        }
    }

    /// The file's JSON text.
    public static func encode(_ file: SegmentFile) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(file)) + [0x0A]
    }

    /// Writes `file` atomically (now, or staged in `batch`); returns whether the bytes on disk
    /// change.
    @discardableResult
    public static func write(_ file: SegmentFile, to url: URL, batch: AtomicFileBatch? = nil) throws -> Bool {
        let bytes = try encode(file)
        if let existing = try? Data(contentsOf: url), [UInt8](existing) == bytes { return false }
        if let batch {
            try batch.write(bytes, to: url)
        } else {
            try AtomicFile.write(bytes, to: url)
        }
        return true
    }

    /// The 1-based line of segment `id` in a segment file's text (its `"id"` line), or 1.
    public static func line(ofSegment id: String, in bytes: [UInt8]) -> Int {
        let text = String(decoding: bytes, as: UTF8.self)
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where line.contains("\"id\"") && line.contains("\"\(id)\"") {
            return index + 1
        }
        return 1
    }

    /// Where a JSON syntax error is, from Foundation's "around line L, column C".
    private static func location(of error: DecodingError, in bytes: [UInt8], path: String) -> SourceLocation {
        if case .dataCorrupted(let context) = error, let underlying = context.underlyingError as NSError?,
           let detail = underlying.userInfo["NSDebugDescription"] as? String,
           let range = detail.range(of: #"line (\d+), column (\d+)"#, options: .regularExpression) {
            let numbers = detail[range].split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            if numbers.count == 2 { return SourceLocation(file: path, line: numbers[0], column: numbers[1]) }
        }
        return SourceLocation(file: path, line: 1, column: 1)
    }
}
