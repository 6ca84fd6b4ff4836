/// Appends numbers and strings to a byte array compactly, for files Tandem writes and reads
/// back itself (`BinaryRecordReader`): unsigned numbers as LEB128 varints (one byte below 128),
/// signed ones zigzagged first, strings as their UTF-8 length and bytes.
struct BinaryRecordWriter {
    private(set) var bytes: [UInt8] = []

    init() {}

    /// A writer whose array holds `capacity` bytes before it grows.
    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func append(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    mutating func append(_ value: Int) { append(Int64(value)) }

    /// A count or length (never negative), read back by `BinaryRecordReader.count()`.
    mutating func append(count: Int) {
        precondition(count >= 0)
        append(UInt64(count))
    }

    /// Zigzag: small negative numbers stay short too.
    mutating func append(_ value: Int64) {
        append(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    mutating func append(_ value: Bool) { bytes.append(value ? 1 : 0) }

    /// Eight bytes, little-endian: for hashes, which are as long as they are whatever their value.
    mutating func appendFixed(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            append(count: utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    /// `text`, or its absence (told apart from the empty string).
    mutating func append(_ text: String?) {
        append(text != nil)
        if let text { append(text) }
    }

    /// Bytes as they are (a part written before, such as `ExtractState.AskingKeys`).
    mutating func append(raw: some Collection<UInt8>) {
        bytes.append(contentsOf: raw)
    }
}
