import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// `ContentListing`: the Markdown files under a directory, as `FileManager`'s enumerator finds
/// them, with each settled directory's entries reused while its stamp holds, and every change
/// to a directory's entries seen.
@Suite("Content listing")
struct ContentListingTests {
    /// A content directory in a temporary directory.
    final class Tree {
        let temporary: TemporaryDirectory
        var root: URL { temporary.url.appendingPathComponent("content") }

        init() throws {
            temporary = try TemporaryDirectory(prefix: "content-listing")
            for path in ["posts/0000.md", "posts/0001.MD", "posts/notes.txt", "posts/deep/a.markdown", "posts/deep/b.en.md",
                         "about.md", ".hidden/c.md", "posts/.md"] {
                try write(path)
            }
        }

        deinit { temporary.remove() }

        @discardableResult
        func write(_ path: String) throws -> URL {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("今天发布了新的模型。\n".utf8).write(to: url)
            return url
        }

        /// What the enumerator lists (as `Project.candidatePosts(_:)` walks), sorted.
        var enumerated: [String] {
            var paths: [String] = []
            for case let url as URL in FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)! {
                let ext = url.pathExtension.lowercased()
                if ext == "md" || ext == "markdown" { paths.append(url.path) }
            }
            return paths.sorted()
        }

        /// The file system's time, waited for until every directory of the tree has settled.
        func settledReference() throws -> FileSystemClock.Time {
            let directories = [root.path] + FileManager.default.enumerator(atPath: root.path)!.compactMap { $0 as? String }
                .map { root.appendingPathComponent($0).path }
                .filter { var isDirectory: ObjCBool = false; return FileManager.default.fileExists(atPath: $0, isDirectory: &isDirectory) && isDirectory.boolValue }
            for _ in 0..<2_000 {
                let now = try #require(FileSystemClock.now(in: temporary.url.appendingPathComponent(".tandem")))
                if directories.allSatisfy({ FileStamp(path: $0)?.isSettled(before: now) == true }) { return now }
                usleep(1_000)
            }
            throw TandemError.invalidArgument("the file system's clock did not move")
        }

        /// A listing of the settled tree, every directory recorded.
        func settledListing() throws -> ContentListing {
            var listing = ContentListing()
            let reference = try settledReference()
            #expect(listing.markdownFiles(under: root, reference: reference) == enumerated)
            #expect(listing.directories.count == 4, "every settled directory is recorded: \(listing.directories.keys.sorted())")
            return listing
        }
    }

    @Test func listsWhatTheEnumeratorLists() throws {
        let tree = try Tree()
        var listing = ContentListing()
        let files = listing.markdownFiles(under: tree.root, reference: nil)
        #expect(files == tree.enumerated)
        #expect(files?.contains(tree.root.appendingPathComponent("posts/0001.MD").path) == true)
        #expect(files?.contains(tree.root.appendingPathComponent("posts/notes.txt").path) == false)
        #expect(listing.directories.isEmpty, "no clock reading, no record")
    }

    @Test func aRecordedDirectoryIsNotReadAgainWhileItsStampHolds() throws {
        let tree = try Tree()
        var listing = try tree.settledListing()
        // A record that says otherwise is believed while the stamp holds: the directory is not read.
        listing.directories["posts/deep"]!.markdownFiles = ["recorded-only.md"]
        let files = listing.markdownFiles(under: tree.root, reference: try tree.settledReference())
        #expect(files?.contains(tree.root.appendingPathComponent("posts/deep/recorded-only.md").path) == true)
        #expect(files?.contains(tree.root.appendingPathComponent("posts/deep/a.markdown").path) == false)
    }

    @Test func aNewPostIsListed() throws {
        let tree = try Tree()
        var listing = try tree.settledListing()
        try tree.write("posts/deep/new.md")
        #expect(listing.markdownFiles(under: tree.root, reference: try tree.settledReference()) == tree.enumerated)
        #expect(tree.enumerated.contains(tree.root.appendingPathComponent("posts/deep/new.md").path))
    }

    @Test func aDeletedPostIsNoLongerListed() throws {
        let tree = try Tree()
        var listing = try tree.settledListing()
        try FileManager.default.removeItem(at: tree.root.appendingPathComponent("posts/0000.md"))
        let files = listing.markdownFiles(under: tree.root, reference: try tree.settledReference())
        #expect(files == tree.enumerated)
        #expect(files?.contains(tree.root.appendingPathComponent("posts/0000.md").path) == false)
    }

    @Test func aRenamedDirectoryIsListedUnderItsNewName() throws {
        let tree = try Tree()
        var listing = try tree.settledListing()
        try FileManager.default.moveItem(at: tree.root.appendingPathComponent("posts/deep"), to: tree.root.appendingPathComponent("posts/moved"))
        let files = listing.markdownFiles(under: tree.root, reference: try tree.settledReference())
        #expect(files == tree.enumerated)
        #expect(files?.contains(tree.root.appendingPathComponent("posts/moved/a.markdown").path) == true)
        #expect(listing.directories["posts/deep"] == nil && listing.directories["posts/moved"] != nil)
    }

    /// A directory changed within the clock tick of the listing (its times not older than the
    /// reading taken before the walk) is not recorded: a post added in that same tick, which
    /// may leave the directory's times as they were, is found by the next listing.
    @Test func aPostAddedInTheSameTickAsTheListingIsFound() throws {
        let tree = try Tree()
        var listing = try tree.settledListing()
        try tree.write("posts/same-tick-1.md")
        let stamp = try #require(FileStamp(path: tree.root.appendingPathComponent("posts").path))
        // The clock read as if in the tick of that change: the change is not settled.
        let sameTick = FileSystemClock.Time(device: stamp.device, nanoseconds: max(stamp.modified, stamp.changed))
        #expect(listing.markdownFiles(under: tree.root, reference: sameTick) == tree.enumerated)
        #expect(listing.directories["posts"] == nil, "an unsettled directory is not recorded")
        #expect(listing.directories[""] != nil)
        try tree.write("posts/same-tick-2.md")
        #expect(listing.markdownFiles(under: tree.root, reference: sameTick) == tree.enumerated)
        #expect(tree.enumerated.contains(tree.root.appendingPathComponent("posts/same-tick-2.md").path))
    }

    @Test func aSymbolicLinkLeavesTheListingToTheEnumerator() throws {
        let tree = try Tree()
        var listing = try tree.settledListing()
        try FileManager.default.createSymbolicLink(at: tree.root.appendingPathComponent("posts/link.md"),
                                                   withDestinationURL: tree.root.appendingPathComponent("about.md"))
        #expect(listing.markdownFiles(under: tree.root, reference: try tree.settledReference()) == nil)
    }
}
