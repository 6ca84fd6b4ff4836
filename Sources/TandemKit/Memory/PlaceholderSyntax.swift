/// Tandem's inline-code placeholders in segment text: `{1}` opens a pair, `{/1}` closes it,
/// `{2/}` stands alone. Anything else in braces is plain text. (`PlaceholderText` expands them
/// into a document's bytes; this cuts text into runs and codes, as TMX and fuzzy matching need.)
public enum PlaceholderSyntax {
    /// One piece of a text: plain characters or a placeholder.
    public enum Piece: Equatable, Sendable {
        case text(String)
        case open(Int)
        case close(Int)
        case standalone(Int)
    }

    /// The offset just past the placeholder starting at `start` (which holds `{`) in UTF-8
    /// `bytes`, or nil. Placeholders are ASCII, so bytes are enough.
    static func end(of bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start + 1
        var slashFirst = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "/") {
            slashFirst = true
            index += 1
        }
        let digitsStart = index
        while index < bytes.count, index - digitsStart < 4,
              (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        guard index > digitsStart, index < bytes.count else { return nil }
        if !slashFirst, bytes[index] == UInt8(ascii: "/") { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "}") else { return nil }
        return index + 1
    }

    /// `text` cut into plain runs and placeholders.
    public static func pieces(of text: String) -> [Piece] {
        var text = text
        return text.withUTF8 { bytes in
            var pieces: [Piece] = []
            var runStart = 0
            var index = 0
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "{"), let end = end(of: bytes, from: index) else {
                    index += 1
                    continue
                }
                if runStart < index { pieces.append(.text(String(decoding: bytes[runStart..<index], as: UTF8.self))) }
                let inner = String(decoding: bytes[(index + 1)..<(end - 1)], as: UTF8.self)
                if inner.hasPrefix("/") {
                    pieces.append(.close(Int(inner.dropFirst())!))
                } else if inner.hasSuffix("/") {
                    pieces.append(.standalone(Int(inner.dropLast())!))
                } else {
                    pieces.append(.open(Int(inner)!))
                }
                index = end
                runStart = end
            }
            if runStart < bytes.count { pieces.append(.text(String(decoding: bytes[runStart...], as: UTF8.self))) }
            return pieces
        }
    }
}
