/// Turns the bytes a terminal sends into keys: UTF-8 characters, control keys and the escape
/// sequences of arrows, Home, End and Delete (both the `ESC [` and `ESC O` forms xterm, tmux
/// and the Linux console send).
enum KeyDecoder {
    /// The key at the start of `bytes` and how many bytes it took; nil when `bytes` is the
    /// start of a key whose rest has not arrived. A lone ESC is only known to be Escape once no
    /// more bytes follow (`flushing`).
    static func decode(_ bytes: ArraySlice<UInt8>, flushing: Bool = false) -> (key: Key, length: Int)? {
        guard let first = bytes.first else { return nil }
        let start = bytes.startIndex
        switch first {
        case 0x1B:
            return escapeSequence(bytes, flushing: flushing)
        case 0x0D, 0x0A: return (.enter, 1)
        case 0x7F, 0x08: return (.backspace, 1)
        case 0x09: return (.tab, 1)
        case 0x01...0x1A: return (.control(Character(Unicode.Scalar(first + 0x60))), 1)
        case 0x00...0x1F: return (.control("?"), 1)
        default:
            let length = first < 0xC0 ? 1 : first < 0xE0 ? 2 : first < 0xF0 ? 3 : 4
            guard bytes.count >= length else { return flushing ? (.character("\u{FFFD}"), bytes.count) : nil }
            let text = String(decoding: bytes[start..<start + length], as: UTF8.self)
            return (.character(text.first ?? "\u{FFFD}"), length)
        }
    }

    private static func escapeSequence(_ bytes: ArraySlice<UInt8>, flushing: Bool) -> (key: Key, length: Int)? {
        let start = bytes.startIndex
        guard bytes.count >= 2 else { return flushing ? (.escape, 1) : nil }
        let introducer = bytes[start + 1]
        guard introducer == UInt8(ascii: "[") || introducer == UInt8(ascii: "O") else { return (.escape, 1) }
        // Parameters (digits, ';') then one final byte.
        var index = start + 2
        while index < bytes.endIndex, (0x30...0x3F).contains(bytes[index]) { index += 1 }
        guard index < bytes.endIndex else { return flushing ? (.escape, 1) : nil }
        let parameters = String(decoding: bytes[(start + 2)..<index], as: UTF8.self)
        let length = index - start + 1
        switch bytes[index] {
        case UInt8(ascii: "A"): return (.up, length)
        case UInt8(ascii: "B"): return (.down, length)
        case UInt8(ascii: "C"): return (.right, length)
        case UInt8(ascii: "D"): return (.left, length)
        case UInt8(ascii: "H"): return (.home, length)
        case UInt8(ascii: "F"): return (.end, length)
        case UInt8(ascii: "~"):
            switch parameters.split(separator: ";").first {
            case "1", "7": return (.home, length)
            case "4", "8": return (.end, length)
            case "3": return (.delete, length)
            default: return (.escape, length)
            }
        default: return (.escape, length)
        }
    }
}
