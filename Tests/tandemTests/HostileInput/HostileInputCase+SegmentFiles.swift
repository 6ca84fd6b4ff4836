import Foundation

/// Broken and hostile segment files (hand edits gone wrong, bad merges, attacks): `build`
/// refuses them at their position and writes no post, `extract` refuses them rather than
/// overwrite the translations they hold, and `glossary lint` reports the broken targets that
/// `build` would refuse (exit 1).
extension HostileInputCase {
    static let segmentFilePath = HostileInputBaseline.segmentFilePath

    /// Segment indexes in the baseline file: 0 the title, 1 the sentence with two codes
    /// (`阿里巴巴在{1}杭州{/1}发布了{2}新模型{/2}。`), 2 `它很快。`, 3 the link sentence.
    static func segmentFile(
        _ name: String, command: [String] = ["build"], status: Int32 = 2, message: String,
        _ mutate: @escaping @Sendable (inout [String: Any]) -> Void
    ) -> HostileInputCase {
        HostileInputCase(
            family: "segment file (\(command.prefix(2).joined(separator: " ")))", name: name,
            files: { baseline in
                var object = (try? JSONSerialization.jsonObject(with: Data(baseline.segmentFile.utf8))) as? [String: Any] ?? [:]
                mutate(&object)
                let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
                return [File(segmentFilePath, [UInt8](data))]
            },
            arguments: command, status: status, message: message, position: segmentFilePath)
    }

    static func segmentFileText(
        _ name: String, command: [String] = ["build"], status: Int32 = 2, message: String,
        _ bytes: @escaping @Sendable (String) -> [UInt8]
    ) -> HostileInputCase {
        HostileInputCase(
            family: "segment file (\(command.prefix(2).joined(separator: " ")))", name: name,
            files: { baseline in [File(segmentFilePath, bytes(baseline.segmentFile))] },
            arguments: command, status: status, message: message, position: segmentFilePath)
    }

    static func target(_ index: Int, _ target: String) -> @Sendable (inout [String: Any]) -> Void {
        { object in setSegment(index, "target", target, in: &object) }
    }

    static func setSegment(_ index: Int, _ key: String, _ value: Any?, in object: inout [String: Any]) {
        guard var segments = object["segments"] as? [[String: Any]], segments.indices.contains(index) else { return }
        segments[index][key] = value
        object["segments"] = segments
    }

    /// Targets that break the sentence's codes or the page around it.
    /// Targets that break the sentence's codes or the page around it: what `build` says, and
    /// the finding `glossary lint` reports.
    static let brokenTargets: [(name: String, target: String, build: String, lint: String)] = [
        ("crossed codes", "Alibaba released a {2}new {1}model{/2} in Hangzhou{/1}.", "must nest", "placeholder"),
        ("a closing code before its opening", "Alibaba released a {2}new model{/2} in {/1}Hangzhou{1}.", "closes before it opens", "placeholder"),
        ("a lost code", "Alibaba released a new model in {1}Hangzhou{/1}.", "{2}", "{2}"),
        ("an invented code", "Alibaba released a {2}new model{/2} in {1}Hangzhou{/1}{9/}.", "{9/}", "{9/}"),
        ("a duplicated code", "Alibaba released a {2}new{/2} {2}model{/2} in {1}Hangzhou{/1}.", "{2}", "{2}"),
        ("a NUL character", "Alibaba released a {2}new model{/2} in {1}Hang\u{0}zhou{/1}.", "NUL", "target-unsafe-text"),
        ("a blank line and a code fence", "Alibaba released a {2}new model{/2} in {1}Hangzhou{/1}.\n\n```\nrm -rf /", "blank line", "target-unsafe-text"),
        ("a front matter delimiter", "Alibaba released a {2}new model{/2}\n---\ntitle: pwned\n---\nin {1}Hangzhou{/1}.", "'---'", "target-unsafe-text"),
        ("a heading marker after a newline", "Alibaba released a {2}new model{/2} in {1}Hangzhou{/1}.\n# pwned", "'#'", "target-unsafe-text"),
        ("a list item after a newline", "Alibaba released a {2}new model{/2}\n- in {1}Hangzhou{/1}.", "'-'", "target-unsafe-text"),
        ("a block quote after a newline", "Alibaba released a {2}new model{/2}\n> in {1}Hangzhou{/1}.", "'>'", "target-unsafe-text"),
        ("an HTML block after a newline", "Alibaba released a {2}new model{/2}\n<script>alert(1)</script> in {1}Hangzhou{/1}.", "'<script'", "target-unsafe-text"),
    ]

