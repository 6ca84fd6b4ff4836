/// SplitMix64: a small generator whose sequence depends on the seed alone, so every run of a
/// test draws the same data (and a failing kill point or property case can be replayed).
public struct SeededRandom: RandomNumberGenerator {
    public var state: UInt64

    public init(state: UInt64) { self.state = state }

    public init(seed: UInt64) { state = seed }

    /// A sequence of its own for each `stream` name (FNV-1a of the name mixed into the seed), so
    /// scenarios sharing one seed do not share their draws.
    public init(seed: UInt64, stream: String) {
        state = seed ^ stream.utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
