import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// The input `TBXGlossaryFuzzer` found, in TMX: bytes that are not UTF-8 in an element name
/// trapped FoundationXML. The reader streams, so the check rides along with the one read of the
/// file (`TMXByteStream`), chunk by chunk, and a sequence cut by a chunk's end is checked whole.
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

    /// A sequence the chunk boundary cuts and the next chunk does not complete: its lead byte is
    /// the last of the first chunk, and it is reported there.
    @Test func sequenceCutByTheChunkBoundaryAndNotCompletedIsRefusedAtItsLead() {
        let head = Array("<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"zh-CN\"/><body><!--".utf8)
        let filler = [UInt8](repeating: UInt8(ascii: "x"), count: (1 << 16) - 1 - head.count)
        let bytes = head + filler + [0xE4, UInt8(ascii: "A")] + Array("--></body></tmx>".utf8)
        #expect(throws: TandemError.invalidUTF8(SourceLocation(file: "m.tmx", line: 2, column: (1 << 16) - 22), byteOffset: (1 << 16) - 1)) {
            try Self.read(bytes)
        }
    }

    /// The file's last bytes begin a sequence that never ends: refused, not dropped.
    @Test func sequenceCutByTheEndOfTheFileIsRefused() {
        let bytes = Array("<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"/>\n".utf8) + [0xE4, 0xB8]
        #expect(throws: TandemError.invalidUTF8(SourceLocation(file: "m.tmx", line: 3, column: 1), byteOffset: 43)) {
            try Self.read(bytes)
        }
    }

    /// Units before the bad byte are read (the reader streams); the file is still refused, at the byte.
    @Test func badByteAfterUnitsStopsTheReadingThere() throws {
        var text = "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"zh-CN\"/><body>\n"
        for n in 0..<3000 { text += "<tu><tuv xml:lang=\"zh-CN\"><seg>句子\(n)</seg></tuv><tuv xml:lang=\"en\"><seg>Sentence \(n)</seg></tuv></tu>\n" }
        var bytes = Array(text.utf8)
        let offset = bytes.count + 5
        bytes += Array("<tu><".utf8) + [0xFF] + Array("/tu></body></tmx>\n".utf8)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.url.appendingPathComponent("m.tmx")
        try Data(bytes).write(to: url)
        var units = 0
        #expect(throws: TandemError.invalidUTF8(SourceLocation(file: "m.tmx", line: 3003, column: 6), byteOffset: offset)) {
            try TMXReader(url: url, displayPath: "m.tmx").read { _ in units += 1 }
        }
        #expect(units > 0 && units <= 3000)
    }
}
