import Foundation

/// Locale tags that are paths, project files that are bombs or point outside the project,
/// secrets in memory URLs, oversized command-line input, and symbolic links out of the project.
extension HostileInputCase {
    static func configuration(_ name: String, family: String = "tandem.yml", command: [String] = ["extract"], message: String, mustNotPrint: String? = nil, _ bytes: @escaping @Sendable () -> [UInt8]) -> HostileInputCase {
        HostileInputCase(family: family, name: name, files: { _ in [File("tandem.yml", bytes())] },
                         arguments: command, message: message, position: "tandem.yml", mustNotPrint: mustNotPrint)
    }

    static func configuration(_ name: String, family: String = "tandem.yml", command: [String] = ["extract"], message: String, mustNotPrint: String? = nil, _ text: @escaping @Sendable () -> String) -> HostileInputCase {
        configuration(name, family: family, command: command, message: message, mustNotPrint: mustNotPrint) { Array(text().utf8) }
    }

    static func command(_ family: String, _ name: String, _ arguments: [String], message: String, input: String? = nil, files: [File] = [], mustNotPrint: String? = nil) -> HostileInputCase {
        HostileInputCase(family: family, name: name, files: { _ in files }, arguments: arguments, standardInput: input,
                         message: message, position: nil, mustNotPrint: mustNotPrint)
    }

    static let pathTags = ["../x", "en/../../x", "/etc", "", "x" + String(repeating: "y", count: 299), "en\\..\\x"]

    static let localeTags: [HostileInputCase] = {
        var cases: [HostileInputCase] = []
        for (index, tag) in pathTags.enumerated() {
            let quoted = "\"" + tag.replacingOccurrences(of: "\\", with: "\\\\") + "\""
            cases.append(configuration("targets holds tag \(index + 1)", family: "locale tags", message: "is not a BCP 47 language tag") { "source: zh-CN\ntargets: [\(quoted)]\ncontent: content\n" })
            cases.append(configuration("source is tag \(index + 1)", family: "locale tags", message: "is not a BCP 47 language tag") { "source: \(quoted)\ntargets: [en]\ncontent: content\n" })
        }
        let commands: [(String, [String])] = [
            ("export", ["export", "--locale", "TAG", "-o", "out.xlf"]),
            ("stats", ["stats", "--locale", "TAG"]),
            ("next", ["next", "--locale", "TAG"]),
            ("translate", ["translate", "--locale", "TAG"]),
            ("pseudo", ["pseudo", "--locale", "TAG"]),
            ("report", ["report", "--locale", "TAG", "--output", "report.html"]),
            ("tm lookup source", ["tm", "lookup", "--source-locale", "TAG", "天气很好。"]),
            ("tm lookup target", ["tm", "lookup", "--target-locale", "TAG", "天气很好。"]),
            ("tm export", ["tm", "export", "--locale", "TAG", "--output", "out.tmx"]),
        ]
        for (name, arguments) in commands {
            for tag in ["../x", "en/../../x"] {
                cases.append(command("locale tags", "\(name) --locale \(tag)", arguments.map { $0 == "TAG" ? tag : $0 }, message: "'\(tag)' is invalid for"))
            }
        }
        let attributes: [(String, String, String, String, [String])] = [
            ("XLIFF 1.2 target-language", "hostile/en.xlf", "target-language=\"en\"", "target-language=\"../x\"", ["import", "hostile/en.xlf"]),
            ("XLIFF 1.2 source-language", "hostile/en.xlf", "source-language=\"zh-CN\"", "source-language=\"../x\"", ["import", "hostile/en.xlf"]),
            ("XLIFF 2.1 trgLang", "hostile/en-21.xlf", "trgLang=\"en\"", "trgLang=\"../x\"", ["import", "hostile/en-21.xlf"]),
            ("XLIFF 2.1 srcLang", "hostile/en-21.xlf", "srcLang=\"zh-CN\"", "srcLang=\"../x\"", ["import", "hostile/en-21.xlf"]),
            ("XLIFF 1.2 target-language into the memory", "hostile/vendor.xlf", "target-language=\"en\"", "target-language=\"../x\"", ["tm", "import", "hostile/vendor.xlf"]),
        ]
        for (name, path, old, new, arguments) in attributes {
            cases.append(HostileInputCase(
                family: "locale tags", name: name,
                files: { baseline in [File(path, (path.contains("21") ? baseline.xliff21 : baseline.xliff12).replacingOccurrences(of: old, with: new))] },
                arguments: arguments, message: "../x", position: path))
        }
        cases.append(HostileInputCase(
            family: "locale tags", name: "TMX xml:lang",
            files: { _ in [File("hostile/vendor.tmx", declaration + tmxDocument.replacingOccurrences(of: "xml:lang=\"en\"", with: "xml:lang=\"../x\"").replacingOccurrences(of: "TEXT", with: "Fine."))] },
            arguments: ["tm", "import", "hostile/vendor.tmx"], message: "not a language tag", position: "hostile/vendor.tmx"))
        cases.append(HostileInputCase(
            family: "locale tags", name: "TBX xml:lang",
            files: { _ in [File("glossaries/zh-CN/en.tbx", declaration + tbxDocument.replacingOccurrences(of: "xml:lang=\"en\"", with: "xml:lang=\"../x\"").replacingOccurrences(of: "TEXT", with: "Qwen"))] },
            arguments: ["glossary", "lint", "glossaries/zh-CN/en.tbx"], message: "xml:lang", position: "glossaries/zh-CN/en.tbx"))
        return cases
    }()

