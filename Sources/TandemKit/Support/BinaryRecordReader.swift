/// Reads what `BinaryRecordWriter` wrote, in the same order. Every read checks the bounds and
/// the encoding: a short or damaged file throws `BinaryRecordReader.Damaged` rather than
/// yielding made-up values, so the caller can treat the file as missing.
struct BinaryRecordReader {
    /// The file ended early, or a number or string is not as written.
    struct Damaged: Error {}

    let bytes: ArraySlice<UInt8>
    private(set) var position: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        position = bytes.startIndex
    }

    var isAtEnd: Bool { position == bytes.endIndex }

    mutating func unsigned() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.endIndex, shift < 64 else { throw Damaged() }
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    mutating func signed() throws -> Int64 {
        let value = try unsigned()
        return Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
    }

    mutating func int() throws -> Int {
        let value = try signed()
        guard let int = Int(exactly: value) else { throw Damaged() }
        return int
    }

    /// A count of things that follow, each at least one byte long: a count larger than what is
    /// left is damage (and would otherwise reserve memory for nothing).
    mutating func count() throws -> Int {
        let value = try unsigned()
        guard value <= UInt64(bytes.endIndex - position) else { throw Damaged() }
        return Int(value)
    }

    mutating func bool() throws -> Bool {
        guard position < bytes.endIndex, bytes[position] <= 1 else { throw Damaged() }
        defer { position += 1 }
        return bytes[position] == 1
    }

    mutating func fixed() throws -> UInt64 {
        guard bytes.endIndex - position >= 8 else { throw Damaged() }
        var value: UInt64 = 0
        for offset in 0..<8 { value |= UInt64(bytes[position + offset]) << (8 * UInt64(offset)) }
        position += 8
        return value
    }

    mutating func string() throws -> String {
        let length = try count()
        let utf8 = bytes[position..<position + length]
        position += length
        guard let text = String(validating: utf8, as: UTF8.self) else { throw Damaged() }
        return text
    }

    mutating func optionalString() throws -> String? {
        try bool() ? try string() : nil
    }

    /// The next `length` bytes as they are.
    mutating func raw(_ length: Int) throws -> ArraySlice<UInt8> {
        guard length >= 0, bytes.endIndex - position >= length else { throw Damaged() }
        defer { position += length }
        return bytes[position..<position + length]
    }
}
