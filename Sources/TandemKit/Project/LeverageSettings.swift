/// `leverage:` in `tandem.yml`: how `extract` reuses the translation memory.
public struct LeverageSettings: Codable, Equatable, Sendable {
    /// The state a target filled from an exact or in-context match gets: `translated`, or
    /// `fuzzy` so that a person checks every reused sentence (and it goes back into the memory
    /// only once confirmed).
    public var fillState: SegmentState
    /// Whether an exact match whose neighbours differ fills the target (in-context matches
    /// always do); when false it is offered as a candidate.
    public var fillExact: Bool
    /// The lowest fuzzy score offered as a candidate, 1…99.
    public var minimumScore: Int
    /// How many candidates a segment gets at most, 0…20.
    public var candidates: Int

    public static let fillStates: [SegmentState] = [.translated, .fuzzy]

    public init(fillState: SegmentState = .translated, fillExact: Bool = true, minimumScore: Int = 75, candidates: Int = 5) {
        self.fillState = fillState
        self.fillExact = fillExact
        self.minimumScore = minimumScore
        self.candidates = candidates
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case fillState, fillExact, minimumScore, candidates
    }

    /// Missing keys take their defaults; unknown keys and values out of range are errors.
    public init(from decoder: Decoder) throws {
        try YAMLConfigurationFile.rejectUnknownKeys(decoder, known: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = LeverageSettings()
        // Read as a string: a word that is no state at all (`maybe`) gets the same message as a
        // state that cannot fill, not the decoder's "Cannot initialize SegmentState".
        let fillStateWord = try container.decodeIfPresent(String.self, forKey: .fillState)
        guard let fillState = fillStateWord.map({ SegmentState(rawValue: $0) }) ?? defaults.fillState else {
            throw DecodingError.dataCorruptedError(
                forKey: .fillState, in: container,
                debugDescription: "fillState must be translated or fuzzy, not \(fillStateWord ?? "")")
        }
        self.init(
            fillState: fillState,
            fillExact: try container.decodeIfPresent(Bool.self, forKey: .fillExact) ?? defaults.fillExact,
            minimumScore: try container.decodeIfPresent(Int.self, forKey: .minimumScore) ?? defaults.minimumScore,
            candidates: try container.decodeIfPresent(Int.self, forKey: .candidates) ?? defaults.candidates)
        guard Self.fillStates.contains(fillState) else {
            throw DecodingError.dataCorruptedError(
                forKey: .fillState, in: container,
                debugDescription: "fillState must be translated or fuzzy, not \(fillState.rawValue)")
        }
        guard (1...99).contains(minimumScore) else {
            throw DecodingError.dataCorruptedError(
                forKey: .minimumScore, in: container, debugDescription: "minimumScore must be 1…99, not \(minimumScore)")
        }
        guard (0...20).contains(candidates) else {
            throw DecodingError.dataCorruptedError(
                forKey: .candidates, in: container, debugDescription: "candidates must be 0…20, not \(candidates)")
        }
    }
}
