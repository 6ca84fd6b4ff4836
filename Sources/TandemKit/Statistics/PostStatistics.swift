/// The figures of one post's segment file for one target locale, or their sum over a locale.
public struct PostStatistics: Equatable, Codable, Sendable {
    /// One band of the analysis and the text in it.
    public struct BandVolume: Equatable, Codable, Sendable {
        public var band: MatchBand
        public var volume: TextVolume
    }

    /// The post (`content/posts/foo.md`), or `total`.
    public var post: String
    /// The whole source text.
    public var volume: TextVolume
    /// Every band, best first (empty bands included, so tables line up).
    public var bands: [BandVolume]
    /// Segments per state, in the order a translation moves (`new` … `final`). A segment
    /// holding a pseudo-translation counts as `new`: a layout test is no translation.
    public var states: [String: Int]
    /// Of the `new`: segments holding a pseudo-translation (`tandem pseudo`).
    public var pseudo: Int = 0

    public init(post: String) {
        self.post = post
        volume = TextVolume()
        bands = MatchBand.allCases.map { BandVolume(band: $0, volume: TextVolume()) }
        states = Dictionary(uniqueKeysWithValues: SegmentState.allCases.map { ($0.rawValue, 0) })
    }

    /// The text in `band`.
    public func volume(in band: MatchBand) -> TextVolume {
        bands.first { $0.band == band }?.volume ?? TextVolume()
    }

    /// Segments in `state`.
    public func count(in state: SegmentState) -> Int { states[state.rawValue] ?? 0 }

    /// Percentage of segments translated, reviewed or final (100 for a post without segments).
    public var percentTranslated: Double {
        guard volume.segments > 0 else { return 100 }
        let done = SegmentState.allCases.filter(\.isTranslated).map(count(in:)).reduce(0, +)
        return Double(done) * 100 / Double(volume.segments)
    }

    mutating func add(_ count: TextVolume, band: MatchBand, state: SegmentState, isPseudo: Bool = false) {
        if isPseudo {
            pseudo += 1
            add(count, band: band, state: .new)
            return
        }
        volume += count
        if let index = bands.firstIndex(where: { $0.band == band }) { bands[index].volume += count }
        states[state.rawValue, default: 0] += 1
    }

    mutating func add(_ other: PostStatistics) {
        volume += other.volume
        for index in bands.indices { bands[index].volume += other.bands[index].volume }
        for (state, count) in other.states { states[state, default: 0] += count }
        pseudo += other.pseudo
    }
}
