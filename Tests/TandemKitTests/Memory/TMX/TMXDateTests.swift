import Foundation
import Testing
@testable import TandemKit

/// TMX dates agree with Foundation's calendar, both ways.
@Suite("TMX dates")
struct TMXDateTests {
    @Test(arguments: [0.0, 951_782_400, 1_700_000_000, 4_107_542_399, 1_709_164_800, 86_399])
    func formatAndParseAgreeWithFoundation(seconds: Double) throws {
        let date = Date(timeIntervalSince1970: seconds)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        #expect(TMXDate.format(date) == formatter.string(from: date))
        #expect(TMXDate.parse(TMXDate.format(date)) == date)
    }

    @Test func malformedDatesAreNil() {
        #expect(TMXDate.parse("2024-03-01T10:15:00Z") == nil)
        #expect(TMXDate.parse("20241301T101500Z") == nil)
        #expect(TMXDate.parse("2024030xT101500Z") == nil)
    }
}
