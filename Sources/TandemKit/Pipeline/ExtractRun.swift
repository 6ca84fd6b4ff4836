import Foundation

/// One `tandem extract` over many posts: the memory is opened once, every segment file is staged
/// in one batch, their translations reach the memory in one transaction at the end, and a post
/// whose inputs have not changed since the last run is skipped without being parsed.
///
/// A post is skipped when the hash of its bytes, its segment files' bytes and the run's
/// settings (tandem.yml, Hugo configuration, locale rules, glossaries, the executable, which
/// memory) equals the one `.tandem/extract-state.bin` recorded, and, when its files leave
/// sentences for the memory to answer (without translation, or fuzzy), nothing the memory
/// gained since their lookups can change those answers: the state records the memory's mark
/// (`MemoryMark`) and the sentences' keys, and the memory lists the keys of the units added or
/// changed since the mark (`TranslationMemory.changes(since:limit:)`); none may equal one of the
/// post's keys or be within the fuzzy minimum score of one (`LeverageReach`). When the memory
/// cannot list them (another memory, units removed or rewritten, too many changed), the post is
/// extracted. A fully translated post is tied to the memory's identity only: its translations
/// are in that memory. A post extracted again whose segment files are as the run that gave
/// their translations to this memory left them gives the memory only the files it changes, so
/// re-runs stop rewriting the memory. Any doubt extracts the post.
///
/// A file whose stamp is as recorded is not read again: its digest is the recorded one
/// (`FileDigests`, with git's rule for racily clean files), and an unchanged post's language
/// comes from the state, not from its front matter (`sourcePosts(_:)`).
public final class ExtractRun {
    public let project: Project
    /// Whether the run uses the memory `tandem.yml` names (`extract --no-memory`: false).
    public let usesMemory: Bool
    /// Whether unchanged posts may be skipped.
    public let skipsUnchanged: Bool

    private let batch = AtomicFileBatch()
    private var extractor: Extractor?
    private var memory: (any TranslationMemory)?
    private let previous: ExtractState
    /// The keys file `previous` points into, read when a post's keys are first needed.
    private lazy var keysFile = AskingKeysFile(directory: project.layout.extractStateFile.deletingLastPathComponent(), id: previous.keysFile)
    private var recorded: [String: ExtractState.Entry] = [:]
    /// Posts that failed in this run: their record is dropped.
    private var failed: Set<String> = []
    /// Why `finish()` could not record the state (the run's outputs are written all the same).
    public private(set) var stateNotSaved: (any Error)?
    /// The settings hash every post's hash starts from (nil: nothing is skipped).
    private var settings: ExtractInputs?
    /// The digests of posts and segment files, from the state's records while a file's stamp holds.
    private let digests: FileDigests
    /// Each post's digest as it was before this run extracted it (by project path): its record
    /// is of the bytes the extract read or older ones, never of a later save.
    private var digestsBeforeExtract: [String: UInt64] = [:]
    /// The languages posts' front matter declared, as `sourcePosts(_:)` found them.
    private var languages: [String: ExtractState.LanguageRecord] = [:]
    /// The content directory's listing as `sourcePosts(_:)` made it (nil: it listed no directory).
    private var listing: ContentListing?
    /// The posts' stamps `sourcePosts(_:)` took (nil inside: the post had none).
    private var discoveredStamps: [String: FileStamp?] = [:]
    /// Which memory the run uses (the SQLite file's identity, the PostgreSQL server's URL).
    private var memoryIdentity: String?
    /// The memory's mark before any lookup of this run, read when first needed; nil inside
    /// when it cannot be read (then no post that asks the memory is skipped).
    private var memoryBefore: MemoryMark??
    /// What the memory gained since each mark a skipped post asked about (nil: cannot be listed).
    private var reachSince: [MemoryMark: LeverageReach?] = [:]

    /// The most keys a run looks through to skip posts rather than extract them: beyond it,
    /// extracting the posts that ask the memory is about as cheap.
    static let changedKeyLimit = 20_000

    /// Prepares a run; the memory is opened when the first post needs it.
    public init(project: Project, usesMemory: Bool, skipsUnchanged: Bool = true) {
        self.project = project
        self.usesMemory = usesMemory
        self.skipsUnchanged = skipsUnchanged
        // Read before any file is stamped (`FileDigests`).
        let reference = skipsUnchanged ? FileSystemClock.now(in: project.layout.extractStateFile.deletingLastPathComponent()) : nil
        previous = skipsUnchanged ? ExtractState.load(project.layout.extractStateFile) : ExtractState()
        digests = FileDigests(records: previous.files, reference: reference)
        switch usesMemory ? project.memoryAddress() : nil {
        case .sqlite(let path):
            memoryIdentity = Self.identity(ofMemoryAt: path)
        case .postgreSQL(let url):
            memoryIdentity = "PostgreSQL " + url.description
        case nil:
            memoryIdentity = nil
        }
        settings = skipsUnchanged ? Self.settings(of: project, memoryIdentity: memoryIdentity) : nil
        if let settings, previous.languageSettings == settings.digest { languages = previous.languages }
    }

