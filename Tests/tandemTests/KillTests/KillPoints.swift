import Foundation
import TandemTestSupport

/// How many times, and when, a kill test kills each command: `TANDEM_KILL_POINTS` points per
/// scenario (3 unless set; `make kill-test` sets 100), drawn from the seed `TANDEM_KILL_SEED`
/// (14 unless set) so a failing point can be replayed.
struct KillPoints {
    let count: Int
    let seed: UInt64

    static var fromEnvironment: KillPoints {
        let environment = ProcessInfo.processInfo.environment
        return KillPoints(
            count: environment["TANDEM_KILL_POINTS"].flatMap(Int.init) ?? 3,
            seed: environment["TANDEM_KILL_SEED"].flatMap(UInt64.init) ?? 14)
    }

    /// The inputs' size as a fraction of issue 14's (a 300k-unit TMX, 600 posts):
    /// `TANDEM_KILL_SCALE` (a number, or `full` for 1); 0.01 unless set, so `make test` stays short.
    static var scale: Double {
        let value = ProcessInfo.processInfo.environment["TANDEM_KILL_SCALE"]
        return value == "full" ? 1 : value.flatMap(Double.init) ?? 0.01
    }

    /// `count` delays spread over `duration` (one in each of `count` equal slices, at a seeded
    /// place inside it), in a seeded order: every part of the run is hit, early and late kills
    /// alternate, and one seed gives the same delays for the same duration.
    func delays(over duration: Double, scenario: String) -> [Double] {
        var random = SeededRandom(seed: seed, stream: scenario)
        var delays = (0..<count).map { slice in duration * (Double(slice) + random.unit()) / Double(count) }
        for index in delays.indices.reversed() where index > 0 {
            delays.swapAt(index, Int(random.next() % UInt64(index + 1)))
        }
        return delays
    }
}
