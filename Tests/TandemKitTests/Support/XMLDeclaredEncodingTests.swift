import Foundation
import Testing
@testable import TandemKit

/// `TMXFuzzer`'s crash: a declaration naming UTF-7 made libxml2 convert the file as UTF-7 and
/// crash (SEGV) in its conversion. Every XML reader refuses a declared encoding other than
/// UTF-8 (UTF-16 files are transcoded first and their declaration made to say UTF-8).
@Suite("XML declaring another encoding")
struct XMLDeclaredEncodingTests {
    static let message = "the XML declaration names the encoding 'UTF-7'; XML is read in UTF-8 or UTF-16 only"

    @Test func tmxDeclaringUTF7IsRefused() {
        let bytes = Array("<?xml version=\"1.0\" encoding=\"UTF-7\"?>\n<tmx version=\"1.4\"><header srclang=\"en\"/><body/></tmx>".utf8)
        #expect(throws: TandemError.invalidValue(SourceLocation(file: "m.tmx", line: 1, column: 31), message: Self.message)) {
            try TMXInvalidUTF8Tests.read(bytes)
        }
    }

    @Test func tbxAndXLIFFDeclaringUTF7AreRefused() {
        let tbx = Array("<?xml version=\"1.0\" encoding=\"UTF-7\"?>\n<tbx/>".utf8)
        #expect(throws: TandemError.invalidValue(SourceLocation(file: "g.tbx", line: 1, column: 31), message: Self.message)) {
            try TBXGlossaryReader.read(tbx, path: "g.tbx")
        }
        let xliff = Array("<?xml version=\"1.0\" encoding=\"UTF-7\"?>\n<xliff version=\"1.2\"/>".utf8)
        #expect(throws: TandemError.invalidValue(SourceLocation(file: "a.xlf", line: 1, column: 31), message: Self.message)) {
            try XLIFF12Reader(displayPath: "a.xlf").read(xliff)
        }
    }
}
