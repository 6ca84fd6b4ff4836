import Testing
@testable import TandemKit

/// The check that refuses entity declarations before libxml2 sees a TMX file.
@Suite("XML prolog scan")
struct XMLPrologScanTests {
    static func verdict(_ text: String, chunk: Int) -> XMLPrologScan.Verdict? {
        var scan = XMLPrologScan()
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count, scan.verdict == nil {
            let end = min(start + chunk, bytes.count)
            bytes[start..<end].withUnsafeBufferPointer { scan.feed($0) }
            start = end
        }
        return scan.verdict
    }

    @Test(arguments: [1, 3, 4096])
    func verdictsDoNotDependOnChunkSize(chunk: Int) {
        let safe = [
            "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n<tmx/>",
            "<?xml version=\"1.0\"?><!-- <!DOCTYPE x [<!ENTITY a \"b\">]> --><tmx/>",
            "<!DOCTYPE tmx SYSTEM \"<!ENTITY [\"><tmx/>",
            "<!DOCTYPE tmx [ <!-- <!ENTITY a 'b'> --> <!ELEMENT tmx ANY> ]><tmx/>",
            "<tmx><seg>&lt;!DOCTYPE x [&lt;!ENTITY</seg></tmx>",
        ]
        for text in safe { #expect(Self.verdict(text, chunk: chunk) == .safe, "\(text)") }
        #expect(Self.verdict("<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [\n  <!ENTITY a \"b\">\n]><tmx/>", chunk: chunk)
            == .entityDeclaration(line: 3, column: 3))
        #expect(Self.verdict("<!DOCTYPE tmx SYSTEM 'x' [<!ENTITY % p SYSTEM 'http://e/x'>]><tmx/>", chunk: chunk)
            == .entityDeclaration(line: 1, column: 27))
    }
}