    /// The posts to extract (`Project.sourcePosts(_:)`), with the language of each post whose
    /// stamp is as the state recorded it taken from the state instead of its front matter.
    public func sourcePosts(_ paths: [String] = []) throws -> [URL] {
        guard settings != nil else { return try project.sourcePosts(paths) }
        let known = languages
        // All posts: a deleted one's record goes.
        if paths.isEmpty { languages = [:] }
        var listed: [String]?
        if paths.isEmpty {
            var listing = previous.listing
            listed = listing.markdownFiles(under: project.contentDirectory, reference: digests.reference)
            self.listing = listing
        }
        return try project.sourcePosts(paths, listed: listed) { url in
            let path = project.projectPath(of: url)
            // Stamped before the read, as in `FileDigests`, which takes this stamp for the post.
            let stamp = FileStamp(path: url.path)
            discoveredStamps[path] = stamp
            if let stamp, let record = known[path], record.stamp == stamp {
                languages[path] = record
                return record.language
            }
            let language = project.declaredLanguage(of: url)
            if let stamp, let reference = digests.reference, stamp.isSettled(before: reference) {
                languages[path] = ExtractState.LanguageRecord(stamp: stamp, language: language)
            } else {
                languages[path] = nil
            }
            return language
        }
    }

    /// Extracts `post` for each of its target locales, or reports what it did last time when
    /// nothing it is made from has changed (`ExtractResult.skipped`). Files are staged until
    /// `finish()`.
    public func extract(_ post: URL) throws -> [ExtractResult] {
        let path = project.projectPath(of: post)
        recorded[path] = nil
        failed.insert(path)
        var memoryHoldsFiles = false
        // Before the extract reads the post: the state records these bytes, or older ones.
        // The stamp `sourcePosts(_:)` took will do: a change since is one after this run.
        let postDigest = settings == nil ? nil : digests.digest(path, atPath: post.path, stamp: discoveredStamps.removeValue(forKey: path))
        if let settings, let entry = previous.posts[path] {
            let filesHash = filesHash(entry.segmentFiles)
            if let postDigest, let hash = entry.hash,
               Self.hash(settings, post: path, digest: postDigest, filesHash: filesHash) == hash,
               memoryAnswersAsBefore(entry), memoryStillHoldsWhatItWasGiven(entry) {
                var kept = entry
                // Its lookups would answer now what they answered then.
                if entry.asksMemory { kept.memoryMark = currentMark() }
                recorded[path] = kept
                failed.remove(path)
                return entry.results.map(\.skippedAgain)
            }
            // The files are as the run that gave their translations to this memory left them.
            memoryHoldsFiles = usesMemory && entry.memory != nil && entry.memory == heldBy() && filesHash == entry.filesHash
        }
        digestsBeforeExtract[path] = postDigest
        // Read before the first lookup: a write after it is then one the next run looks at.
        let mark = usesMemory ? currentMark() : nil
        let files = try openExtractor().extractFiles(post, batch: batch, memoryHoldsFiles: memoryHoldsFiles)
        failed.remove(path)
        if settings != nil {
            let results = files.map(\.result)
            var entry = ExtractState.Entry(
                segmentFiles: results.map(\.segmentFile), memory: heldBy(), results: results,
                askingKeys: usesMemory ? ExtractState.AskingKeys(files.map(\.askingKeys)) : nil)
            if entry.asksMemory { entry.memoryMark = mark }
            recorded[path] = entry
        }
        return files.map(\.result)
    }

