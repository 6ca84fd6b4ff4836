/// One side of a `noBreakInside` pair, ready for a fast comparison: its first (up to) four bytes
/// packed into an integer, so one load of the text tells whether it can match.
struct BracketMarker: Sendable {
    /// The whole marker, as UTF-8.
    let bytes: [UInt8]
    /// `bytes.count`, kept apart so the hot loop never touches the array.
    let length: Int
    /// Index of the pair in `SentenceRules.noBreakInside` (after invalid pairs are dropped).
    let pair: Int
    /// Whether this is the closing side.
    let isClose: Bool
    private let prefix: UInt32
    private let prefixMask: UInt32

    init(_ bytes: [UInt8], pair: Int, isClose: Bool) {
        self.bytes = bytes
        length = bytes.count
        self.pair = pair
        self.isClose = isClose
        let head = bytes.prefix(4)
        var prefix: UInt32 = 0
        for (offset, byte) in head.enumerated() { prefix |= UInt32(byte) << UInt32(24 - 8 * offset) }
        self.prefix = prefix
        prefixMask = UInt32.max << UInt32(32 - 8 * head.count)
    }

    /// The four bytes at `index` (zero past the end), big-endian, for `matches(window:…)`.
    @inline(__always)
    static func window(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        if index + 4 <= bytes.count {
            return UInt32(bytes[index]) << 24 | UInt32(bytes[index + 1]) << 16
                | UInt32(bytes[index + 2]) << 8 | UInt32(bytes[index + 3])
        }
        var window: UInt32 = 0
        var offset = 0
        while offset < 4 && index + offset < bytes.count {
            window |= UInt32(bytes[index + offset]) << UInt32(24 - 8 * offset)
            offset += 1
        }
        return window
    }

    /// Whether the marker starts at `index`, whose `window` is given.
    @inline(__always)
    func matches(window: UInt32, at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard window & prefixMask == prefix else { return false }
        if length <= 4 { return index + length <= bytes.count }
        return SentenceBreakPatterns.matches(self.bytes, at: index, in: bytes)
    }
}
