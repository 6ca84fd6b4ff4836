import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// `AskingKeysFile`: the asking keys live beside the state, appended one block per extracted
/// post; a run that extracts one post neither reads nor rewrites the others' blocks, garbage is
/// compacted into a new file, and a run killed at any step of the file's write leaves a state
/// whose keys read back as they were.
@Suite("Asking keys file")
struct AskingKeysFileTests {
    /// The keys of post `index` in version `version`: a sentence of each, and a second file
    /// (locale) with two.
    static func keys(_ index: Int, version: Int) -> [[String]] {
        [["第\(index)篇文章的第\(version)版句子。"], ["服务器在北京。", "数据每天备份\(version)次。"]]
    }

    static func path(_ index: Int) -> String { "content/posts/p\(index).md" }

    static func entry(_ index: Int, version: Int) -> ExtractState.Entry {
        ExtractState.Entry(
            hash: UInt64(index), segmentFiles: ["locales/en/posts/p\(index).json", "locales/ja/posts/p\(index).json"],
            memory: "sqlite 1 instance 2 rewrites 0", results: [],
            askingKeys: ExtractState.AskingKeys(keys(index, version: version)),
            memoryMark: MemoryMark(instance: 1, generation: Int64(version), rewrites: 0, lastUnitID: 10))
    }

    /// A project's `.tandem` directory in a temporary directory.
    final class Directory {
        let temporary: TemporaryDirectory
        var url: URL { temporary.url }
        var stateFile: URL { url.appendingPathComponent("extract-state.bin") }

        init() throws { temporary = try TemporaryDirectory(prefix: "asking-keys") }
        deinit { temporary.remove() }

        var state: ExtractState { ExtractState.load(stateFile) }
        func keysFile(_ state: ExtractState) -> URL { AskingKeysFile.url(in: url, id: state.keysFile) }
        func bytes(_ file: URL) throws -> [UInt8] { try FileBytes.contents(atPath: file.path) }
        /// The names of the keys files in the directory.
        var keysFiles: [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).filter { $0.hasPrefix(AskingKeysFile.namePrefix) }
        }