    /// Writes the staged segment files, then gives the memory their translations (one
    /// transaction), releases it, and records the state for the next run.
    public func finish() throws {
        let given: [MemoryUnit]
        if let extractor { given = try extractor.commitGivingUnits(batch) } else { try batch.commit(); given = [] }
        guard let settings else {
            // Released as before (not `close()`, which leaves the WAL files behind).
            memory = nil
            return
        }
        let advance = markAfterOwnWrite(given: given)
        memory = nil
        settingsForAMemoryThisRunCreated()
        guard let settings = self.settings else { return }
        var state = previous
        for path in failed { state.posts[path] = nil }
        // The files just written were stamped after this reading: those written in an earlier
        // tick get records now rather than at the next run.
        if let later = FileSystemClock.now(in: project.layout.extractStateFile.deletingLastPathComponent()) {
            digests.reference = later
        }
        for (path, entry) in recorded {
            var entry = entry
            if entry.hash == nil {
                guard let postDigest = digestsBeforeExtract[path] else {
                    state.posts[path] = nil
                    continue
                }
                // The segment files are hashed after they are written: the hash is of what is on disk now.
                let filesHash = filesHash(entry.segmentFiles)
                entry.filesHash = filesHash
                entry.hash = Self.hash(settings, post: path, digest: postDigest, filesHash: filesHash)
            }
            // What this run gave the memory does not reach the post's questions: the memory as
            // it is now answers them as it did.
            if let advance, entry.asksMemory, entry.memoryMark == advance.from, !reaches(advance.reach, entry) {
                entry.memoryMark = advance.to
            }
            state.posts[path] = entry
        }
        var named = Set(state.posts.keys)
        for entry in state.posts.values { named.formUnion(entry.segmentFiles) }
        digests.keepOnly(named)
        state.files = digests.records
        state.languageSettings = settings.digest
        state.languages = languages
        if let listing { state.listing = listing }
        // The state only saves work: when it cannot be written (a full disk), the segment files
        // and the memory are already right, and the next run reads every post again.
        if state != previous {
            do {
                try state.save(project.layout.extractStateFile, keys: keysFile)
                // The JSON state of format 2, read by no one now (a few megabytes).
                unlink(project.layout.legacyExtractStateFile.path)
            } catch {
                stateNotSaved = error
            }
        }
    }

    /// Whether the memory answers `entry`'s questions as it did when the post was extracted:
    /// it asks none, or nothing the memory gained since its mark reaches them.
    private func memoryAnswersAsBefore(_ entry: ExtractState.Entry) -> Bool {
        guard usesMemory, entry.asksMemory else { return true }
        guard let then = entry.memoryMark, let now = currentMark() else { return false }
        if then == now { return true }
        if reachSince[then] == nil {
            let changes = try? openMemory().changes(since: then, limit: Self.changedKeyLimit)
            reachSince[then] = changes.map { LeverageReach($0, minimumScore: project.configuration.leverage.minimumScore) }
        }
        guard let reach = reachSince[then] ?? nil else { return false }
        return !reaches(reach, entry)
    }

    /// Whether the memory `entry`'s translations were given to is the one here still, neither
    /// rebuilt nor rewritten since: a `tm rebuild` of a shared memory from a teammate's
    /// checkout removes the units only this checkout's files hold, and a post with every
    /// sentence translated (asking the memory nothing) was skipped ever after, its units never
    /// given again.
    private func memoryStillHoldsWhatItWasGiven(_ entry: ExtractState.Entry) -> Bool {
        guard usesMemory, let given = entry.memory else { return true }
        return given == heldBy()
    }

    /// Whether `reach` reaches a question of one of `entry`'s files.
    private func reaches(_ reach: LeverageReach, _ entry: ExtractState.Entry) -> Bool {
        guard let keys = entry.askingKeys, let askingKeys = keysFile.files(of: keys), askingKeys.count == entry.results.count else {
            return true
        }
        let source = project.configuration.source
        for (result, keys) in zip(entry.results, askingKeys) where !keys.isEmpty {
            guard let target = LocaleTag(result.locale) else { return true }
            if reach.reaches(keys, sourceLocale: source, targetLocale: target) { return true }
        }
        return false
    }

    /// After this run's write: the mark before the run, the mark now, and what changed between
    /// (this run's units when its write was the only one; else what the memory lists). Nil when
    /// nothing changed or it cannot be told.
    private func markAfterOwnWrite(given: [MemoryUnit]) -> (from: MemoryMark, to: MemoryMark, reach: LeverageReach)? {
        guard usesMemory, case let before?? = memoryBefore,
              recorded.values.contains(where: { $0.asksMemory && $0.memoryMark == before }),
              let after = readMark(), after != before, let memory = try? openMemory()
        else { return nil }
        let changes: MemoryChanges?
        if !given.isEmpty && after.generation == before.generation + 1 && after.instance == before.instance
            && after.rewrites == before.rewrites {
            // One write since the mark, and it was this run's (a write that adds units always
            // bumps the generation): its units are every change.
            changes = MemoryChanges(units: given)
        } else {
            changes = try? memory.changes(since: before, limit: .max)
        }
        return changes.map { (before, after, LeverageReach($0, minimumScore: project.configuration.leverage.minimumScore)) }
    }

