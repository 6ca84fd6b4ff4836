import Foundation

/// Checks that bytes read chunk by chunk are UTF-8, as a streaming reader reads them: the check
/// rides along with the one read of the file (a TMX can be gigabytes) instead of a pass of its
/// own before it, and a sequence cut by a chunk's end is checked with the next chunk.
///
/// What counts as UTF-8 is what Swift's `UTF8` decoder accepts (`TextFile.decodeUTF8`): no
/// overlong forms, no surrogates, nothing past U+10FFFF. A bad sequence is reported at its
/// first byte.
enum UTF8ChunkCheck {
    /// What a chunk holds.
    enum Verdict: Equatable {
        /// Whole sequences only.
        case valid
        /// Whole sequences up to `at`; from there to the end, the start of a sequence the next
        /// chunk may complete.
        case incomplete(at: Int)
        /// The sequence starting at `at` is not UTF-8.
        case invalid(at: Int)
    }

    /// The verdict on `bytes`; when `final` (no chunk follows), a cut sequence is invalid.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, final: Bool) -> Verdict {
        guard let base = bytes.baseAddress else { return .valid }
        let count = bytes.count
        var index = 0
        while index < count {
            // ASCII eight bytes at a time: most of a TMX file is markup.
            while index + 8 <= count,
                  UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
            }
            guard index < count else { break }
            let lead = base[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            // The length of the sequence and the range its second byte must fall in.
            let length: Int
            var secondLow: UInt8 = 0x80
            var secondHigh: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; secondLow = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; secondHigh = 0x9F
            case 0xF0: length = 4; secondLow = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; secondHigh = 0x8F
            default: return .invalid(at: index)
            }
            for offset in 1..<length {
                guard index + offset < count else { return final ? .invalid(at: index) : .incomplete(at: index) }
                let byte = base[index + offset]
                let (low, high) = offset == 1 ? (secondLow, secondHigh) : (0x80, 0xBF)
                guard byte >= low, byte <= high else { return .invalid(at: index) }
            }
            index += length
        }
        return .valid
    }

    /// Where byte `offset` of the file at `url` is (line, and column in characters as
    /// `SourceLocation(file:text:utf8Offset:)` counts them), read again only when a bad byte
    /// was found: every byte before it is UTF-8.
    static func location(ofByte offset: Int, inFileAt url: URL, displayPath: String) -> SourceLocation {
        var line = 1
        var column = 1
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            return SourceLocation(file: displayPath, line: line, column: column)
        }
        defer { try? handle.close() }
        var remaining = offset
        while remaining > 0, let data = try? handle.read(upToCount: min(remaining, 1 << 16)), !data.isEmpty {
            remaining -= data.count
            for byte in data {
                if byte == 0x0A {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80, byte != 0x0D {
                    column += 1
                }
            }
        }
        return SourceLocation(file: displayPath, line: line, column: column)
    }
}
