import Testing
@testable import TandemKit

@Suite("Line table")
struct LineTableTests {
    static let text = Array("第一行。\r\nsecond line: 二。\n\n最后一行，没有换行符".utf8)

    @Test func positionsInOneWalkEqualOnePositionAtATime() {
        let table = LineTable(Self.text)
        // Every offset, in an order that is not sorted, so the walk's reordering is exercised.
        let offsets = Array(Self.text.indices).reversed() + [0, Self.text.count]
        let walked = table.positions(of: Array(offsets))
        for (offset, position) in zip(offsets, walked) {
            let single = table.position(of: offset)
            #expect(position.line == single.line && position.column == single.column, "offset \(offset)")
        }
    }

    @Test func columnsCountScalarsNotBytes() {
        let table = LineTable(Self.text)
        // 一 is the second scalar of line 1 (byte 3); 二 the 14th of line 2.
        #expect(table.positions(of: [3]).first! == (line: 1, column: 2))
        let second = Array("第一行。\r\n".utf8).count
        #expect(table.positions(of: [second + 13]).first! == (line: 2, column: 14))
    }
}