    static let segmentFiles: [HostileInputCase] = {
        var cases: [HostileInputCase] = [
            segmentFileText("not JSON", message: "segment file") { _ in Array("this is not json\n".utf8) },
            segmentFileText("truncated in the middle", message: "JSON") { text in Array(text.utf8.prefix(text.utf8.count / 2)) },
            segmentFileText("empty", message: "JSON") { _ in [] },
            segmentFileText("an array at the top", message: "segment file") { _ in Array("[]\n".utf8) },
            segmentFileText("a trailing comma", message: "comma") { text in Array(text.replacingOccurrences(of: "\"targetLocale\" : \"en\"", with: "\"targetLocale\" : \"en\",").utf8) },
            segmentFileText("a repeated key in a segment", message: "appears twice") { text in Array(text.replacingOccurrences(of: "\"target\" : \"It is fast.\"", with: "\"target\" : \"It is quick.\",\n      \"target\" : \"It is fast.\"").utf8) },
            segmentFileText("100k-deep nesting", message: "segments") { _ in Array(("{\"formatVersion\": 1, \"segments\": " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}").utf8) },
            segmentFileText("invalid UTF-8 in a target", message: "UTF-8") { text in Array(text.replacingOccurrences(of: "It is fast.", with: "It is \u{1}fast.").utf8).map { $0 == 1 ? 0xFF : $0 } },
            segmentFileText("UTF-16", message: "UTF-16") { text in utf16(text, bigEndian: false, byteOrderMark: true) },
            segmentFileText("a lone surrogate escape", message: "error") { text in Array(text.replacingOccurrences(of: "It is fast.", with: "It is \\ud800 fast.").utf8) },
            segmentFileText("a raw control character in a string", message: "JSON") { text in Array(text.replacingOccurrences(of: "It is fast.", with: "It is \u{1}fast.").utf8) },
            segmentFile("an unknown top-level key", message: "traget") { $0["traget"] = "en" },
            segmentFile("an unknown segment key", message: "traget") { setSegment(2, "traget", "It is fast.", in: &$0) },
            segmentFile("formatVersion 999", message: "formatVersion") { $0["formatVersion"] = 999 },
            segmentFile("formatVersion as a string", message: "formatVersion") { $0["formatVersion"] = "1" },
            segmentFile("formatVersion missing", message: "formatVersion") { $0["formatVersion"] = nil },
            segmentFile("the wrong target locale", message: "targetLocale") { $0["targetLocale"] = "de" },
            segmentFile("a path as target locale", message: "targetLocale") { $0["targetLocale"] = "../x" },
            segmentFile("the wrong source locale", message: "sourceLocale") { $0["sourceLocale"] = "en" },
            segmentFile("segments as an object", message: "segments") { $0["segments"] = ["a": 1] },
            segmentFile("a segment that is a string", message: "segments") { object in
                if var segments = object["segments"] as? [Any] { segments[2] = "它很快。"; object["segments"] = segments }
            },
            segmentFile("an id that is a number", message: "id") { setSegment(2, "id", 12345, in: &$0) },
            segmentFile("an id missing", message: "id") { setSegment(2, "id", nil, in: &$0) },
            segmentFile("a source missing", message: "source") { setSegment(2, "source", nil, in: &$0) },
            segmentFile("a location that is a number", message: "location") { setSegment(2, "location", 7, in: &$0) },
            segmentFile("an unknown state", message: "state") { setSegment(2, "state", "done", in: &$0) },
            segmentFile("a state in capitals", message: "state") { setSegment(2, "state", "Translated", in: &$0) },
            segmentFile("an unknown origin", message: "origin") { setSegment(2, "origin", "robot", in: &$0) },
            segmentFile("translated without a target", message: "target") { setSegment(2, "target", nil, in: &$0) },
            segmentFile("final without a target", message: "target") { object in
                setSegment(2, "target", nil, in: &object)
                setSegment(2, "state", "final", in: &object)
            },
            segmentFile("a target that is a number", message: "target") { setSegment(2, "target", 42, in: &$0) },
            segmentFile("a target that is a list", message: "target") { setSegment(2, "target", ["It", "is"], in: &$0) },
            segmentFile("two segments with one id", message: "id") { object in
                guard let segments = object["segments"] as? [[String: Any]] else { return }
                setSegment(2, "id", segments[1]["id"] as Any, in: &object)
            },
            segmentFile("lintDisable that is not a list", message: "lintDisable") { $0["lintDisable"] = "all" },
            segmentFile("a 20 MB target", message: "target") { setSegment(2, "target", String(repeating: "very long ", count: 2_000_000), in: &$0) },
        ]
        for broken in brokenTargets {
            cases.append(segmentFile("a target with \(broken.name)", message: broken.build, target(1, broken.target)))
            cases.append(segmentFile("a target with \(broken.name)", command: ["glossary", "lint", segmentFilePath], status: 1, message: broken.lint, target(1, broken.target)))
        }
        // extract must refuse a segment file it cannot read rather than overwrite the translations in it.
        cases += [
            segmentFileText("not JSON", command: ["extract"], message: "segment file") { _ in Array("this is not json\n".utf8) },
            segmentFileText("truncated in the middle", command: ["extract"], message: "JSON") { text in Array(text.utf8.prefix(text.utf8.count / 2)) },
            segmentFile("formatVersion 999", command: ["extract"], message: "formatVersion") { $0["formatVersion"] = 999 },
            segmentFile("an unknown segment key", command: ["extract"], message: "traget") { setSegment(2, "traget", "It is fast.", in: &$0) },
            segmentFile("two segments with one id", command: ["extract"], message: "id") { object in
                guard let segments = object["segments"] as? [[String: Any]] else { return }
                setSegment(2, "id", segments[1]["id"] as Any, in: &object)
            },
            segmentFile("the wrong target locale", command: ["extract"], message: "targetLocale") { $0["targetLocale"] = "de" },
            segmentFile("an unknown state", command: ["extract"], message: "state") { setSegment(2, "state", "done", in: &$0) },
            segmentFileText("not JSON", command: ["glossary", "lint"], message: "segment file") { _ in Array("this is not json\n".utf8) },
            segmentFile("formatVersion 999", command: ["glossary", "lint"], message: "formatVersion") { $0["formatVersion"] = 999 },
            segmentFile("an unknown state", command: ["stats"], message: "state") { setSegment(2, "state", "done", in: &$0) },
            segmentFile("an unknown state", command: ["export", "--locale", "en", "-o", "out.xlf"], message: "state") { setSegment(2, "state", "done", in: &$0) },
            segmentFile("an unknown state", command: ["next", "--locale", "en"], message: "state") { setSegment(2, "state", "done", in: &$0) },
        ]
        return cases
    }()
}
