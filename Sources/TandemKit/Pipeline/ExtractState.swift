import Foundation

/// `.tandem/extract-state.json`: for each post `extract` brought up to date, a hash of
/// everything its segment files were made from, so that a later run with the same inputs can
/// skip the post without parsing it (see `ExtractRun`).
///
/// Derived and disposable: a missing, unreadable or foreign file is an empty state (every post
/// is extracted), and a post missing from it is extracted.
public struct ExtractState: Codable, Equatable, Sendable {
    /// Bumped when what goes into the hashes changes: an old state then skips nothing.
    public static let currentFormatVersion = 2

    /// One post's record.
    public struct Entry: Codable, Equatable, Sendable {
        /// The hash of the post, its segment files and the run's settings (`ExtractRun`); empty
        /// until the run that extracted the post has written its files.
        public var hash: String
        /// The segment files (project paths) the post had, one per target locale, in order.
        public var segmentFiles: [String]
        /// The hash of those files' bytes as that run left them, and the memory it gave their
        /// translations to (its identity, instance and rewrites count; nil without a memory):
        /// while both still hold, the memory has every translation in them.
        public var filesHash: String
        public var memory: String?
        /// What `extract` reported for the post when it last did the work: a skipped post
        /// reports the same counts, with no changes.
        public var results: [ExtractResult]
        /// For each segment file, the keys (`MemoryQuery.sourceKey`) of its sentences that ask
        /// the memory on every extract (`Leverage.askingKeys`: without translation, or fuzzy);
        /// nil without a memory.
        public var askingKeys: [[String]]?
        /// The memory as those sentences' lookups saw it (nil when none asks it): the post is
        /// skipped while nothing the memory gained since reaches them (`LeverageReach`).
        public var memoryMark: MemoryMark?

        /// Whether the post's files depend on what the memory holds.
        var asksMemory: Bool { askingKeys?.contains { !$0.isEmpty } ?? false }
    }

    public var formatVersion: Int
    /// By the post's project path.
    public var posts: [String: Entry]

    public init(posts: [String: Entry] = [:]) {
        formatVersion = Self.currentFormatVersion
        self.posts = posts
    }

    /// The state at `url`, or an empty one when the file is missing or not a current state.
    public static func load(_ url: URL) -> ExtractState {
        guard let data = FileManager.default.contents(atPath: url.path),
              let state = try? JSONDecoder().decode(ExtractState.self, from: data),
              state.formatVersion == currentFormatVersion
        else { return ExtractState() }
        return state
    }

    /// Writes the state to `url` atomically (a crash leaves the old state or the new one).
    public func save(_ url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try AtomicFile.write(Array(try encoder.encode(self)), to: url)
    }
}
