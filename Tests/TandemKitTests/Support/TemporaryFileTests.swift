import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// Issue 14, item 9: temporary files of killed runs went nowhere; a live run's must stay.
@Suite("Temporary files")
struct TemporaryFileTests {
    @Test func namesCarryTheMarkerAndTheWriter() {
        let name = TemporaryFile.name(beside: URL(fileURLWithPath: "/p/locales/en/a.json")).lastPathComponent
        #expect(name.hasPrefix(".a.json.tandem-tmp-\(getpid())-"))
        #expect(TemporaryFile.writer(ofName: name) == getpid())
        #expect(TemporaryFile.writer(ofName: ".a.json.tandem-tmp-123-ab-wal") == 123)
        #expect(TemporaryFile.writer(ofName: "a.json") == nil)
    }

    @Test func onlyFilesOfGoneWritersFromBeforeTheRunAreRemoved() throws {
        let directory = try TemporaryDirectory(prefix: "tandem-tmpfiles")
        defer { directory.remove() }
        let nested = directory.url.appendingPathComponent("locales/en")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        let files = [
            "gone": nested.appendingPathComponent(".a.json.tandem-tmp-2147483600-1"),
            "live": nested.appendingPathComponent(".b.json.tandem-tmp-\(getpid())-2"),
            "legacy": nested.appendingPathComponent(".c.json.tmp-\(UUID().uuidString)"),
            "recentLegacy": nested.appendingPathComponent(".d.json.tmp-\(UUID().uuidString)"),
            "post": nested.appendingPathComponent("e.json"),
            "inGit": directory.url.appendingPathComponent(".git/.x.tandem-tmp-2147483600-3"),
        ]
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let old = Date(timeIntervalSinceNow: -7200)
        for (key, url) in files {
            try Data("x".utf8).write(to: url)
            if key != "recentLegacy" { try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: url.path) }
        }
        let removed = TemporaryFile.removeStale(below: [directory.url], runStart: Date())
        #expect(Set(removed.map(\.lastPathComponent)) == [files["gone"]!.lastPathComponent, files["legacy"]!.lastPathComponent])
        for key in ["live", "recentLegacy", "post", "inGit"] {
            #expect(FileManager.default.fileExists(atPath: files[key]!.path), "\(key)")
        }
    }

    /// A killed rebuild's new memory has an index folder named after it; a live rebuild's stays.
    @Test func theIndexFolderOfAGoneWritersMemoryIsRemoved() throws {
        let directory = try TemporaryDirectory(prefix: "tandem-tmpfiles")
        defer { directory.remove() }
        let gone = directory.url.appendingPathComponent(".memory.sqlite.tandem-tmp-2147483600-1.index")
        let live = directory.url.appendingPathComponent(".memory.sqlite.tandem-tmp-\(getpid())-2.index")
        let memoryIndex = directory.url.appendingPathComponent("memory.sqlite.index")
        for folder in [gone, live, memoryIndex] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("x".utf8).write(to: folder.appendingPathComponent("zh-CN.1-9.r0.tmi"))
        }
        let removed = TemporaryFile.removeStale(in: directory.url, runStart: Date())
        #expect(removed.map(\.lastPathComponent) == [gone.lastPathComponent])
        #expect(!FileManager.default.fileExists(atPath: gone.path))
        #expect(FileManager.default.fileExists(atPath: live.path))
        #expect(FileManager.default.fileExists(atPath: memoryIndex.path))
    }

    /// The walk enters neither `node_modules` nor a link to a directory (which may lead out of
    /// the project); a temporary file directly below the root is found.
    @Test func neitherNodeModulesNorALinkedDirectoryIsEntered() throws {
        let directory = try TemporaryDirectory(prefix: "tandem-tmpfiles")
        let outside = try TemporaryDirectory(prefix: "tandem-tmpfiles-outside")
        defer {
            directory.remove()
            outside.remove()
        }
        let modules = directory.url.appendingPathComponent("node_modules/pkg")
        try FileManager.default.createDirectory(at: modules, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: directory.url.appendingPathComponent("linked"), withDestinationURL: outside.url)
        let kept = [modules.appendingPathComponent(".a.tandem-tmp-2147483600-1"), outside.url.appendingPathComponent(".b.tandem-tmp-2147483600-2")]
        let gone = directory.url.appendingPathComponent(".c.tandem-tmp-2147483600-3")
        let old = Date(timeIntervalSinceNow: -7200)
        for url in kept + [gone] {
            try Data("x".utf8).write(to: url)
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: url.path)
        }
        let removed = TemporaryFile.removeStale(below: [directory.url], runStart: Date())
        #expect(removed.map(\.lastPathComponent) == [gone.lastPathComponent])
        for url in kept { #expect(FileManager.default.fileExists(atPath: url.path), "\(url.path)") }
    }

    @Test func aFileWrittenAfterTheRunStartedIsKept() throws {
        let directory = try TemporaryDirectory(prefix: "tandem-tmpfiles")
        defer { directory.remove() }
        let url = directory.url.appendingPathComponent(".a.json.tandem-tmp-2147483600-1")
        let start = Date(timeIntervalSinceNow: -60)
        try Data("x".utf8).write(to: url)
        #expect(TemporaryFile.removeStale(below: [directory.url], runStart: start).isEmpty)
    }
}
