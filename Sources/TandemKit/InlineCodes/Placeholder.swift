/// The one grammar of Tandem's inline-code placeholders in segment text: `{1}` opens a pair,
/// `{/1}` closes it, `{2/}` stands alone. The number is 0…9999 written without a leading zero
/// (Tandem numbers from 1; OmegaT's and Okapi's memories from 0); anything else in braces
/// (`{01}`, `{12345}`, `{1/1}`, `{/1/}`, `{x}`, full-width `｛1｝`) is text.
///
/// Every reader of segment text (extraction's lookalike guard, build, lint, pseudo, glossary
/// matching, the memory's symbolizer and TMX) parses placeholders here, so they cannot disagree
/// on what is a code and what is a translator's text.
public enum Placeholder: Hashable, Sendable, Comparable, CustomStringConvertible {
    case open(Int)
    case close(Int)
    case standalone(Int)

    /// The most digits a placeholder number has.
    public static let maximumDigits = 4
    /// The numbers a placeholder can carry.
    public static let numbers = 0...9999

    /// The number shared by the two ends of a pair (and unique in a segment otherwise).
    public var number: Int {
        switch self {
        case .open(let n), .close(let n), .standalone(let n): return n
        }
    }

    /// How it appears in text: `{1}`, `{/1}`, `{1/}`.
    public var token: String { "{\(key)}" }

    /// The key of a segment file's `codes` table: `1`, `/1`, `1/`.
    public var key: String {
        switch self {
        case .open(let n): return "\(n)"
        case .close(let n): return "/\(n)"
        case .standalone(let n): return "\(n)/"
        }
    }

    public var description: String { token }

    /// The other end of a pair (nil for a standalone code).
    public var partner: Placeholder? {
        switch self {
        case .open(let n): return .close(n)
        case .close(let n): return .open(n)
        case .standalone: return nil
        }
    }

    /// The placeholder whose `codes` key is `key` (`1`, `/1`, `1/`), or nil.
    public init?(key: some StringProtocol) {
        var bytes = Array(key.utf8)
        bytes.insert(UInt8(ascii: "{"), at: 0)
        bytes.append(UInt8(ascii: "}"))
        guard let parsed = bytes.withUnsafeBufferPointer({ Self.parse($0, at: 0) }), parsed.end == bytes.count else { return nil }
        self = parsed.placeholder
    }

    /// The placeholder starting at `start` (which should hold `{`) in UTF-8 `bytes`, and the
    /// offset just past it; nil when the bytes there are not a placeholder. Placeholders are
    /// ASCII, so bytes are enough, and a lookalike made of other characters never matches.
    @inline(__always)
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (placeholder: Placeholder, end: Int)? {
        let count = bytes.count
        guard start < count, bytes[start] == UInt8(ascii: "{") else { return nil }
        var index = start + 1
        var closing = false
        if index < count, bytes[index] == UInt8(ascii: "/") {
            closing = true
            index += 1
        }
        let digitsStart = index
        var number = 0
        while index < count, index - digitsStart < maximumDigits, bytes[index] &- UInt8(ascii: "0") < 10 {
            number = number * 10 + Int(bytes[index] &- UInt8(ascii: "0"))
            index += 1
        }
        // 1…4 digits, no leading zero.
        guard index > digitsStart, index < count, bytes[digitsStart] != UInt8(ascii: "0") || index == digitsStart + 1 else { return nil }
        if bytes[index] == UInt8(ascii: "}") { return (closing ? .close(number) : .open(number), index + 1) }
        if !closing, bytes[index] == UInt8(ascii: "/"), index + 1 < count, bytes[index + 1] == UInt8(ascii: "}") {
            return (.standalone(number), index + 2)
        }
        return nil
    }

    /// Calls `body` with every placeholder in `bytes` and its byte range, in order.
    @inline(__always)
    public static func forEach(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Placeholder, Range<Int>) -> Void) {
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "{"), let (placeholder, end) = parse(bytes, at: index) {
                body(placeholder, index..<end)
                index = end
            } else {
                index += 1
            }
        }
    }

    /// Byte ranges of every placeholder in `bytes[range]`: in a document's own text these are
    /// lookalikes, which extraction turns into codes so they stay text.
    public static func ranges(in bytes: [UInt8], range: Range<Int>) -> [Range<Int>] {
        bytes.withUnsafeBufferPointer { buffer in
            var found: [Range<Int>] = []
            forEach(in: UnsafeBufferPointer(rebasing: buffer[range])) { _, span in
                found.append((span.lowerBound + range.lowerBound)..<(span.upperBound + range.lowerBound))
            }
            return found
        }
    }

    /// Order in a `codes` table: by number, then open, close, standalone.
    public static func < (lhs: Placeholder, rhs: Placeholder) -> Bool {
        (lhs.number, lhs.rank) < (rhs.number, rhs.rank)
    }

    private var rank: Int {
        switch self {
        case .open: return 0
        case .close: return 1
        case .standalone: return 2
        }
    }
}
