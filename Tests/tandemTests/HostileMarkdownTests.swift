import Foundation
import Testing
import TandemTestSupport

/// Markdown nested far deeper than any real post. Past `MarkdownParser.nestingLimit` (1,000
/// levels) a clear error with exit 2 and nothing written; up to it, extract and build finish.
/// Either way quickly, in little memory, and without a crash (the walks use no recursion).
@Suite("Hostile Markdown")
struct HostileMarkdownTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var body: String
        /// `line:column` of the first node past the limit (the body starts on line 4; a paragraph's
    /// text is a level deeper than the paragraph).
        var position = ""
        var testDescription: String { name }
    }

    static let tooDeep: [Case] = [
        Case(name: "100k nested blockquotes", body: String(repeating: ">", count: 100_000) + " 深处的句子。\n", position: "4:1001"),
        Case(name: "100k nested list items", body: String(repeating: "- ", count: 100_000) + "深处的句子。\n", position: "4:1001"),
        Case(name: "100k nested ordered list items", body: String(repeating: "1. ", count: 100_000) + "深处的句子。\n", position: "4:1501"),
        Case(name: "1001 nested blockquotes, one more per line", body: (1...1_001).map { String(repeating: ">", count: $0) + "\n" }.joined() + "深处的句子。\n", position: "1004:1001"),
        // cmark gives these emphasis nodes no position: the paragraph's is reported.
        Case(name: "50k nested emphasis", body: String(repeating: "*", count: 50_000) + "深处的句子。" + String(repeating: "*", count: 50_000) + "\n", position: "4:1"),
        // The paragraph is level 1, so image 1,000 is level 1,001.
        Case(name: "20k nested images", body: String(repeating: "![", count: 20_000) + "深处的句子。" + String(repeating: "](a.png)", count: 20_000) + "\n", position: "4:1999"),
    ]

    @Test(arguments: tooDeep)
    func nestingPastTheLimitIsAClearError(_ row: Case) throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("---\ntitle: \"深\"\n---\n" + row.body, to: "content/posts/deep.md")
        for command in ["extract", "build"] {
            let result = try Self.run([command], in: project)
            #expect(result.status == 2, "\(command): \(result.standardError.prefix(300))")
            #expect(result.standardError.contains("content/posts/deep.md:\(row.position): error: Markdown nested deeper than 1000 levels"), "\(result.standardError.prefix(300))")
        }
        // No segment file, no translation, no temporary file (the memory is opened first; the
        // project lock's and the memory lock's files stay, empty of a holder, as lock files do; the extract state
        // records what finding the posts learnt, the post's language, for the next run).
        #expect(try Set(Self.files(in: project)).subtracting([".tandem/extract-state.bin"]) == [
            "tandem.yml", "content/posts/deep.md", ".tandem/memory.sqlite", ".tandem/lock", ".tandem/memory.sqlite.lock",
        ])
    }

    static let deepButAllowed: [Case] = [
        Case(name: "998 nested blockquotes", body: String(repeating: ">", count: 998) + " 深处的句子。\n"),
        Case(name: "499 nested list items", body: String(repeating: "- ", count: 499) + "深处的句子。\n"),
        Case(name: "1000 emphasis markers", body: String(repeating: "*", count: 1_000) + "深处的句子。" + String(repeating: "*", count: 1_000) + "\n"),
        Case(name: "900 nested images", body: String(repeating: "![", count: 900) + "深处的句子。" + String(repeating: "](a.png)", count: 900) + "\n"),
    ]

    @Test(arguments: deepButAllowed)
    func nestingUpToTheLimitIsExtractedAndBuilt(_ row: Case) throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("---\ntitle: \"深\"\n---\n" + row.body, to: "content/posts/deep.md")

        let extract = try Self.run(["extract"], in: project)
        #expect(extract.status == 0, "\(extract.standardError.prefix(300))")
        let segments = String(decoding: try project.read("locales/en/posts/deep.json"), as: UTF8.self)
        #expect(segments.contains("深处的句子。"))

        #expect(try Self.run(["pseudo", "--locale", "en", "--style", "brackets"], in: project).status == 0)
        let build = try Self.run(["build"], in: project)
        #expect(build.status == 0, "\(build.standardError.prefix(300))")
        let english = String(decoding: try project.read("content/posts/deep.en.md"), as: UTF8.self)
        #expect(english.contains("⟦深处的句子。"), "\(english.suffix(200))")

        // The memory, the segment file, the translation, the records of both (the extract's
        // asking keys in a file named by a random id): no temporary file is left.
        let files = try Self.files(in: project)
        let keysFiles = files.filter { $0.hasPrefix(".tandem/extract-keys-") && $0.hasSuffix(".bin") }
        #expect(keysFiles.count == 1, "\(keysFiles)")
        #expect(files.subtracting(keysFiles) == [
            "tandem.yml", "content/posts/deep.md", "content/posts/deep.en.md", "locales/en/posts/deep.json", ".tandem/memory.sqlite",
            ".tandem/extract-state.bin", "locales/.built.json", ".tandem/lock", ".tandem/memory.sqlite.lock",
        ])
    }

    /// Runs `tandem` and checks its CPU time and peak memory.
    static func run(_ arguments: [String], in project: TemporaryProject) throws -> ExecutableRunner.Result {
        let (result, resources) = try ExecutableRunner.runMeasuringResources(arguments, in: project.root)
        if let resources {
            #expect(resources.cpuSeconds < 3, "\(arguments[0]): CPU time \(resources.cpuSeconds) s")
            #expect(resources.peakKilobytes < 200 * 1024, "\(arguments[0]): peak memory \(resources.peakKilobytes) KB")
        }
        return result
    }

    /// Every regular file under the project, relative to its root.
    static func files(in project: TemporaryProject) throws -> Set<String> {
        let root = project.root.resolvingSymlinksInPath().path + "/"
        var files: Set<String> = []
        for case let url as URL in FileManager.default.enumerator(at: project.root, includingPropertiesForKeys: [.isRegularFileKey]) ?? .init() {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            files.insert(url.resolvingSymlinksInPath().path.replacingOccurrences(of: root, with: ""))
        }
        return files
    }
}
