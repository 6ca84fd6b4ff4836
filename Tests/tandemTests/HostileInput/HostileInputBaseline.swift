import Foundation
import Testing
import TandemTestSupport

/// The healthy project every hostile case starts from, made once per test run: a post with
/// bold text and a link, extracted, translated by hand (origin human), built; a memory with
/// units and its TMX kept in `tm/`; the locale exported as XLIFF 1.2, XLIFF 2.1 and PO. Each
/// case works in a copy, so what a case must not change is real work.
///
/// Outside the project sit a secret file that no XML case may open, and a directory that
/// symbolic links point into (nothing may be written there).
final class HostileInputBaseline: Sendable {
    static let post = """
        ---
        title: "杭州的新模型"
        translations: [zh-CN, en]
        ---

        阿里巴巴在**杭州**发布了[新模型](https://example.com/model)。它很快。

        详见[官方网站](https://example.com/)。

        """
    static let postPath = "content/posts/good.md"
    static let segmentFilePath = "locales/en/posts/good.json"
    static let builtPostPath = "content/posts/good.en.md"
    static let secretText = "TOP-SECRET-7f3a91"

    /// Hand-written targets for the post's segments, by source.
    static let targets = [
        "杭州的新模型": "Hangzhou's new model",
        "阿里巴巴在{1}杭州{/1}发布了{2}新模型{/2}。": "Alibaba released a {2}new model{/2} in {1}Hangzhou{/1}.",
        "它很快。": "It is fast.",
        "详见{1}官方网站{/1}。": "See the {1}official website{/1}.",
    ]

    static let seedTMX = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4">
        <header creationtool="hand" creationtoolversion="1" segtype="sentence" o-tmf="none" adminlang="en" srclang="zh-CN" datatype="plaintext"/>
        <body>
        <tu><tuv xml:lang="zh-CN"><seg>今天天气很好。</seg></tuv><tuv xml:lang="en"><seg>The weather is fine today.</seg></tuv></tu>
        <tu><tuv xml:lang="zh-CN"><seg>会议明天开始。</seg></tuv><tuv xml:lang="en"><seg>The meeting starts tomorrow.</seg></tuv></tu>
        </body>
        </tmx>

        """

    let root: URL
    /// A directory outside the project, with `secret.txt` in it.
    let outside: URL
    var secretPath: String { outside.appendingPathComponent("secret.txt").path }
    let xliff12: String
    let xliff21: String
    let po: String
    let segmentFile: String

    /// The one baseline of this run (nil with the reason when it could not be made). It lives as
    /// long as the test process, so its two directories are removed when the process exits:
    /// before, every `make test` left a project and an outside directory in the temporary folder.
    static let shared: Result<HostileInputBaseline, any Error> = Result {
        let baseline = try HostileInputBaseline()
        atexit { HostileInputBaseline.removeSharedDirectories() }
        return baseline
    }

    private static func removeSharedDirectories() {
        guard case .success(let baseline) = shared else { return }
        try? FileManager.default.removeItem(at: baseline.root)
        try? FileManager.default.removeItem(at: baseline.outside)
    }

    private init() throws {
        let project = try TemporaryProject()
        root = project.root
        outside = try TemporaryDirectory(prefix: "tandem-outside").url
        try Self.secretText.write(to: outside.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        try "---\ntitle: \"外面\"\n---\n\n不属于这个项目的文章。\n".write(to: outside.appendingPathComponent("leak.md"), atomically: true, encoding: .utf8)
        try project.write(Self.post, to: Self.postPath)
        try Self.run(["extract"], in: root)
        try Self.translateByHand(project)
        // Once more: the hand-written file is rewritten in Tandem's own layout and its
        // translations reach the memory, so a later run on a healthy project changes nothing.
        try Self.run(["extract"], in: root)
        try Self.run(["build"], in: root)
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent(Self.builtPostPath).path) else {
            throw BaselineError("build wrote no \(Self.builtPostPath)")
        }
        try project.write(Self.seedTMX, to: "seed.tmx")
        try Self.run(["tm", "import", "seed.tmx"], in: root)
        try FileManager.default.removeItem(at: root.appendingPathComponent("seed.tmx"))
        // The memory changed: extract records that, so the copy each case starts from is settled.
        try Self.run(["extract"], in: root)
        try Self.run(["export", "--locale", "en", "-o", "handoff/en.xlf"], in: root)
        try Self.run(["export", "--locale", "en", "--format", "xliff21", "-o", "handoff/en-21.xlf"], in: root)
        try Self.run(["export", "--locale", "en", "--format", "po", "-o", "handoff/en.po"], in: root)
        xliff12 = String(decoding: try project.read("handoff/en.xlf"), as: UTF8.self)
        xliff21 = String(decoding: try project.read("handoff/en-21.xlf"), as: UTF8.self)
        po = String(decoding: try project.read("handoff/en.po"), as: UTF8.self)
        segmentFile = String(decoding: try project.read(Self.segmentFilePath), as: UTF8.self)
    }

    struct BaselineError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    private static func run(_ arguments: [String], in root: URL) throws {
        let result = try ExecutableRunner.run(arguments, in: root)
        guard result.status == 0 else {
            throw BaselineError("tandem \(arguments.joined(separator: " ")) exited \(result.status): \(result.standardError)")
        }
    }

    /// Fills every segment's target from `targets`, as a translator would (state translated,
    /// origin human).
    private static func translateByHand(_ project: TemporaryProject) throws {
        let data = Data(try project.read(segmentFilePath))
        guard var file = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              var segments = file["segments"] as? [[String: Any]] else { throw BaselineError("unexpected segment file") }
        for index in segments.indices {
            let source = segments[index]["source"] as? String ?? ""
            guard let target = targets[source] else { throw BaselineError("no hand-written target for \(source)") }
            segments[index]["target"] = target
            segments[index]["state"] = "translated"
            segments[index]["origin"] = "human"
        }
        file["segments"] = segments
        let output = try JSONSerialization.data(withJSONObject: file, options: [.prettyPrinted, .sortedKeys])
        try project.write([UInt8](output), to: segmentFilePath)
    }

    /// The ids of the post's segments, in file order.
    var segmentIDs: [String] {
        let object = (try? JSONSerialization.jsonObject(with: Data(segmentFile.utf8))) as? [String: Any]
        return (object?["segments"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    /// A fresh copy of the project for one case.
    func copy() throws -> URL {
        let parent = try TemporaryDirectory(prefix: "tandem-hostile").url
        let copy = parent.appendingPathComponent("project")
        try FileManager.default.copyItem(at: root, to: copy)
        return copy
    }

    /// The exported XLIFF 1.2 with the first `<target>`'s text replaced by `text` (raw XML).
    func xliff12(firstTarget text: String) -> String {
        Self.replacingFirstElementText("target", in: xliff12, with: text)
    }

    /// The exported XLIFF 2.1 with the first `<target>`'s text replaced by `text` (raw XML).
    func xliff21(firstTarget text: String) -> String {
        Self.replacingFirstElementText("target", in: xliff21, with: text)
    }

    static func replacingFirstElementText(_ element: String, in document: String, with text: String) -> String {
        guard let open = document.range(of: "<\(element)"),
              let openEnd = document[open.upperBound...].range(of: ">"),
              let close = document[openEnd.upperBound...].range(of: "</\(element)>")
        else { return document }
        return document.replacingCharacters(in: openEnd.upperBound..<close.lowerBound, with: text)
    }
}
