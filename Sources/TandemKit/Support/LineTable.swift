/// Line boundaries of UTF-8 text, for turning byte offsets into lines and back.
/// Recognizes LF and CRLF (and a lone CR) so CRLF files keep their positions right.
public struct LineTable: Sendable {
    /// Byte offset where each line starts; `starts[0] == 0`.
    public let starts: [Int]
    private let count: Int
    private let bytes: [UInt8]

    public init(_ utf8: [UInt8]) {
        var starts = [0]
        var index = 0
        while index < utf8.count {
            if utf8[index] == 0x0A {
                starts.append(index + 1)
            } else if utf8[index] == 0x0D {
                if index + 1 < utf8.count, utf8[index + 1] == 0x0A { index += 1 }
                starts.append(index + 1)
            }
            index += 1
        }
        self.starts = starts
        self.count = utf8.count
        self.bytes = utf8
    }

    /// The line beginning at `offset`: its content (without the line break) and its full extent.
    public func line(startingAt offset: Int) -> (content: Range<Int>, full: Range<Int>)? {
        Self.line(in: bytes, startingAt: offset)
    }

    /// The line of `utf8` beginning at `offset`, without building a table (for callers that
    /// look at a few lines of a large file).
    public static func line(in utf8: [UInt8], startingAt offset: Int) -> (content: Range<Int>, full: Range<Int>)? {
        guard offset < utf8.count else { return nil }
        var end = offset
        while end < utf8.count, utf8[end] != 0x0A, utf8[end] != 0x0D { end += 1 }
        var full = end
        if full < utf8.count, utf8[full] == 0x0D { full += 1 }
        if full < utf8.count, utf8[full] == 0x0A { full += 1 }
        return (offset..<end, offset..<full)
    }

    /// `position(of:)` of every offset, in one walk over the text: for the many positions of one
    /// file (every sentence of a 100,000-sentence line), where one call each would count the
    /// same line's scalars again and again.
    public func positions(of offsets: [Int]) -> [(line: Int, column: Int)] {
        var result = [(line: Int, column: Int)](repeating: (1, 1), count: offsets.count)
        var line = 0
        var index = 0
        var column = 1
        for order in offsets.indices.sorted(by: { offsets[$0] < offsets[$1] }) {
            let offset = offsets[order]
            while line + 1 < starts.count, starts[line + 1] <= offset {
                line += 1
                index = starts[line]
                column = 1
            }
            while index < offset && index < count {
                if bytes[index] & 0xC0 != 0x80 { column += 1 }
                index += 1
            }
            result[order] = (line + 1, column)
        }
        return result
    }

    /// 1-based line and column (in Unicode scalars) of byte `offset`.
    public func position(of offset: Int) -> (line: Int, column: Int) {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        var column = 1
        var index = starts[low]
        while index < offset && index < count {
            // Count scalars: skip UTF-8 continuation bytes.
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return (low + 1, column)
    }
}
