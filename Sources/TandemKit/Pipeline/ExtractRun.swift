import Foundation

/// One `tandem extract` over many posts: the memory is opened once, every segment file is staged
/// in one batch, their translations reach the memory in one transaction at the end, and a post
/// whose inputs have not changed since the last run is skipped without being parsed.
///
/// A post is skipped when the hash of its bytes, its segment files' bytes and the run's
/// settings (tandem.yml, Hugo configuration, locale rules, glossaries, the executable, which
/// memory file) equals the one `.tandem/extract-state.json` recorded. A post whose segment
/// files leave something for the memory to answer (a sentence without translation, a fuzzy
/// one) is also tied to the memory's generation and recorded only when nothing wrote to the
/// memory during the run (`memoryGeneration`), so a new translation anywhere makes it ask again.
/// A fully translated post is tied to the memory file's identity only: its
/// translations are in that memory. A post extracted again whose segment files are as the run
/// that gave their translations to this memory left them gives the memory only the files it
/// changes, so re-runs stop rewriting the memory.
/// With a PostgreSQL memory nothing is skipped (no cheap generation to compare yet). Any doubt
/// extracts the post.
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
    private var recorded: [String: ExtractState.Entry] = [:]
    /// Posts extracted in this run whose files still ask the memory: recorded only if the memory
    /// did not change during the run.
    /// Posts that failed in this run: their record is dropped.
    private var failed: Set<String> = []
    /// Why `finish()` could not record the state (the run's outputs are written all the same).
    public private(set) var stateNotSaved: (any Error)?
    /// The settings hash every post's hash starts from (nil: nothing is skipped).
    private let settings: ExtractInputs?
    /// The memory file's path, its identity, and its generation before the run (SQLite only).
    private let memoryPath: String?
    private let memoryIdentity: String?
    /// Nil when unknown: then no post whose files ask the memory is recorded.
    private let memoryBefore: String?

    /// Prepares a run; the memory is opened when the first post needs it.
    public init(project: Project, usesMemory: Bool, skipsUnchanged: Bool = true) {
        self.project = project
        self.usesMemory = usesMemory
        self.skipsUnchanged = skipsUnchanged
        previous = skipsUnchanged ? ExtractState.load(project.layout.extractStateFile) : ExtractState()
        if usesMemory, case .sqlite(let path) = project.memoryAddress() {
            var identity = ExtractInputs()
            identity.add(identity: path)
            (memoryPath, memoryIdentity, memoryBefore) = (path, identity.value, Self.memoryGeneration(path))
        } else {
            (memoryPath, memoryIdentity, memoryBefore) = (nil, nil, nil)
        }
        settings = skipsUnchanged && (!usesMemory || memoryPath != nil) ? Self.settings(of: project, memoryIdentity: memoryIdentity) : nil
    }

    /// Extracts `post` for each of its target locales, or reports what it did last time when
    /// nothing it is made from has changed (`ExtractResult.skipped`). Files are staged until
    /// `finish()`.
    public func extract(_ post: URL) throws -> [ExtractResult] {
        let path = project.projectPath(of: post)
        recorded[path] = nil
        failed.insert(path)
        var memoryHoldsFiles = false
        if let settings, let entry = previous.posts[path] {
            if !entry.hash.isEmpty, let bytes = FileManager.default.contents(atPath: post.path).map({ Array($0) }),
               Self.hash(settings, post: path, bytes: bytes, segmentFiles: entry.segmentFiles, project: project,
                         memory: entry.results.contains { $0.asksMemory } ? memoryBefore : nil) == entry.hash {
                recorded[path] = entry
                failed.remove(path)
                return entry.results.map(\.skippedAgain)
            }
            // The files are as the run that gave their translations to this memory left them.
            memoryHoldsFiles = usesMemory && entry.memory == memoryIdentity
                && Self.filesHash(entry.segmentFiles, project: project) == entry.filesHash
        }
        let results = try openExtractor().extract(post, batch: batch, memoryHoldsFiles: memoryHoldsFiles)
        failed.remove(path)
        if settings != nil {
            recorded[path] = ExtractState.Entry(
                hash: "", segmentFiles: results.map(\.segmentFile), filesHash: "", memory: memoryIdentity, results: results)
        }
        return results
    }

    /// Writes the staged segment files, then gives the memory their translations (one
    /// transaction), releases it, and records the state for the next run.
    public func finish() throws {
        if let extractor { try extractor.commit(batch) } else { try batch.commit() }
        // Released as before (not `close()`, which leaves the WAL files behind).
        memory = nil
        guard let settings else { return }
        // A post whose files ask the memory was answered by the memory as it was before the
        // run: if anything wrote to it since, its next extract must look again.
        let memoryAfter = memoryPath.flatMap(Self.memoryGeneration)
        let memoryUnchanged = memoryPath == nil || (memoryBefore != nil && memoryAfter == memoryBefore)
        var state = previous
        for path in failed { state.posts[path] = nil }
        for (path, entry) in recorded {
            var entry = entry
            let dependsOnMemory = entry.results.contains { $0.asksMemory }
            if entry.hash.isEmpty {
                // Hashed after the files are written: the hash is of what is on disk now.
                guard let bytes = FileManager.default.contents(atPath: project.root.appendingPathComponent(path).path).map({ Array($0) })
                else {
                    state.posts[path] = nil
                    continue
                }
                entry.filesHash = Self.filesHash(entry.segmentFiles, project: project)
                entry.hash = Self.hash(settings, post: path, bytes: bytes, segmentFiles: entry.segmentFiles, project: project,
                                       memory: dependsOnMemory ? memoryAfter : nil)
            }
            if dependsOnMemory && !memoryUnchanged { entry.hash = "" }
            state.posts[path] = entry
        }
        // The state only saves work: when it cannot be written (a full disk), the segment files
        // and the memory are already right, and the next run reads every post again.
        if state != previous {
            do {
                try state.save(project.layout.extractStateFile)
            } catch {
                stateNotSaved = error
            }
        }
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
            if usesMemory { memory = try project.openMemory() }
            let made = try Extractor(project: project, memory: memory)
            extractor = made
            return made
        } catch {
            throw SetupFailure(error: error)
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

    /// The post's hash: the settings, its path and bytes, its segment files, and the memory's
    /// generation when its files ask the memory.
    private static func hash(
        _ settings: ExtractInputs, post: String, bytes: [UInt8], segmentFiles: [String], project: Project, memory: String?
    ) -> String {
        var inputs = settings
        inputs.add(post)
        inputs.add(bytes: bytes)
        inputs.add(filesHash(segmentFiles, project: project))
        inputs.add(memory ?? "-")
        return inputs.value
    }

    /// The hash of the segment files' paths and bytes.
    private static func filesHash(_ files: [String], project: Project) -> String {
        var inputs = ExtractInputs()
        for file in files { inputs.add(file: project.root.appendingPathComponent(file)) }
        return inputs.value
    }

    /// The memory's generation (`memory_state`, bumped inside every write's own transaction,
    /// with the instance id that changes when `tm rebuild` puts another file in its place), or
    /// nil when unknown (a memory not yet migrated, an unreadable file): then a post whose files
    /// ask the memory is extracted again, as before the counter existed.
    private static func memoryGeneration(_ path: String) -> String? { SQLiteMemory.generation(path: path) }
}
