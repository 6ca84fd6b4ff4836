import Foundation

/// Reading text files strictly: bytes are validated as UTF-8, never repaired.
public enum TextFile {
    /// Posts larger than this are refused before they are read: no real post comes near it.
    public static let postSizeLimit = 16 * 1024 * 1024

    /// The bytes of `file`; a file larger than `limit` is refused without reading it.
    public static func readBytes(_ file: URL, limit: Int? = nil) throws -> [UInt8] {
        if let limit, let size = (try? FileManager.default.attributesOfItem(atPath: file.path))?[.size] as? Int, size > limit {
            throw TandemError.invalidValue(SourceLocation(file: file.path, line: 1, column: 1), message: "file is \(size) bytes; at most \(limit) are accepted")
        }
        do {
            return [UInt8](try Data(contentsOf: file))
        } catch {
            throw TandemError.unreadable(path: file.path, reason: (error as NSError).localizedFailureReason ?? "\(error.localizedDescription)")
        }
    }

    /// The text of `file`; invalid UTF-8 is an error naming the first bad byte.
    public static func readUTF8(_ file: URL) throws -> String {
        try decodeUTF8(readBytes(file), path: file.path)
    }

    /// Glossaries, returned PO files and other text Tandem reads whole: as large as a post
    /// at most (the largest real term bases are a few megabytes).
    public static let textSizeLimit = postSizeLimit

    /// Decodes a text file Tandem reads: UTF-8 (`decodeUTF8`) without a NUL byte, which no
    /// text format here allows and which would travel into segment files and posts.
    public static func decodeText(_ bytes: [UInt8], path: String) throws -> String {
        try refuseNUL(bytes, path: path)
        return try decodeUTF8(bytes, path: path)
    }

    /// Throws at the first NUL byte of `bytes`, with its line, column and offset.
    public static func refuseNUL(_ bytes: [UInt8], path: String) throws {
        guard let nul = bytes.firstIndex(of: 0) else { return }
        // A UTF-16 file (a Windows editor's "Unicode") is full of NULs: name the real problem.
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw TandemError.invalidValue(
                SourceLocation(file: path, line: 1, column: 1),
                message: "the file is UTF-16 (it starts with a UTF-16 byte order mark); expected UTF-8 — save it as UTF-8")
        }
        let prefix = String(decoding: bytes[..<nul], as: UTF8.self)
        throw TandemError.invalidValue(
            SourceLocation(file: path, text: prefix, utf8Offset: nul),
            message: "NUL byte at offset \(nul); expected a text file")
    }

    /// Decodes `bytes` as UTF-8, throwing `TandemError.invalidUTF8` with the first bad byte's
    /// line, column and offset. A BOM is kept as U+FEFF so a round trip reproduces it.
    public static func decodeUTF8(_ bytes: [UInt8], path: String) throws -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        let offset = firstInvalidUTF8Offset(bytes) ?? 0
        let prefix = String(decoding: bytes[..<offset], as: UTF8.self)
        let location = SourceLocation(file: path, text: prefix, utf8Offset: offset)
        throw TandemError.invalidUTF8(location, byteOffset: offset)
    }

    /// The offset of the first byte that does not begin a valid UTF-8 sequence.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
