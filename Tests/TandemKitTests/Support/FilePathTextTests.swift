import Foundation
import Testing
import TandemTestSupport
@testable import TandemKit

/// `FilePathText` must mean what `URL` means: paths checked by text give the same answers.
@Suite("File paths as text")
struct FilePathTextTests {
    static let paths = [
        "/", "/a", "/a/", "/a/b/c.md", "//a//b///c", "/a/./b/./", "/a/b/../c", "/a/b/../../..", "/../a", "/a/..",
        "/a/b/..", "/a/.../b", "/a/..b/c", "/a/b./c", "/项目/内容/文章.md", "/a b/c%20d/e#f?g.md", "/a/b/.md",
        "/a/\u{65}\u{301}/x", "/a/./../b/./c/..", "/tmp/x/locales/en/../../content/posts/a.json",
    ]

    @Test(arguments: paths)
    func standardizedIsURLsStandardizedPath(_ path: String) {
        #expect(FilePathText.standardized(path) == URL(fileURLWithPath: path).standardizedFileURL.path)
    }

    @Test(arguments: paths)
    func parentAndLastComponentAreURLs(_ path: String) {
        let standard = FilePathText.standardized(path)
        let url = URL(fileURLWithPath: standard)
        #expect(FilePathText.parent(standard) == url.deletingLastPathComponent().standardizedFileURL.path)
        if standard != "/" { #expect(String(FilePathText.lastComponent(standard)) == url.lastPathComponent) }
    }

    @Test func relativeAndInsideAreByWholeComponents() {
        #expect(FilePathText.relative("/p/content/posts/a.md", to: "/p/content") == "posts/a.md")
        #expect(FilePathText.relative("/p/contents/a.md", to: "/p/content") == "/p/contents/a.md")
        #expect(FilePathText.isInside("/p/locales/en/a.json", "/p/locales"))
        #expect(FilePathText.isInside("/p/locales", "/p/locales"))
        #expect(!FilePathText.isInside("/p/localesx/a.json", "/p/locales"))
        #expect(FilePathText.isInside("/p", "/"))
    }

    /// Links in the existing part are resolved, the rest kept as written.
    @Test func existingLinksAreResolvedTheRestKept() throws {
        let directory = try TemporaryDirectory(prefix: "file-path-text")
        defer { directory.remove() }
        let root = FilePathText.resolvingExistingSymlinks(FilePathText.standardized(directory.url.path))
        try FileManager.default.createDirectory(atPath: root + "/real/inner", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: "real")
        try FileManager.default.createSymbolicLink(atPath: root + "/dangling", withDestinationPath: root + "/nowhere/file")
        #expect(FilePathText.resolvingExistingSymlinks(root + "/link/inner/new/a.json") == root + "/real/inner/new/a.json")
        #expect(FilePathText.resolvingExistingSymlinks(root + "/link") == root + "/real")
        #expect(FilePathText.resolvingExistingSymlinks(root + "/missing/x") == root + "/missing/x")
        // A dangling link is not followed here (it does not exist); `ProjectBoundary` follows it.
        #expect(FilePathText.resolvingExistingSymlinks(root + "/dangling") == root + "/dangling")
        #expect(ProjectBoundary.destination(ofPath: root + "/dangling") == root + "/nowhere/file")
    }
}
