import Foundation
import Testing
@testable import TandemKit

/// A helper's finding: a returned XLIFF cut short (a CAT tool's interrupted save) was described
/// as "extra content after the root element", backwards. libxml2 gives the same error number to
/// both; with elements still open, it is a file that ends inside one.
@Suite("XLIFF cut short")
struct XLIFFTruncatedFileTests {
    static let whole = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
        <file original="content/posts/a.md" source-language="zh-CN" target-language="en" datatype="markdown">
        <body><trans-unit id="a1"><source>早上好。</source><target>Good morning.</target></trans-unit></body>
        </file>
        </xliff>

        """

    @Test func aFileCutInsideAnElementSaysSo() throws {
        let cut = String(Self.whole.prefix(while: { $0 != "G" }))
        #expect { try XLIFF12Reader(displayPath: "a.xlf").read(Array(cut.utf8)) } throws: { error in
            "\(error)".contains("the file ends inside an element (cut short?)")
        }
    }

    @Test func textAfterTheRootIsStillExtraContent() throws {
        #expect { try XLIFF12Reader(displayPath: "a.xlf").read(Array((Self.whole + "<extra/>\n").utf8)) } throws: { error in
            "\(error)".contains("extra content after the root element")
        }
    }
}
