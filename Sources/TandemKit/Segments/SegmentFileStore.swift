import Foundation

/// Reads and writes segment files: deterministic, pretty, unescaped UTF-8 JSON that diffs well.
public enum SegmentFileStore {
    /// The segment file at `url`, or `nil` when there is none yet. Errors name the file
    /// `displayPath` (its path by default).
    public static func read(_ url: URL, displayPath: String? = nil) throws -> SegmentFile? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try decode(TextFile.readBytes(url), path: displayPath ?? url.path)
    }

    /// A segment file's bytes decoded: every command reports the same bad file with the same
    /// error, at the line and column of the problem.
    public static func decode(_ bytes: [UInt8], path: String) throws -> SegmentFile {
        // A byte order mark, as an editor saving "UTF-8 with BOM" writes it (Notepad): read as
        // the white space it stands for, which keeps every later position (it was refused as an
        // invisible "unexpected character"). The next write leaves it out.
        let bytes = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? [0x20, 0x20, 0x20] + bytes.dropFirst(3) : bytes
        _ = try TextFile.decodeText(bytes, path: path)  // invalid UTF-8 or a NUL with its position, as everywhere
        // Before decoding: the decoder would drop an unknown key silently and name a wrong value
        // by its coding path only.
        if let problem = SegmentFileValidator.firstProblem(in: bytes) {
            let position = LineTable(bytes).position(of: problem.offset)
            throw TandemError.invalidSegmentFile(
                SourceLocation(file: path, line: position.line, column: position.column), message: problem.message)
        }
        do {
            let file = try JSONDecoder().decode(SegmentFile.self, from: Data(bytes))
            try file.validate(bytes: bytes, path: path)
            return file
        } catch let error as DecodingError {
            throw TandemError.invalidSegmentFile(
                location(of: error, in: bytes, path: path), message: "not a Tandem segment file: \(error.tandemDescription)")
        }
    }

    /// The file's JSON text: `JSONText`'s bytes and a final newline (`SegmentFileJSON`).
    public static func encode(_ file: SegmentFile) throws -> [UInt8] {
        SegmentFileJSON.bytes(of: file) + [0x0A]
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

    /// Where segment `id` is in a segment file's text (its target, else the segment), or 1:1.
    public static func location(ofSegment id: String, in bytes: [UInt8], path: String) -> SourceLocation {
        let position = LineTable(bytes).position(of: SegmentFilePositions(bytes).offset(ofSegment: id))
        return SourceLocation(file: path, line: position.line, column: position.column)
    }

    /// Where a decoding error is: the place JSON syntax breaks, else the segment whose value is
    /// wrong, else the start of the file.
    private static func location(of error: DecodingError, in bytes: [UInt8], path: String) -> SourceLocation {
        let context: DecodingError.Context
        switch error {
        case .dataCorrupted(let c), .keyNotFound(_, let c), .typeMismatch(_, let c), .valueNotFound(_, let c): context = c
        @unknown default: return SourceLocation(file: path, line: 1, column: 1)
        }
        // Darwin's Foundation names the line and column of a syntax error.
        let detail = (context.underlyingError as NSError?)?.userInfo["NSDebugDescription"] as? String ?? ""
        if let range = detail.range(of: #"line (\d+), column (\d+)"#, options: .regularExpression) {
            let numbers = detail[range].split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            if numbers.count == 2 { return SourceLocation(file: path, line: numbers[0], column: numbers[1]) }
        }
        var offset = 0
        if context.codingPath.isEmpty {
            offset = syntaxErrorOffset(in: bytes) ?? 0
        } else if context.codingPath.first?.stringValue == "segments", context.codingPath.count > 1,
                  let index = context.codingPath[1].intValue {
            offset = SegmentFilePositions(bytes).offset(ofSegmentAt: index)
        }
        let position = LineTable(bytes).position(of: offset)
        return SourceLocation(file: path, line: position.line, column: position.column)
    }

    /// The byte offset of a JSON syntax error, which Linux's `JSONDecoder` does not report but
    /// `JSONSerialization` does ("around character N").
    private static func syntaxErrorOffset(in bytes: [UInt8]) -> Int? {
        do {
            _ = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
            return nil
        } catch {
            guard let detail = (error as NSError).userInfo["NSDebugDescription"] as? String,
                  let range = detail.range(of: #"character \d+"#, options: .regularExpression),
                  let offset = Int(detail[range].dropFirst("character ".count))
            else { return nil }
            return min(offset, bytes.count)
        }
    }
}
