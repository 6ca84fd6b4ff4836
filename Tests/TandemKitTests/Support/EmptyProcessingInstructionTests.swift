import Foundation
import Testing
@testable import TandemKit

/// `TBXGlossaryFuzzer`'s crash: a processing instruction without data (`<?xmld?>`) reaches
/// FoundationXML as a null pointer, which it passes to `strlen` (SIGSEGV). The readers that
/// parse through FoundationXML (TBX, XLIFF) refuse one at its place before libxml2 completes
/// it; an instruction with data still parses. The TMX reader does not use FoundationXML.
@Suite("XML processing instructions without data")
struct EmptyProcessingInstructionTests {
    static func message(_ name: String) -> String {
        "the processing instruction '<?\(name)?>' has no data; such instructions are refused (the XML parser cannot take them)"
    }

    @Test func theFuzzersInputIsRefusedByTBXAndXLIFF() {
        let tbx = Array("<?xmld?>\r\n<!DOCTYPE w".utf8)
        #expect(throws: TandemError.invalidValue(SourceLocation(file: "g.tbx", line: 1, column: 1), message: Self.message("xmld"))) {
            try TBXGlossaryReader.read(tbx, path: "g.tbx")
        }
        let xliff = Array("<?xml version=\"1.0\"?>\n<xliff version=\"1.2\">\n  <?pi?><file/></xliff>".utf8)
        #expect(throws: TandemError.invalidValue(SourceLocation(file: "a.xlf", line: 3, column: 3), message: Self.message("pi"))) {
            try XLIFF12Reader(displayPath: "a.xlf").read(xliff)
        }
    }

    /// The TMX reader drives libxml2 itself (`LibXML2SAXParser`) and never asks for an
    /// instruction's data: a data-less one, legal XML, is read past like any other.
    @Test func tmxReadsPastADatalessInstructionWhereverItIs() throws {
        let head = "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"en\"/><body>\n"
        let unit = "<tu><tuv xml:lang=\"en\"><seg>One.</seg></tuv><tuv xml:lang=\"de\"><seg>Eins.</seg></tuv></tu>\n"
        // Past the stream's first 64 KiB chunk, and cut by a chunk boundary.
        for units in [0, 700, 733] {
            let bytes = Array((head + String(repeating: unit, count: units) + "<?later?>" + unit + "</body></tmx>").utf8)
            #expect(try TMXInvalidUTF8Tests.read(bytes) == units + 1)
        }
    }

    @Test func theInstructionsPlaceIsCountedInCharactersWhateverTheChunks() {
        // Lines of multi-byte text, `<` that start no instruction, an instruction with data,
        // then the data-less one at line 4, column 5 (characters, not bytes).
        let text = "<?xml version=\"1.0\"?>\n<tu>中文 <seg>é</seg>\r\n<<?pi data?> 𝄞 <a\n中文𝄞 <?stop?> after"
        let bytes = Array(text.utf8)
        for chunkSize in [1, 2, 3, 5, 7, 64, bytes.count] {
            var scan = EmptyProcessingInstructionScan()
            var found: EmptyProcessingInstructionScan.Finding?
            var offset = 0
            while offset < bytes.count, found == nil {
                let chunk = Array(bytes[offset..<min(offset + chunkSize, bytes.count)])
                if let hit = chunk.withUnsafeBufferPointer({ scan.feed($0) }) {
                    found = hit.finding
                    #expect(offset + hit.index == bytes.count - " after".utf8.count - 1, "the index of its `>`")
                }
                offset += chunkSize
            }
            #expect(found == EmptyProcessingInstructionScan.Finding(line: 4, column: 5, name: "stop"), "chunks of \(chunkSize)")
        }
    }

    @Test func instructionsWithDataAndTheDeclarationStillParse() throws {
        let bytes = Array("<?xml version=\"1.0\"?>\n<?pi some data?><tmx version=\"1.4\"><header srclang=\"en\"/><body><?pi ?><tu><tuv xml:lang=\"en\"><seg>One.</seg></tuv><tuv xml:lang=\"de\"><seg>Eins.</seg></tuv></tu></body></tmx>".utf8)
        #expect(try TMXInvalidUTF8Tests.read(bytes) == 1)
    }
}
