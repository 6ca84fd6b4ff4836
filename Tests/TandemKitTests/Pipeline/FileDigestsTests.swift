import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// `FileDigests`: a file's digest comes from its record while its stamp is the recorded one, and
/// a record is made only for a file that had settled before the run read the file system's clock.
@Suite("File digests")
struct FileDigestsTests {
    @Test func aFileWrittenAfterTheClockReadingGetsNoRecord() throws {
        let directory = try TemporaryDirectory(prefix: "file-digests").url
        defer { try? FileManager.default.removeItem(at: directory) }
        let reference = try #require(FileSystemClock.now(in: directory))
        let url = directory.appendingPathComponent("post.md")
        try Data("服务器在北京。\n".utf8).write(to: url)
        let digests = FileDigests(records: [:], reference: reference)
        #expect(digests.digest("post.md", atPath: url.path) == FileDigests.digest(ofFileAt: url.path))
        // Its times are at or past the reading: a second save in the same tick could keep its stamp.
        #expect(digests.records["post.md"] == nil)
    }

    @Test func aSettledFileIsRecordedAndThenNotReadWhileItsStampHolds() throws {
        let directory = try TemporaryDirectory(prefix: "file-digests").url
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("post.md")
        try Data("服务器在北京。\n".utf8).write(to: url)
        let stamp = try #require(FileStamp(path: url.path))
        var reference = try #require(FileSystemClock.now(in: directory))
        while !stamp.isSettled(before: reference) {
            usleep(1_000)
            reference = try #require(FileSystemClock.now(in: directory))
        }
        let digests = FileDigests(records: [:], reference: reference)
        let digest = try #require(digests.digest("post.md", atPath: url.path))
        #expect(digests.records["post.md"] == ExtractState.FileRecord(stamp: stamp, digest: digest))
        // A record with the file's stamp is believed without reading the file...
        let trusting = FileDigests(records: ["post.md": ExtractState.FileRecord(stamp: stamp, digest: 42)], reference: reference)
        #expect(trusting.digest("post.md", atPath: url.path) == 42)
        // ...and one with another stamp is not.
        var moved = stamp
        moved.changed += 1
        let doubting = FileDigests(records: ["post.md": ExtractState.FileRecord(stamp: moved, digest: 42)], reference: reference)
        #expect(doubting.digest("post.md", atPath: url.path) == digest)
    }

    @Test func aMissingFileHasNoDigestAndLosesItsRecord() throws {
        let directory = try TemporaryDirectory(prefix: "file-digests").url
        defer { try? FileManager.default.removeItem(at: directory) }
        let stamp = FileStamp(device: 1, inode: 2, size: 3, modified: 4, changed: 5)
        let digests = FileDigests(records: ["gone.md": ExtractState.FileRecord(stamp: stamp, digest: 42)], reference: nil)
        #expect(digests.digest("gone.md", atPath: directory.appendingPathComponent("gone.md").path) == nil)
        #expect(digests.records.isEmpty)
    }
}
