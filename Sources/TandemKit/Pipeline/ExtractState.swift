import Foundation

/// `.tandem/extract-state.bin`: for each post `extract` brought up to date, a hash of everything
/// its segment files were made from, so that a later run with the same inputs can skip the post
/// without parsing it (see `ExtractRun`); and what the state knows about files without reading
/// them: the digests of posts and segment files, and the language a post's front matter
/// declares, each under the file's stamp (`FileStamp`), trusted while the stamp is unchanged.
///
/// Derived and disposable: a missing, unreadable, damaged or older file is an empty state (every
/// post is extracted), and a post missing from it is extracted. Binary (`ExtractState+Binary`):
/// a run that skips every post reads it whole. The sentences' keys, most of what it knows, are
/// in a file beside it that it points into (`AskingKeysFile`), read only when needed.
public struct ExtractState: Equatable, Sendable {
    /// Bumped when what goes into the hashes or the file's layout changes: an old state then
    /// skips nothing.
    public static let currentFormatVersion = 4

    /// One post's record.
    public struct Entry: Equatable, Sendable {
        /// The hash of the post, its segment files and the run's settings (`ExtractRun`); nil
        /// until the run that extracted the post has written its files.
        public var hash: UInt64?
        /// The segment files (project paths) the post had, one per target locale, in order.
        public var segmentFiles: [String]
        /// The hash of those files' bytes as that run left them, and the memory it gave their
        /// translations to (its identity, instance and rewrites count; nil without a memory):
        /// while both still hold, the memory has every translation in them.
        public var filesHash: UInt64?
        public var memory: String?
        /// What `extract` reported for the post when it last did the work: a skipped post
        /// reports the same counts, with no changes.
        public var results: [ExtractResult]
        /// For each segment file, the keys (`MemoryQuery.sourceKey`) of its sentences that ask
        /// the memory on every extract (`Leverage.askingKeys`: without translation, or fuzzy);
        /// nil without a memory.
        public var askingKeys: AskingKeys?
        /// The memory as those sentences' lookups saw it (nil when none asks it): the post is
        /// skipped while nothing the memory gained since reaches them (`LeverageReach`).
        public var memoryMark: MemoryMark?

        public init(
            hash: UInt64? = nil, segmentFiles: [String], filesHash: UInt64? = nil, memory: String?,
            results: [ExtractResult], askingKeys: AskingKeys?, memoryMark: MemoryMark? = nil
        ) {
            self.hash = hash
            self.segmentFiles = segmentFiles
            self.filesHash = filesHash
            self.memory = memory
            self.results = results
            self.askingKeys = askingKeys
            self.memoryMark = memoryMark
        }

        /// Whether the post's files depend on what the memory holds.
        var asksMemory: Bool { askingKeys?.asksAny ?? false }
    }

    /// What the bytes of a file were when it had `stamp`: recorded only for a stamp taken after
    /// the file had settled (`FileStamp.isSettled(before:)`), so an equal stamp means equal bytes.
    public struct FileRecord: Equatable, Sendable {
        public var stamp: FileStamp
        /// `FileDigests.digest(of:)` of the bytes.
        public var digest: UInt64

        public init(stamp: FileStamp, digest: UInt64) {
            self.stamp = stamp
            self.digest = digest
        }
    }

    /// The language a post's front matter declares (`lang:`, `language:`; nil: none) when the
    /// post had `stamp` (settled, as for `FileRecord`): finding the posts needs no YAML parse of
    /// an unchanged one.
    public struct LanguageRecord: Equatable, Sendable {
        public var stamp: FileStamp
        public var language: String?

        public init(stamp: FileStamp, language: String?) {
            self.stamp = stamp
            self.language = language
        }
    }

    public var formatVersion: Int
    /// By the post's project path.
    public var posts: [String: Entry]
    /// Posts and segment files by project path.
    public var files: [String: FileRecord]
    /// Posts by project path; valid only under `languageSettings`.
    public var languages: [String: LanguageRecord]
    /// The settings hash (`ExtractRun`: among them the executable, whose front matter reader
    /// decides the languages) the languages were read under.
    public var languageSettings: UInt64
    /// The content directory's listing (`ContentListing`), as the last run over all posts made it.
    public var listing = ContentListing()
    /// The id of the keys file the posts' asking keys are in (`AskingKeysFile`; 0: none yet).
    public var keysFile: UInt64 = 0

    public init(
        posts: [String: Entry] = [:], files: [String: FileRecord] = [:], languages: [String: LanguageRecord] = [:],
        languageSettings: UInt64 = 0
    ) {
        formatVersion = Self.currentFormatVersion
        self.posts = posts
        self.files = files
        self.languages = languages
        self.languageSettings = languageSettings
    }

    /// The state at `url`, or an empty one when the file is missing or not a current state.
    public static func load(_ url: URL) -> ExtractState {
        guard let bytes = try? FileBytes.contents(atPath: url.path), let state = try? ExtractState(binary: bytes[...]) else { return ExtractState() }
        return state
    }

    /// Writes the state to `url` atomically (a crash leaves the old state or the new one),
    /// after the asking keys of posts extracted since it was loaded are in the keys file beside
    /// it (`storeAskingKeys(in:reading:)`).
    public mutating func save(_ url: URL) throws {
        try save(url, keys: nil)
    }

    /// `save(_:)`, with the keys file as the run read it (`keys`), if it did: not read again.
    mutating func save(_ url: URL, keys: AskingKeysFile?) throws {
        let directory = url.deletingLastPathComponent()
        let newKeysFile = try storeAskingKeys(in: directory, reading: keys)
        try AtomicFile.write(binary(), to: url)
        if newKeysFile { removeOtherKeysFiles(in: directory) }
    }
}