    static let projectConfiguration: [HostileInputCase] = [
        configuration("invalid YAML", message: "tandem.yml") { "source: zh-CN\ntargets: [en\ncontent: content\n" },
        configuration("a repeated key", message: "duplicate key") { "source: zh-CN\ntargets: [en]\ntargets: [de]\ncontent: content\n" },
        configuration("a misspelled key", message: "tragets") { "source: zh-CN\ntragets: [en]\ncontent: content\n" },
        configuration("targets is a number", message: "targets") { "source: zh-CN\ntargets: 5\ncontent: content\n" },
        configuration("an alias bomb", message: "unknown key") { aliasBomb(usedAs: "translateKeys") + "\nsource: zh-CN\ntargets: [en]\ncontent: content\n" },
        configuration("100k-deep nesting", message: "error") { "source: zh-CN\ntargets: [en]\ncontent: content\nleverage: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n" },
        configuration("a 50 MB scalar", message: "bytes; at most") { "source: zh-CN\ntargets: [en]\ncontent: \"" + String(repeating: "长", count: 17_000_000) + "\"\n" },
        configuration("content outside the project", message: "outside the project") { "source: zh-CN\ntargets: [en]\ncontent: ../../etc\n" },
        configuration("content at an absolute path", message: "outside the project") { "source: zh-CN\ntargets: [en]\ncontent: /etc\n" },
        configuration("a minimum score of 500", message: "minimumScore") { "source: zh-CN\ntargets: [en]\ncontent: content\nleverage:\n  minimumScore: 500\n" },
        configuration("an unknown fill state", message: "fillState") { "source: zh-CN\ntargets: [en]\ncontent: content\nleverage:\n  fillState: bogus\n" },
        configuration("an unknown output naming", message: "output") { "source: zh-CN\ntargets: [en]\ncontent: content\noutput: bogus\n" },
        configuration("translateKeys is a number", message: "translateKeys") { "source: zh-CN\ntargets: [en]\ncontent: content\ntranslateKeys: 5\n" },
        configuration("shortcode parameters as a string", message: "shortcodes") { "source: zh-CN\ntargets: [en]\ncontent: content\nshortcodes:\n  figure: caption\n" },
        configuration("include is a number", message: "include") { "source: zh-CN\ntargets: [en]\ncontent: content\ninclude: 5\n" },
        configuration("siteConfig outside the project", message: "outside the project") { "source: zh-CN\ntargets: [en]\ncontent: content\nsiteConfig: [../../etc/hugo.toml]\n" },
        configuration("invalid UTF-8", message: "UTF-8") { Array("source: zh-CN\ntargets: [en]\ncontent: cont\u{1}ent\n".utf8).map { $0 == 1 ? 0xFF : $0 } },
        configuration("a NUL byte", message: "NUL byte") { Array("source: zh-CN\ntargets: [en]\ncontent: cont\u{1}ent\n".utf8).map { $0 == 1 ? 0 : $0 } },
        configuration("UTF-16", message: "UTF-16") { utf16("source: zh-CN\ntargets: [en]\ncontent: content\n", bigEndian: false, byteOrderMark: true) },
        configuration("empty", message: "error") { [] },
        configuration("a memory URL without //", message: "memory", mustNotPrint: "S3cretPass") { "source: zh-CN\ntargets: [en]\ncontent: content\nmemory: 'postgres:tandem:S3cretPass@127.0.0.1/db'\n" },
    ]

    static let secrets: [HostileInputCase] = {
        let url = "postgres://tandem:S3cretPass@127.0.0.1:1/db"
        var cases: [HostileInputCase] = []
        for (name, arguments) in [
            ("tm stats", ["tm", "stats", "--memory", url]),
            ("tm stats --json", ["tm", "stats", "--json", "--memory", url]),
            ("tm lookup", ["tm", "lookup", "--memory", url, "天气很好。"]),
            ("tm import", ["tm", "import", "--memory", url, "--no-keep", "hostile/vendor.tmx"]),
            ("tm export", ["tm", "export", "--memory", url, "--output", "out.tmx"]),
            ("a URL missing //", ["tm", "stats", "--memory", "postgres:tandem:S3cretPass@127.0.0.1/db"]),
        ] {
            cases.append(command("secrets", name, arguments, message: "error", files: [File("hostile/vendor.tmx", declaration + tmxDocument.replacingOccurrences(of: "TEXT", with: "Fine."))], mustNotPrint: "S3cretPass"))
        }
        let configuration = File("tandem.yml", "source: zh-CN\ntargets: [en]\ncontent: content\nmemory: \(url)\n")
        cases.append(command("secrets", "memory URL in tandem.yml", ["extract"], message: "cannot connect", files: [configuration], mustNotPrint: "S3cretPass"))
        cases.append(command("secrets", "memory URL in tandem.yml, --json", ["extract", "--json"], message: "cannot connect", files: [configuration], mustNotPrint: "S3cretPass"))
        return cases
    }()

