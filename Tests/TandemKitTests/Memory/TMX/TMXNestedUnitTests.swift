import Foundation
import Testing
@testable import TandemKit

/// `TMXFuzzer`'s crash: a `<tu>` inside an open `<tuv>` ended the outer unit, and the `</tuv>`
/// after it found no unit (a nil unwrap, the process gone). Well-formed XML, so libxml2 lets it
/// through; the reader refuses it at its place.
@Suite("TMX: a unit inside a unit")
struct TMXNestedUnitTests {
    @Test func aUnitInsideAVariantIsRefusedAtItsPlace() {
        let bytes = Array("""
            <?xml version="1.0"?>
            <tmx version="1.4"><header srclang="en"/><body>
            <tu><tuv xml:lang="en"><seg>One.</seg><tu/></tuv></tu>
            </body></tmx>
            """.utf8)
        #expect(throws: TandemError.self) { try TMXInvalidUTF8Tests.read(bytes) }
        do {
            _ = try TMXInvalidUTF8Tests.read(bytes)
        } catch let error as TandemError {
            #expect("\(error)".contains("<tu> inside a <tu>"), "\(error)")
            #expect("\(error)".contains("m.tmx:3:"), "\(error)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
