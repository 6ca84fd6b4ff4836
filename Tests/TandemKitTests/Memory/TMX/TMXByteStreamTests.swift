import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// The stream's search for bytes that need escaping, eight bytes at a time, against the plain
/// definition: a control character XML 1.0 forbids (not tab, line feed or carriage return), or
/// `&#`.
@Suite("TMX byte stream")
struct TMXByteStreamTests {
    static func byteByByte(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x26, index + 1 < bytes.count, bytes[index + 1] == 0x23 { return index }
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D { return index }
            index += 1
        }
        return nil
    }

    @Test func theWordAtATimeSearchFindsWhatAByteLoopFinds() {
        var random = SeededRandom(seed: 13)
        // Mostly text and markup, with a rare control byte, `&`, `#` and multi-byte UTF-8.
        let alphabet: [UInt8] = Array("<tu>seg 中文 &amp; x".utf8) + [0x0A, 0x09, 0x0D, 0x23, 0x26, 0x07, 0x1B, 0x00, 0x1F, 0x20, 0x7F, 0xC3, 0xA9]
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 200] {
            for _ in 0..<200 {
                let bytes = (0..<length).map { _ in
                    Int.random(in: 0..<10, using: &random) < 8 ? UInt8(ascii: "a") : alphabet[Int.random(in: 0..<alphabet.count, using: &random)]
                }
                for start in Set([0, length / 2, max(length - 1, 0)]) {
                    let found = bytes.withUnsafeBufferPointer { TMXByteStream.nextCandidate(in: $0, from: start) }
                    #expect(found == Self.byteByByte(bytes, from: start), "\(bytes) from \(start)")
                }
            }
        }
    }
}
