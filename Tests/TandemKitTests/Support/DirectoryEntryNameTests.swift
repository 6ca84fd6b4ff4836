import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// `DirectoryEntryName`: a `readdir` entry's name read in place. Copying `dirent.d_name` (256
/// bytes) read past short records and past the end of a full directory buffer: `extract` died
/// with SIGSEGV in one 5,000-post benchmark run, and AddressSanitizer (`make test-sanitize`)
/// reports that read on the big directory below every time.
@Suite("Directory entry names")
struct DirectoryEntryNameTests {
    /// Names of every length a file system allows, short ones most (the records that were
    /// over-read most), non-ASCII ones, and enough of them to fill several directory buffers.
    static func names() -> [String] {
        var names = (0..<1_500).map { String(format: "%04d.md", $0) }
        names += ["a.md", "测试文章.md", "résumé.md", String(repeating: "x", count: 252) + ".md", String(repeating: "文", count: 83) + ".md"]
        return names
    }

    /// A directory holding `names()` as posts, and each name dotted as a temporary file of a
    /// writer that is gone, last modified two hours ago.
    static func populatedDirectory() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory(prefix: "tandem-dirent")
        let posts = directory.url.appendingPathComponent("content/posts")
        try FileManager.default.createDirectory(at: posts, withIntermediateDirectories: true)
        let old = Date(timeIntervalSinceNow: -7200)
        for name in names() {
            try Data("今天发布了新的模型。\n".utf8).write(to: posts.appendingPathComponent(name))
            let temporary = posts.appendingPathComponent(".\(name.prefix(40)).tandem-tmp-2147483600-1")
            try Data("x".utf8).write(to: temporary)
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: temporary.path)
        }
        return directory
    }

    @Test func theContentListingReadsEveryNameWhole() throws {
        let directory = try Self.populatedDirectory()
        defer { directory.remove() }
        var listing = ContentListing()
        let root = directory.url.appendingPathComponent("content")
        let listed = listing.markdownFiles(under: root, reference: nil)
        let files = try #require(listed)
        #expect(files == Self.names().map { root.path + "/posts/" + $0 }.sorted())
    }

    @Test func theTemporaryFileSweepReadsEveryNameWhole() throws {
        let directory = try Self.populatedDirectory()
        defer { directory.remove() }
        let removed = TemporaryFile.removeStale(below: [directory.url], runStart: Date())
        #expect(Set(removed.map(\.lastPathComponent)) == Set(Self.names().map { ".\($0.prefix(40)).tandem-tmp-2147483600-1" }))
    }

    @Test func aNameIsReadUpToItsEndAndNoFurther() throws {
        let directory = try Self.populatedDirectory()
        defer { directory.remove() }
        let path = directory.url.appendingPathComponent("content/posts").path
        let stream = try #require(opendir(path))
        defer { closedir(stream) }
        var seen: Set<String> = []
        while let entry = readdir(stream) {
            let name = DirectoryEntryName.of(entry)
            // The record's length bounds the name: nothing after the NUL was read into it.
            #expect(name.utf8.count < Int(entry.pointee.d_reclen))
            seen.insert(name)
        }
        #expect(seen.isSuperset(of: Self.names()))
        #expect(seen.contains(".") && seen.contains(".."))
    }
}
