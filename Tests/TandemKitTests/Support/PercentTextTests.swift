import Testing
import TandemKit

/// A helper's finding on a theme's docs: 249 of 250 sentences said "not built, 100% translated".
@Suite("Percent text")
struct PercentTextTests {
    @Test func sharesAreRoundedDown() {
        #expect(PercentText.roundedDown(249.0 * 100 / 250) == "99%")
        #expect(PercentText.roundedDown(100) == "100%")
        #expect(PercentText.roundedDown(2.0 * 100 / 3) == "66%")
        // A share computed as 100 with a rounding error below it is still whole.
        #expect(PercentText.roundedDown(3.0 * (100.0 / 3.0)) == "100%")
        #expect(PercentText.roundedDown(0) == "0%")
    }
}
