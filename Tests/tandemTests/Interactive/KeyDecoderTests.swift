import Testing
@testable import tandem

/// What a terminal sends, decoded into keys (bytes as xterm, tmux and the Linux console send them).
@Suite("Key decoding")
struct KeyDecoderTests {
    static func keys(_ bytes: [UInt8]) -> [Key] {
        var rest = bytes[...]
        var keys: [Key] = []
        while !rest.isEmpty, let (key, length) = KeyDecoder.decode(rest, flushing: true) {
            keys.append(key)
            rest = rest.dropFirst(length)
        }
        return keys
    }

    @Test func escapeSequencesOfBothFormsAreCursorKeys() {
        #expect(Self.keys(Array("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D".utf8)) == [.up, .down, .right, .left])
        #expect(Self.keys(Array("\u{1B}OH\u{1B}OF\u{1B}[1~\u{1B}[4~\u{1B}[3~".utf8)) == [.home, .end, .home, .end, .delete])
    }

    @Test func utf8CharactersArriveWholeEvenWhenSplit() {
        let bytes = Array("杭州".utf8)
        #expect(KeyDecoder.decode(bytes[0..<2]) == nil)
        #expect(KeyDecoder.decode(bytes[0..<3])?.key == .character("杭"))
        #expect(Self.keys(bytes) == [.character("杭"), .character("州")])
    }

    @Test func controlKeysAndALoneEscape() {
        #expect(Self.keys([0x14, 0x15, 0x0D, 0x7F, 0x09]) == [.control("t"), .control("u"), .enter, .backspace, .tab])
        // A lone ESC waits for what may follow; once nothing does, it is Escape.
        #expect(KeyDecoder.decode([0x1B][...]) == nil)
        #expect(KeyDecoder.decode([0x1B][...], flushing: true)?.key == .escape)
    }
}
