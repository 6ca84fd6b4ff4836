import Foundation

/// A prepared text file with one paragraph per line (UTF-8), the input of the text suites.
struct ParagraphFile {
    /// The whole file.
    let bytes: [UInt8]
    /// Each non-empty line's byte range in `bytes`.
    let lines: [Range<Int>]

    init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else { throw BenchmarkError.missingData(path: path) }
        bytes = [UInt8](data)
        var lines: [Range<Int>] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            if index > start { lines.append(start..<index) }
            start = index + 1
        }
        if start < bytes.count { lines.append(start..<bytes.count) }
        self.lines = lines
    }

    /// Every paragraph as a Swift `String` (made before any clock starts).
    func strings() -> [String] {
        bytes.withUnsafeBufferPointer { buffer in
            lines.map { String(decoding: UnsafeBufferPointer(rebasing: buffer[$0]), as: UTF8.self) }
        }
    }

    /// Calls `body` with each paragraph's bytes, in order (no copies); returns their total size.
    @discardableResult
    func forEachParagraph(_ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var total = 0
            for line in lines {
                total += line.count
                body(UnsafeBufferPointer(rebasing: buffer[line]))
            }
            return total
        }
    }
}
