/// UTF-16 bytes to UTF-8, chunk by chunk: a code unit or a surrogate pair cut by a chunk
/// boundary waits for the next chunk. Unpaired surrogates become U+FFFD (they cannot be XML
/// characters, and libxml2 would stop at them with a less useful message).
public struct UTF16Transcoder: Sendable {
    public let bigEndian: Bool
    private var carry: [UInt8] = []
    private var highSurrogate: UInt16?

    public init(bigEndian: Bool) {
        self.bigEndian = bigEndian
    }

    /// The UTF-8 of `bytes` after what came before; `final` flushes what waits at the end.
    public mutating func transcode(_ bytes: some Collection<UInt8>, final: Bool) -> [UInt8] {
        var input = carry
        input.append(contentsOf: bytes)
        carry = []
        var output: [UInt8] = []
        output.reserveCapacity(input.count + input.count / 2)
        var index = 0
        while index + 1 < input.count {
            let unit = bigEndian
                ? UInt16(input[index]) << 8 | UInt16(input[index + 1])
                : UInt16(input[index + 1]) << 8 | UInt16(input[index])
            index += 2
            if let high = highSurrogate {
                highSurrogate = nil
                if (0xDC00...0xDFFF).contains(unit) {
                    let value = 0x10000 + (UInt32(high - 0xD800) << 10) + UInt32(unit - 0xDC00)
                    Self.append(value, to: &output)
                    continue
                }
                Self.append(0xFFFD, to: &output)
            }
            switch unit {
            case 0xD800...0xDBFF: highSurrogate = unit
            case 0xDC00...0xDFFF: Self.append(0xFFFD, to: &output)
            default: Self.append(UInt32(unit), to: &output)
            }
        }
        if index < input.count { carry = [input[index]] }
        if final {
            if highSurrogate != nil || !carry.isEmpty { Self.append(0xFFFD, to: &output) }
            highSurrogate = nil
            carry = []
        }
        return output
    }

    private static func append(_ value: UInt32, to output: inout [UInt8]) {
        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
        output.append(contentsOf: UTF8.encode(scalar)!)
    }
}
