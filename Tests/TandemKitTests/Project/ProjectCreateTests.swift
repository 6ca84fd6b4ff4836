import Foundation
import Testing
import TandemKit
import TandemTestSupport

/// `Project.create` (what `tandem init` does) and finding a project from a directory.
@Suite("Creating and finding a project")
struct ProjectCreateTests {
    static let zh = LocaleTag("zh-CN")!
    static let en = LocaleTag("en")!
    static let ja = LocaleTag("ja")!

    @Test func createWritesTheLayoutThatOpensAgain() throws {
        let directory = try TemporaryDirectory(prefix: "tandem-create")
        defer { directory.remove() }
        let configuration = ProjectConfiguration(source: Self.zh, targets: [Self.en, Self.ja], content: "site")
        try Project.create(at: directory.url, configuration: configuration)

        let layout = ProjectLayout(root: directory.url)
        for url in [layout.configurationFile, layout.glossaryDirectory(source: Self.zh), layout.tmxDirectory,
                    layout.localeRulesFile(for: Self.zh), layout.localeRulesFile(for: Self.en),
                    layout.localeRulesFile(for: Self.ja), directory.url.appendingPathComponent("site")] {
            #expect(FileManager.default.fileExists(atPath: url.path), "\(url.path)")
        }
        #expect(try String(contentsOf: directory.url.appendingPathComponent(".gitignore"), encoding: .utf8) == ".tandem/\n*.tandem-tmp-*\n")
        // Found from a directory inside it.
        let opened = try Project.open(searchingFrom: directory.url.appendingPathComponent("site"))
        #expect(opened.configuration == configuration)
        #expect(opened.memoryAddress() == .sqlite(path: layout.defaultMemoryFile.path))
    }

    @Test func createChangesNothingInAnExistingProject() throws {
        let directory = try TemporaryDirectory(prefix: "tandem-create")
        defer { directory.remove() }
        try Project.create(at: directory.url, configuration: ProjectConfiguration(source: Self.zh, targets: [Self.en]))
        let configFile = ProjectLayout(root: directory.url).configurationFile
        let before = try Data(contentsOf: configFile)
        #expect(throws: TandemError.alreadyExists(path: configFile.path, reason: "a project already exists here; nothing was changed")) {
            try Project.create(at: directory.url, configuration: ProjectConfiguration(source: Self.ja, targets: []))
        }
        #expect(try Data(contentsOf: configFile) == before)
    }

    @Test func createKeepsTheGitignoreAndAddsTheMemoryOnce() throws {
        let directory = try TemporaryDirectory(prefix: "tandem-create")
        defer { directory.remove() }
        let ignore = directory.url.appendingPathComponent(".gitignore")
        try "public/\nresources".write(to: ignore, atomically: true, encoding: .utf8)
        try Project.create(at: directory.url, configuration: ProjectConfiguration(source: Self.zh, targets: [Self.en]))
        #expect(try String(contentsOf: ignore, encoding: .utf8) == "public/\nresources\n.tandem/\n*.tandem-tmp-*\n")
    }

    @Test func withoutAProjectOpenSaysWhereItLooked() throws {
        let directory = try TemporaryDirectory(prefix: "tandem-none")
        defer { directory.remove() }
        let start = directory.url.standardizedFileURL
        #expect(throws: TandemError.projectNotFound(searchedFrom: start.path)) {
            try Project.open(searchingFrom: start)
        }
    }
}
