import Foundation
import Testing
import TandemTestSupport

/// Issue 14, full disks: a built project with a memory on an 8 MB tmpfs, filled to leave from
/// 4 KB to a few MB free (56 levels); at each, one of `extract`, `build`, `tm import` and
/// `import` (in turn) has new work. It either succeeds or exits 2 with the file and "No space
/// left on device" (never "disk I/O error" or "not a Tandem memory"), every output as it was
/// and the memory sound with its units; with the space back, the same command succeeds and no
/// temporary file is left.
@Suite("Full disk", .serialized)
struct DiskFullTests {
    static let levels = 56
    static let commands = ["extract", "build", "tm import", "import"]

    /// Bytes left free at `level`: from one page up, growing by 13% a level.
    static func freeBytes(_ level: Int) -> Int { 4096 * max(1, Int(pow(1.13, Double(level)))) }

    @Test(.enabled(if: SmallFileSystem.canMount, Comment(rawValue: SmallFileSystem.cannotMountMessage)))
    func everyCommandOnAFullDiskSaysSoAndLosesNothing() throws {
        let disk = try SmallFileSystem(megabytes: 8)
        defer { disk.unmount() }
        let outside = try TemporaryDirectory(prefix: "tandem-disk-full-inputs")
        defer { outside.remove() }
        let project = disk.mountPoint.appendingPathComponent("project")
        try Self.makeBuiltProject(at: project)

        var failures: [String: Int] = [:]
        var successes: [String: Int] = [:]
        var firstSuccess: [String: Int] = [:]
        for level in 0..<Self.levels {
            let command = Self.commands[level % Self.commands.count]
            let arguments = try Self.prepare(command, level: level, project: project, inputs: outside.url)
            let before = try Self.snapshot(project)
            let unitsBefore = try Self.sqlite(project, "SELECT count(*) FROM unit")

            try disk.leave(Self.freeBytes(level))
            let run = try ExecutableRunner.run(arguments, in: project)
            disk.removeFiller()

            let context = "level \(level) (\(Self.freeBytes(level)) bytes free), tandem \(arguments.joined(separator: " "))"
            if run.status == 0 {
                successes[command, default: 0] += 1
                if firstSuccess[command] == nil { firstSuccess[command] = Self.freeBytes(level) }
            } else {
                failures[command, default: 0] += 1
                #expect(run.status == 2, "\(context): \(run.standardError)")
                let error = run.standardError.lowercased()
                #expect(error.contains("no space left on device"), "\(context): \(run.standardError)")
                #expect(!error.contains("disk i/o error") && !error.contains("not a tandem memory"), "\(context): \(run.standardError)")
                // The file it could not write, as FILE:1:1: error: (relative to the project, where it runs).
                #expect(run.standardError.contains(":1:1: error: "), "\(context): \(run.standardError)")
                #expect(try Self.snapshot(project) == before, "\(context): an output changed")
                #expect(try Self.sqlite(project, "SELECT count(*) FROM unit") == unitsBefore, "\(context)")
            }
            #expect(try Self.sqlite(project, "PRAGMA integrity_check") == "ok", "\(context)")
            let left = try Self.temporaryFiles(disk.mountPoint)
            #expect(left.isEmpty, "\(context): \(left)")
            if run.status != 0 {
                let again = try ExecutableRunner.run(arguments, in: project)
                #expect(again.status == 0, "\(context), again with the space back: \(again.standardError)")
                #expect(try Self.temporaryFiles(disk.mountPoint).isEmpty, "\(context)")
            }
        }
        for command in Self.commands {
            #expect((failures[command] ?? 0) > 0, "\(command) never met the full disk")
            #expect((successes[command] ?? 0) > 0, "\(command) never had enough space")
        }
        print("disk full: \(Self.levels) levels from \(Self.freeBytes(0)) to \(Self.freeBytes(Self.levels - 1)) bytes free; "
            + Self.commands.map { "\($0): \(failures[$0] ?? 0) refused, \(successes[$0] ?? 0) done (first at \(firstSuccess[$0].map(String.init) ?? "-") bytes)" }.joined(separator: "; "))
    }