        /// Each post's keys as the saved state and its keys file give them (nil: unreadable).
        func savedKeys() -> [String: [[String]]?] {
            let state = state
            let file = AskingKeysFile(directory: url, id: state.keysFile)
            return state.posts.mapValues { $0.askingKeys.flatMap { file.files(of: $0) } }
        }
    }

    /// `count` posts at version 0, saved.
    static func saved(_ count: Int, in directory: Directory) throws -> ExtractState {
        var state = ExtractState()
        for index in 0..<count { state.posts[path(index)] = entry(index, version: 0) }
        try state.save(directory.stateFile)
        return directory.state
    }

    @Test func aRunThatExtractsOnePostAppendsOnlyItsBlock() throws {
        let directory = try Directory()
        let first = try Self.saved(3, in: directory)
        let keysBefore = try directory.bytes(directory.keysFile(first))
        var state = first
        state.posts[Self.path(1)] = Self.entry(1, version: 1)
        let block = ExtractState.AskingKeys(Self.keys(1, version: 1))
        guard case .bytes(let blockBytes) = block.storage else { Issue.record("fresh keys are bytes"); return }
        try state.save(directory.stateFile)
        let second = directory.state
        #expect(second.keysFile == first.keysFile, "appended to the same file")
        let keysAfter = try directory.bytes(directory.keysFile(second))
        #expect(Array(keysAfter.prefix(keysBefore.count)) == keysBefore, "the other posts' blocks are not rewritten")
        #expect(keysAfter.count == keysBefore.count + blockBytes.count, "only the extracted post's block is appended")
        #expect(directory.savedKeys() == [Self.path(0): Self.keys(0, version: 0), Self.path(1): Self.keys(1, version: 1),
                                          Self.path(2): Self.keys(2, version: 0)])
        // The state holds no key: the keys' text is in the keys file only.
        let stateBytes = try directory.bytes(directory.stateFile)
        #expect(stateBytes.firstRange(of: Array("服务器在北京。".utf8)) == nil)
        // A run that changes nothing writes nothing.
        var unchanged = directory.state
        #expect(unchanged == second)
        try unchanged.save(directory.stateFile)
        #expect(try directory.bytes(directory.keysFile(second)) == keysAfter)
    }

    @Test func garbageOverHalfTheFileIsCompactedIntoANewFile() throws {
        let directory = try Directory()
        let first = try Self.saved(2, in: directory)
        var version = 0
        var state = first
        // Post 0 extracted again and again: each run leaves its old block as garbage.
        while state.keysFile == first.keysFile {
            version += 1
            #expect(version < 10, "compacted within a few runs")
            if version >= 10 { return }
            state.posts[Self.path(0)] = Self.entry(0, version: version)
            try state.save(directory.stateFile)
            state = directory.state
        }
        #expect(!FileManager.default.fileExists(atPath: directory.keysFile(first).path), "the old file is removed")
        #expect(directory.keysFiles == [directory.keysFile(state).lastPathComponent])
        let live = state.posts.values.reduce(0) { total, entry in
            guard case .stored(let block)? = entry.askingKeys?.storage else { return total }
            return total + block.length
        }
        #expect(try directory.bytes(directory.keysFile(state)).count == AskingKeysFile.headerCount + live, "no garbage left")
        #expect(directory.savedKeys() == [Self.path(0): Self.keys(0, version: version), Self.path(1): Self.keys(1, version: 0)])
    }

    /// A run killed while appending (its blocks written in part, or whole but the state not
    /// saved yet): the state on disk still reads its own keys, and the next run appends after
    /// what the killed one left.
    @Test func aRunKilledInTheKeysFilesAppendLeavesTheSavedStateWhole() throws {
        let directory = try Directory()
        let first = try Self.saved(3, in: directory)
        let keysFirst = directory.savedKeys()
        for cut in [0, 7] {
            var killed = directory.state
            killed.posts[Self.path(0)] = Self.entry(0, version: 10 + cut)
            // Killed after the append's fsync, before the state's rename.
            #expect(try killed.storeAskingKeys(in: directory.url, reading: nil) == false)
            // Killed in the middle of the next one's write: part of a block.
            let descriptor = open(directory.keysFile(first).path, O_WRONLY | O_APPEND)
            let partial = Array(ExtractState.AskingKeys.init(Self.keys(0, version: 99)).encodedBytes.prefix(cut))
            _ = partial.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            close(descriptor)
            #expect(directory.state == first, "the saved state is the one before the killed run")
            #expect(directory.savedKeys() == keysFirst)
        }
        var next = directory.state
        next.posts[Self.path(2)] = Self.entry(2, version: 1)
        try next.save(directory.stateFile)
        #expect(directory.savedKeys() == [Self.path(0): Self.keys(0, version: 0), Self.path(1): Self.keys(1, version: 0),
                                          Self.path(2): Self.keys(2, version: 1)])
    }

    /// A run killed after writing a compacted file, before saving the state that points to it:
    /// the old state reads its old file, and the next save removes the orphan.
    @Test func aRunKilledAfterCompactingLeavesTheOldFileForTheOldState() throws {
        let directory = try Directory()
        var state = try Self.saved(2, in: directory)
        // Enough garbage that the next store compacts.
        for version in 1...2 {
            state.posts[Self.path(0)] = Self.entry(0, version: version)
            try state.save(directory.stateFile)
            state = directory.state
        }
        let before = directory.state
        let keysBefore = directory.savedKeys()
        var killed = before
        for index in 0..<2 { killed.posts[Self.path(index)] = Self.entry(index, version: 50) }
        #expect(try killed.storeAskingKeys(in: directory.url, reading: nil) == true, "compacted into a new file")
        #expect(directory.keysFiles.count == 2)
        #expect(directory.state == before)
        #expect(directory.savedKeys() == keysBefore)
        var next = directory.state
        next.posts[Self.path(1)] = Self.entry(1, version: 3)
        try next.save(directory.stateFile)
        #expect(directory.savedKeys()[Self.path(1)] == Self.keys(1, version: 3))
        let remaining = directory.state
        if remaining.keysFile != before.keysFile {
            #expect(directory.keysFiles == [directory.keysFile(remaining).lastPathComponent], "the orphan is removed")
        }
    }

    /// A keys file that is gone (or another one, or cut short): the posts whose keys were in it
    /// have none to read, and the next save drops their records, so that they are extracted.
    @Test func aLostKeysFileDropsThePostsWhoseKeysWereInIt() throws {
        let directory = try Directory()
        let first = try Self.saved(3, in: directory)
        unlink(directory.keysFile(first).path)
        #expect(directory.savedKeys().values.allSatisfy { $0 == nil }, "no keys read from a missing file")
        var next = directory.state
        next.posts[Self.path(1)] = Self.entry(1, version: 1)
        try next.save(directory.stateFile)
        #expect(directory.savedKeys() == [Self.path(1): Self.keys(1, version: 1)])

        // Cut short: the blocks past the end are not read, and their posts are dropped too.
        try FileManager.default.removeItem(at: directory.stateFile)
        let second = try Self.saved(3, in: directory)
        let file = directory.keysFile(second)
        #expect(truncate(file.path, off_t(AskingKeysFile.headerCount + 10)) == 0)
        #expect(directory.savedKeys().values.contains { $0 == nil })
        var third = directory.state
        third.posts[Self.path(2)] = Self.entry(2, version: 2)
        try third.save(directory.stateFile)
        let keys = directory.savedKeys()
        #expect(keys[Self.path(2)] == Self.keys(2, version: 2))
        #expect(keys.values.allSatisfy { $0 != nil }, "no record points at keys that cannot be read")
    }
}
