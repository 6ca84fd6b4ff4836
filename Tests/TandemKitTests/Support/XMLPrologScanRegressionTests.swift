import Testing
@testable import TandemKit

/// Issue 14, item 4: quotes the scan took for a literal hid `<!ENTITY` from it.
@Suite("XML prolog scan: bypasses")
struct XMLPrologScanRegressionTests {
    static func verdict(_ text: String) -> XMLPrologScan.Verdict? {
        var scan = XMLPrologScan()
        Array(text.utf8).withUnsafeBufferPointer { scan.feed($0) }
        return scan.verdict
    }

    @Test func aProcessingInstructionHoldingAQuoteInTheSubsetHidesNoEntity() {
        let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [\n<?pi ' ?>\n<!ENTITY x SYSTEM \"file:///etc/hostname\">\n<?pi ' ?>\n]>\n<tmx/>"
        #expect(Self.verdict(text) == .entityDeclaration(line: 4, column: 1))
    }

    @Test func aStrayQuoteInTheSubsetHidesNoEntity() {
        #expect(Self.verdict("<!DOCTYPE tmx [ ' <!ENTITY x \"y\"> ' ]><tmx/>") == .entityDeclaration(line: 1, column: 19))
    }

    @Test func quotesInsideDeclarationsStillQuote() {
        #expect(Self.verdict("<!DOCTYPE tmx [ <!ATTLIST tmx a CDATA \"]>\"> <?pi '?> ]><tmx/>") == .safe)
    }
}