    static let commandLineInput: [HostileInputCase] = [
        HostileInputCase(family: "command line", name: "segment of a 100 MB file",
                         files: { _ in [File("hostile/big.txt", [UInt8](repeating: 0x61, count: 100 << 20))] },
                         arguments: ["segment", "hostile/big.txt"], message: "bytes", position: nil),
        command("command line", "segment of a 20 MB line on standard input", ["segment", "-"], message: "bytes", input: String(repeating: "这是一句话", count: 1_400_000)),
        HostileInputCase(family: "command line", name: "segment of invalid UTF-8",
                         files: { _ in [File("hostile/bad.txt", Array("这是".utf8) + [0xFF] + Array("一句话。\n".utf8))] },
                         arguments: ["segment", "hostile/bad.txt"], message: "UTF-8", position: "hostile/bad.txt"),
        HostileInputCase(family: "command line", name: "segment of a NUL byte",
                         files: { _ in [File("hostile/nul.txt", Array("这是".utf8) + [0] + Array("一句话。\n".utf8))] },
                         arguments: ["segment", "hostile/nul.txt"], message: "NUL", position: "hostile/nul.txt"),
        command("command line", "set with a 20 MB target on standard input", ["set", "$SEGMENT", "--locale", "en", "-"], message: "bytes; at most", input: String(repeating: "very long ", count: 2_000_000)),
        command("command line", "import of a missing file", ["import", "hostile/missing.xlf"], message: "hostile/missing.xlf"),
        command("command line", "tm import of a missing file", ["tm", "import", "hostile/missing.tmx"], message: "hostile/missing.tmx"),
        command("command line", "glossary lint of a missing file", ["glossary", "lint", "hostile/missing.tsv"], message: "hostile/missing.tsv"),
        command("command line", "build of a path outside the project", ["build", "../../../etc/passwd"], message: "error"),
        command("command line", "extract of a path outside the project", ["extract", "/etc/passwd"], message: "error"),
        command("command line", "set of an unknown segment", ["set", "0000dead", "--locale", "en", "Text."], message: "0000dead"),
        command("command line", "show of an unknown segment", ["show", "0000dead", "--locale", "en"], message: "0000dead"),
        command("command line", "export onto a segment file", ["export", "--locale", "en", "-o", HostileInputBaseline.segmentFilePath], message: "export to another folder"),
        command("command line", "export onto the source post", ["export", "--locale", "en", "-o", HostileInputBaseline.postPath], message: "export to another folder"),
        command("command line", "export onto tandem.yml", ["export", "--locale", "en", "-o", "tandem.yml"], message: "exchange file name"),
    ]

    static func link(_ name: String, _ path: String, to destination: String, _ arguments: [String], message: String = "symbolic link") -> HostileInputCase {
        HostileInputCase(family: "symbolic links", name: name, files: { _ in [] }, symlinks: [(path, destination)],
                         arguments: arguments, message: message, position: nil)
    }

    static let symbolicLinks: [HostileInputCase] = [
        link("locales/en/posts out of the project, extract", "locales/en/posts", to: "$OUTSIDE", ["extract"]),
        link("locales/en out of the project, extract", "locales/en", to: "$OUTSIDE", ["extract"]),
        link("locales out of the project, extract", "locales", to: "$OUTSIDE", ["extract"]),
        link("a segment file out of the project, extract", HostileInputBaseline.segmentFilePath, to: "$OUTSIDE/good.json", ["extract"]),
        link("the built post onto a file outside, build", HostileInputBaseline.builtPostPath, to: "$SECRET", ["build", "--force"]),
        link("a post that is the secret file, extract", "content/posts/evil.md", to: "$SECRET", ["extract"]),
        HostileInputCase(family: "symbolic links", name: "tm out of the project, tm import",
                         files: { _ in [File("hostile/x.tmx", declaration + tmxDocument.replacingOccurrences(of: "TEXT", with: "Fine."))] },
                         symlinks: [("tm", "$OUTSIDE")], arguments: ["tm", "import", "hostile/x.tmx"], message: "symbolic link", position: nil),
        link("a post that is a file outside, extract", "content/posts/leak.md", to: "$OUTSIDE/leak.md", ["extract"]),
    ]
}
