import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// The input `TBXGlossaryFuzzer` found, in TMX: bytes that are not UTF-8 in an element name
/// trapped FoundationXML. The reader streams, so the check reads the file chunk by chunk.
@Suite("TMX with bytes that are not UTF-8")
struct TMXInvalidUTF8Tests {
    static func read(_ bytes: [UInt8]) throws -> Int {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.url.appendingPathComponent("m.tmx")
        try Data(bytes).write(to: url)
        return try TMXReader(url: url, displayPath: "m.tmx").read { _ in }
    }

    @Test func overlongSequenceInAnElementNameIsRefusedAtItsOffset() {
        let bytes = Array("<?xml version=\"1.0\"?>\n<tmx".utf8) + [0xE0, 0x8B, 0x86] + Array(" version=\"1.4\"/>".utf8)
        #expect(throws: TandemError.invalidUTF8(SourceLocation(file: "m.tmx", line: 2, column: 5), byteOffset: 26)) {
            try Self.read(bytes)
        }
    }

    /// Past the first 64 KiB chunk, and with a valid sequence cut by the chunk boundary before
    /// it: the line and offset count every chunk.
    @Test func badByteInALaterChunkIsFoundPastACutSequence() throws {
        let head = Array("<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"zh-CN\"/><body> \n".utf8)
        // 74 bytes of head and lines of 13: the chunk boundary at 65,536 falls inside a "中".
        let filler = Array(repeating: Array("<!-- 中 -->\n".utf8), count: 5100).joined()
        var bytes = head + filler
        let offset = bytes.count
        bytes += [0xC0, 0x80] + Array("</body></tmx>".utf8)
        #expect(offset > 1 << 16)
        #expect(throws: TandemError.invalidUTF8(SourceLocation(file: "m.tmx", line: 5103, column: 1), byteOffset: offset)) {
            try Self.read(bytes)
        }
        // The same file without the bad bytes reads.
        #expect(try Self.read(head + filler + Array("</body></tmx>".utf8)) == 0)
    }
}