    /// Posts extracted, translated, built, with a TMX imported: every kind of output exists.
    static func makeBuiltProject(at project: URL) throws {
        try FileManager.default.createDirectory(at: project.appendingPathComponent("content/posts"), withIntermediateDirectories: true)
        try "source: zh-CN\ntargets: [en]\ncontent: content\n".write(to: project.appendingPathComponent("tandem.yml"), atomically: true, encoding: .utf8)
        for post in 0..<6 {
            let body = (0..<12).map { "第\(post)篇文章的第\($0)句话讲到了\(ConcurrencyFixture.topic($0))的进展。" }
            try "---\ntitle: 报告\(post)\n---\n\(body.joined())\n".write(to: project.appendingPathComponent("content/posts/p\(post).md"), atomically: true, encoding: .utf8)
        }
        #expect(try ExecutableRunner.run(["extract"], in: project).status == 0)
        for post in 0..<6 { try ConcurrencyFixture.translate(project.appendingPathComponent("locales/en/posts/p\(post).json")) }
        let extract = try ExecutableRunner.run(["extract"], in: project)
        #expect(extract.status == 0, "\(extract.standardError)")
        let build = try ExecutableRunner.run(["build"], in: project)
        #expect(build.status == 0, "\(build.standardError)")
        #expect(try sqlite(project, "SELECT count(*) FROM unit") != "0")
    }

    /// Gives `command` new work for `level` and returns its arguments.
    static func prepare(_ command: String, level: Int, project: URL, inputs: URL) throws -> [String] {
        switch command {
        case "extract":
            // A writer adds a sentence to a post.
            let post = project.appendingPathComponent("content/posts/p0.md")
            try (String(contentsOf: post, encoding: .utf8) + "第\(level)次补充的句子。\n").write(to: post, atomically: true, encoding: .utf8)
            return ["extract"]
        case "build":
            // A translator edits a target.
            let file = project.appendingPathComponent("locales/en/posts/p1.json")
            let text = try String(contentsOf: file, encoding: .utf8)
            try text.replacingOccurrences(of: "\"EN ", with: "\"EN \(level) ").write(to: file, atomically: true, encoding: .utf8)
            return ["build"]
        case "tm import":
            let units = (0..<40).map { "<tu><tuv xml:lang=\"zh-CN\"><seg>第\(level)批第\($0)条记录。</seg></tuv><tuv xml:lang=\"en\"><seg>Batch \(level) record \($0).</seg></tuv></tu>\n" }
            let tmx = inputs.appendingPathComponent("batch\(level).tmx")
            try Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header srclang=\"zh-CN\" datatype=\"plaintext\" segtype=\"sentence\" adminlang=\"en\" o-tmf=\"x\" creationtool=\"test\" creationtoolversion=\"1\"/><body>\n\(units.joined())</body></tmx>\n".utf8).write(to: tmx)
            return ["tm", "import", tmx.path]
        default:
            // A translator returns an XLIFF of a post with every target revised.
            let xliff = inputs.appendingPathComponent("returned\(level).xlf")
            let export = try ExecutableRunner.run(["export", "--locale", "en", "-o", xliff.path, "content/posts/p2.md"], in: project)
            #expect(export.status == 0, "\(export.standardError)")
            let text = try String(contentsOf: xliff, encoding: .utf8)
            // The targets only: the exported target in the unit's context must stay as exported.
            let revised = text.replacingOccurrences(of: "<target state=\"translated\">EN ", with: "<target state=\"translated\">EN r\(level) ")
            #expect(revised != text)
            try revised.write(to: xliff, atomically: true, encoding: .utf8)
            return ["import", xliff.path]
        }
    }

    /// Every file of the project but the derived `.tandem/` (the memory is checked by its units).
    static func snapshot(_ project: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: project, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            if url.lastPathComponent == ".tandem" { enumerator?.skipDescendants(); continue }
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            files[String(url.path.dropFirst(project.path.count))] = try Data(contentsOf: url)
        }
        return files
    }

    /// Temporary files anywhere on the disk (Tandem's, and SQLite's rollback journals).
    static func temporaryFiles(_ root: URL) throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: root.path).filter { $0.contains(".tandem-tmp-") || $0.hasSuffix("-journal") }
    }

    static func sqlite(_ project: URL, _ sql: String) throws -> String {
        let run = try ExternalTool.run("/usr/bin/sqlite3", [project.appendingPathComponent(".tandem/memory.sqlite").path, sql])
        return run.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
