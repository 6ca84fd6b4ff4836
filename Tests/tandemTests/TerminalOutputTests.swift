import Foundation
import Testing
import TandemTestSupport

/// Progress bars and colour: on a terminal only, never under `NO_COLOR`, `--quiet` or `--json`.
/// A terminal is `script`'s pseudo-terminal (util-linux, on every Debian).
@Suite("Terminal output")
struct TerminalOutputTests {
    static let escape = "\u{1B}"

    /// A project of three posts, extracted, with one sentence translated and stored in the memory.
    static func project() throws -> TemporaryProject {
        let project = try TemporaryProject()
        for name in ["a", "b", "c"] {
            try project.write("---\ntitle: \"文章\(name)\"\n---\n\n我们每周整理一次用户意见和建议。\n", to: "content/posts/\(name).md")
        }
        #expect(try ExecutableRunner.run(["extract"], in: project.root).status == 0)
        var text = String(decoding: try project.read("locales/en/posts/a.json"), as: UTF8.self)
        let state = try #require(text.range(of: "\"state\" : \"new\""))
        text.replaceSubrange(state, with: "\"state\" : \"translated\",\n      \"target\" : \"Title\"")
        try project.write(text, to: "locales/en/posts/a.json")
        #expect(try ExecutableRunner.run(["tm", "rebuild"], in: project.root).status == 0)
        return project
    }

    /// What `tandem arguments` prints on a pseudo-terminal (both streams), with `environment`.
    static func onTerminal(_ arguments: [String], in directory: URL, environment: String = "") throws -> String {
        let command = "cd '\(directory.path)' && \(environment) '\(ExecutableRunner.tandem.path)' "
            + arguments.map { "'\($0)'" }.joined(separator: " ")
        let result = try ExternalTool.run(try #require(ExternalTool.path("script")), ["-q", "-e", "-c", command, "/dev/null"])
        #expect(result.status == 0, "\(result.output)")
        return result.output
    }

    @Test func noEscapeCodesWhenStandardErrorIsNotATerminal() throws {
        let project = try Self.project()
        defer { project.remove() }
        try FileManager.default.removeItem(at: project.root.appendingPathComponent("locales/en/posts/b.json"))
        for arguments in [["extract"], ["build"], ["stats"], ["tm", "lookup", "文章 x"]] {
            let result = try ExecutableRunner.run(arguments, in: project.root)
            #expect(result.status == 0, "\(arguments): \(result.standardError)")
            #expect(!(result.standardOutput + result.standardError).contains(Self.escape), "\(arguments)")
            #expect(!result.standardError.contains("\r"), "\(arguments): a progress line was drawn into a pipe")
        }
    }

    @Test(.enabled(if: ExternalTool.path("script") != nil, "script not installed (Debian util-linux)"))
    func aTerminalGetsAProgressBarAndColourButNoEscapeCodesUnderNoColor() throws {
        let project = try Self.project()
        defer { project.remove() }
        // The diff of a fuzzy match is coloured on a terminal…
        let coloured = try Self.onTerminal(["tm", "lookup", "--min", "50", "文章x"], in: project.root, environment: "env -u NO_COLOR")
        #expect(coloured.contains(Self.escape + "["), "\(coloured)")
        // …but not under NO_COLOR; an empty NO_COLOR does not count (no-color.org).
        let plain = try Self.onTerminal(["tm", "lookup", "--min", "50", "文章x"], in: project.root, environment: "NO_COLOR=1")
        #expect(plain.contains("diff:"))
        #expect(!plain.contains(Self.escape), "\(plain)")
        #expect(try Self.onTerminal(["tm", "lookup", "--min", "50", "文章x"], in: project.root, environment: "NO_COLOR=").contains(Self.escape))

        // The progress bar is drawn with carriage returns only: no escape code even on a terminal.
        let extract = try Self.onTerminal(["extract"], in: project.root, environment: "NO_COLOR=1")
        #expect(extract.contains("extracting [" + String(repeating: "#", count: 24) + "] 3/3"), "\(extract)")
        #expect(!extract.contains(Self.escape), "\(extract)")
    }

    @Test(.enabled(if: ExternalTool.path("script") != nil, "script not installed (Debian util-linux)"))
    func quietAndJSONDrawNoProgress() throws {
        let project = try Self.project()
        defer { project.remove() }
        let quiet = try Self.onTerminal(["extract", "--quiet"], in: project.root)
        #expect(!quiet.contains("extracting ["), "\(quiet)")
        #expect(quiet.contains("locales/en/posts/a.json"))
        let json = try Self.onTerminal(["stats", "--json"], in: project.root)
        #expect(!json.contains("counting ["), "\(json)")
        #expect(json.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("["))
    }
}
