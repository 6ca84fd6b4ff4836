import Foundation
import Testing
@testable import TandemKit

/// Bytes that are not UTF-8 in a TBX file are refused at their offset before libxml2 parses it.
@Suite("TBX with bytes that are not UTF-8")
struct TBXInvalidUTF8Tests {
    /// `TBXGlossaryFuzzer`'s first crash, minimised: an overlong sequence (E0 8B 86) in an
    /// element name passed libxml2, and FoundationXML trapped making the name a String.
    @Test func overlongSequenceInAnElementNameIsRefusedAtItsOffset() {
        let bytes = Array("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<tbx".utf8) + [0xE0, 0x8B, 0x86] + Array("/>".utf8)
        #expect(throws: TandemError.invalidUTF8(SourceLocation(file: "g.tbx", line: 2, column: 5), byteOffset: 43)) {
            try TBXGlossaryReader.read(bytes, path: "g.tbx")
        }
    }

    /// `TBXGlossaryFuzzer`'s second crash, minimised: a malformed declaration naming another
    /// encoding, which libxml2 ignores, reading the bad bytes of an element name as UTF-8; the
    /// encoding it names is refused first.
    @Test func aDeclarationNamingAnotherEncodingIsNoWayAround() {
        let bytes = Array("<?xml versionz\"1.0\" encoding=\"UTF-7\"?>\n<tbx><f".utf8) + [0xD2] + Array("ile/></tbx>".utf8)
        let message = "the XML declaration names the encoding 'UTF-7'; XML is read in UTF-8 or UTF-16 only"
        #expect(throws: TandemError.invalidValue(SourceLocation(file: "g.tbx", line: 1, column: 31), message: message)) {
            try TBXGlossaryReader.read(bytes, path: "g.tbx")
        }
    }

    /// Latin-1 is refused like any text that is not UTF-8 (as a PO file's is), by its
    /// declaration: libxml2 could convert it, but a malformed declaration would send the same
    /// bytes through as UTF-8.
    @Test func aLatin1FileIsRefusedAtItsFirstLatin1Byte() {
        let text = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<tbx><term>caf\u{E9}</term></tbx>"
        let bytes = text.unicodeScalars.map { UInt8($0.value) }
        let message = "the XML declaration names the encoding 'ISO-8859-1'; XML is read in UTF-8 or UTF-16 only"
        #expect(throws: TandemError.invalidValue(SourceLocation(file: "g.tbx", line: 1, column: 31), message: message)) {
            try TBXGlossaryReader.read(bytes, path: "g.tbx")
        }
    }
}