    /// What a post's record names as the memory its translations were given to: which memory,
    /// and its instance and rewrites, so that units removed since (`tm rebuild` of a shared
    /// memory in place) are given again. Nil without a memory or a mark.
    private func heldBy() -> String? {
        guard let memoryIdentity, let mark = currentMark() else { return nil }
        return "\(memoryIdentity) instance \(mark.instance) rewrites \(mark.rewrites)"
    }

    /// The memory's mark before this run's first lookup (read once), or nil when unknown.
    private func currentMark() -> MemoryMark? {
        if let memoryBefore { return memoryBefore }
        let mark = readMark()
        memoryBefore = .some(mark)
        return mark
    }

    /// The memory's mark now, or nil when it cannot be read. A SQLite memory that exists is
    /// read without opening it (nothing made, nothing migrated: a run that skips every post
    /// never opens it).
    private func readMark() -> MemoryMark? {
        if case .sqlite(let path) = project.memoryAddress(), let mark = SQLiteMemory.mark(path: path) { return mark }
        return try? openMemory().mark()
    }

    /// What stops the whole run rather than one post: the memory or the sentence rules could
    /// not be opened. `extract(_:)` throws it wrapped so a caller that goes on after a bad post
    /// can tell the two apart.
    public struct SetupFailure: Error {
        public let error: any Error
    }

    private func openExtractor() throws -> Extractor {
        if let extractor { return extractor }
        do {
            let made = try Extractor(project: project, memory: usesMemory ? try openMemory() : nil)
            extractor = made
            return made
        } catch {
            throw SetupFailure(error: error)
        }
    }

    /// The memory `tandem.yml` names, opened once.
    private func openMemory() throws -> any TranslationMemory {
        if let memory { return memory }
        let opened = try project.openMemory()
        memory = opened
        return opened
    }

    /// The project root's path with a final slash.
    private lazy var rootPrefix = project.root.path.hasSuffix("/") ? project.root.path : project.root.path + "/"

    /// The identity of the SQLite memory at `path`: its path and inode (a `tm rebuild` puts a
    /// new file in its place), or its absence.
    private static func identity(ofMemoryAt path: String) -> String {
        var identity = ExtractInputs()
        identity.add(identity: path)
        return identity.value
    }

    /// The settings and records of a run whose memory did not exist when it started, made
    /// again now that it does: with the identity of a missing file, every post's hash changed
    /// at the next run, which extracted every post again (17 s of a 510-page site; a helper's
    /// finding) and only the third run skipped.
    private func settingsForAMemoryThisRunCreated() {
        guard skipsUnchanged, case .sqlite(let path) = usesMemory ? project.memoryAddress() : nil else { return }
        let now = Self.identity(ofMemoryAt: path)
        guard now != memoryIdentity else { return }
        let before = heldBy()
        memoryIdentity = now
        settings = Self.settings(of: project, memoryIdentity: now)
        let after = heldBy()
        for (path, entry) in recorded where before != nil && entry.memory == before {
            recorded[path]?.memory = after
        }
    }

    /// Everything all posts share, hashed.
    private static func settings(of project: Project, memoryIdentity: String?) -> ExtractInputs {
        var inputs = ExtractInputs()
        inputs.add("tandem extract state \(ExtractState.currentFormatVersion), ICU \(ICUVersion.linked)")
        // A new tandem may segment or merge differently.
        if let executable = Bundle.main.executablePath { inputs.add(status: executable) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        inputs.add(bytes: (try? encoder.encode(project.configuration)).map { Array($0) })
        for file in project.site?.files ?? [] { inputs.add(file: project.root.appendingPathComponent(file)) }
        inputs.add(filesIn: project.localesDirectory, extensions: ["yml", "yaml"])
        inputs.add(filesIn: project.layout.glossaryDirectory(source: project.configuration.source))
        inputs.add(memoryIdentity ?? "no memory")
        return inputs
    }

    /// The post's hash: the settings, its path, the digest of its bytes, and its segment files'.
    private static func hash(_ settings: ExtractInputs, post: String, digest: UInt64, filesHash: UInt64) -> UInt64 {
        var inputs = settings
        inputs.add(post)
        inputs.add(digest: digest)
        inputs.add(digest: filesHash)
        return inputs.digest
    }

    /// The hash of the segment files' paths and the digests of their bytes (`FileDigests`).
    private func filesHash(_ files: [String]) -> UInt64 {
        var inputs = ExtractInputs()
        for file in files {
            inputs.add(file)
            inputs.add(digest: digests.digest(file, atPath: rootPrefix + file))
        }
        return inputs.digest
    }

}
