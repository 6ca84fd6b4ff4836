import Foundation
import Testing
@testable import TandemKit

/// The input `TBXGlossaryFuzzer` found, in XLIFF: bytes that are not UTF-8 in an element name
/// trapped FoundationXML; both readers refuse them at their offset before libxml2 parses.
@Suite("XLIFF with bytes that are not UTF-8")
struct XLIFFInvalidUTF8Tests {
    static let document = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff".utf8) + [0xE0, 0x8B, 0x86] + Array(" version=\"1.2\"/>".utf8)
    static let refusal = TandemError.invalidUTF8(SourceLocation(file: "a.xlf", line: 2, column: 7), byteOffset: 45)

    @Test func xliff12RefusesAnOverlongSequenceInAnElementName() {
        #expect(throws: Self.refusal) { try XLIFF12Reader(displayPath: "a.xlf").read(Self.document) }
        #expect(throws: Self.refusal) { try XLIFF12Reader(displayPath: "a.xlf", reading: .memorySource).read(Self.document) }
    }

    @Test func xliff21RefusesAnOverlongSequenceInAnElementName() {
        #expect(throws: Self.refusal) { try XLIFF21Reader(displayPath: "a.xlf").read(Self.document) }
    }
}
