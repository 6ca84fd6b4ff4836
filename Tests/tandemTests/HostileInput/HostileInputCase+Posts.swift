import Foundation

/// Posts whose front matter or Markdown is hostile: `extract` refuses the post (exit 2) at its
/// position and writes no segment file for it, while the healthy post stays as it was.
extension HostileInputCase {
    static let badPost = "content/posts/bad.md"

    static func post(_ family: String, _ name: String, message: String, status: Int32 = 2, _ bytes: @escaping @Sendable () -> [UInt8]) -> HostileInputCase {
        HostileInputCase(family: family, name: name, files: { _ in [File(badPost, bytes())] }, arguments: ["extract"],
                         status: status, message: message, position: badPost)
    }

    static func post(_ family: String, _ name: String, message: String, _ text: @escaping @Sendable () -> String) -> HostileInputCase {
        post(family, name, message: message) { Array(text().utf8) }
    }

    static func yaml(_ name: String, message: String, _ frontMatter: @escaping @Sendable () -> String) -> HostileInputCase {
        post("YAML front matter", name, message: message) { "---\n" + frontMatter() + "\n---\n\n正文第一句。\n" }
    }

    static func toml(_ name: String, message: String, _ frontMatter: @escaping @Sendable () -> String) -> HostileInputCase {
        post("TOML front matter", name, message: message) { "+++\n" + frontMatter() + "\n+++\n\n正文第一句。\n" }
    }

    static func json(_ name: String, message: String, _ frontMatter: @escaping @Sendable () -> String) -> HostileInputCase {
        post("JSON front matter", name, message: message) { frontMatter() + "\n\n正文第一句。\n" }
    }

    static func markdown(_ name: String, message: String, _ body: @escaping @Sendable () -> String) -> HostileInputCase {
        post("Markdown", name, message: message) { "---\ntitle: \"标题\"\n---\n\n" + body() }
    }

    static func markdownBytes(_ name: String, message: String, _ body: @escaping @Sendable () -> [UInt8]) -> HostileInputCase {
        post("Markdown bytes", name, message: message) { Array("---\ntitle: \"标题\"\n---\n\n".utf8) + body() }
    }

    /// A YAML alias bomb: nine levels of nine references (9^9 values when expanded).
    static func aliasBomb(usedAs key: String) -> String {
        var lines = ["a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for index in 1..<names.count {
            lines.append("\(names[index]): &\(names[index]) [" + Array(repeating: "*\(names[index - 1])", count: 9).joined(separator: ",") + "]")
        }
        lines.append("\(key): *i")
        return lines.joined(separator: "\n")
    }

    static func utf16(_ text: String, bigEndian: Bool, byteOrderMark: Bool) -> [UInt8] {
        var bytes: [UInt8] = byteOrderMark ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
        for unit in text.utf16 {
            bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        return bytes
    }

    static let frontMatter: [HostileInputCase] = [
        yaml("alias bomb as translations", message: "translations must be a list of locale tags") { aliasBomb(usedAs: "translations") },
        yaml("an alias as the translated title", message: "alias") { "base: &b \"你好。\"\ntitle: *b" },
        yaml("an alias as the translated description", message: "alias") { "title: \"标题\"\nbase: &b \"你好。\"\ndescription: *b" },
        yaml("merge-key bomb", message: "duplicate key") { aliasBomb(usedAs: "x") + "\ny:\n  <<: *i\n  <<: *h" },
        yaml("100k-deep flow sequence", message: "front matter") { "title: x\ndeep: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) },
        yaml("100k-deep flow mapping", message: "front matter") { "title: x\ndeep: " + String(repeating: "{a: ", count: 100_000) + "1" + String(repeating: "}", count: 100_000) },
        yaml("10k-deep block sequence", message: "front matter") { "title: x\nlist: " + String(repeating: "- ", count: 10_000) + "x" },
        yaml("duplicate title", message: "duplicate key 'title'") { "title: \"一\"\ntitle: \"二\"" },
        yaml("duplicate translations", message: "duplicate key 'translations'") { "title: \"一\"\ntranslations: [zh-CN, en]\ntranslations: [zh-CN]" },
        yaml("duplicate nested key", message: "duplicate key") { "title: \"一\"\nparams:\n  a: 1\n  a: 2" },
        yaml("duplicate key differing in quoting", message: "duplicate key 'title'") { "title: \"一\"\n\"title\": \"二\"" },
        yaml("50 MB scalar", message: "bytes; at most") { "title: \"" + String(repeating: "长", count: 17_000_000) + "\"" },
        yaml("1 MB scalar", message: "at most 262144 are accepted") { "title: \"" + String(repeating: "长", count: 340_000) + "\"" },
        yaml("300 KB of keys", message: "at most 262144 are accepted") { (0..<20_000).map { "key\($0): value" }.joined(separator: "\n") },
        yaml("unterminated double quote", message: "invalid YAML front matter") { "title: \"unterminated" },
        yaml("unterminated single quote", message: "invalid YAML front matter") { "title: 'unterminated" },
        yaml("tab indentation", message: "invalid YAML front matter") { "params:\n\ttitle: x" },
        yaml("mapping inside a plain scalar line", message: "invalid YAML front matter") { "title: a: b: c" },
        yaml("undefined alias", message: "front matter") { "title: *nowhere" },
        yaml("translations is a number", message: "translations must be a list of locale tags") { "title: \"标题\"\ntranslations: 5" },
        yaml("translations is a mapping", message: "translations must be a list of locale tags") { "title: \"标题\"\ntranslations: {en: x}" },
        yaml("translations holds a list", message: "translations must be a list of locale tags") { "title: \"标题\"\ntranslations: [[en]]" },
        yaml("translations holds null", message: "translations must be a list of locale tags") { "title: \"标题\"\ntranslations: [null]" },
        yaml("translations holds a boolean", message: "translations must be a list of locale tags") { "title: \"标题\"\ntranslations: [true]" },
        yaml("translations holds numbers", message: "translations must be a list of locale tags") { "title: \"标题\"\ntranslations: [1, 2]" },
        yaml("translations holds an empty tag", message: "is not a BCP 47 language tag") { "title: \"标题\"\ntranslations: [zh-CN, \"\"]" },
        yaml("translations holds ../x", message: "'../x' is not a BCP 47 language tag") { "title: \"标题\"\ntranslations: [zh-CN, \"../x\"]" },
        yaml("translations holds en/../../x", message: "is not a BCP 47 language tag") { "title: \"标题\"\ntranslations: [zh-CN, \"en/../../x\"]" },
        yaml("translations holds an absolute path", message: "is not a BCP 47 language tag") { "title: \"标题\"\ntranslations: [zh-CN, \"/etc\"]" },
        yaml("translations holds a NUL escape", message: "is not a BCP 47 language tag") { "title: \"标题\"\ntranslations: [zh-CN, \"en\\0\"]" },
        yaml("translations holds a 300-character tag", message: "is not a BCP 47 language tag") { "title: \"标题\"\ntranslations: [zh-CN, \"" + String(repeating: "x", count: 300) + "\"]" },
        yaml("translations holds a backslash path", message: "is not a BCP 47 language tag") { "title: \"标题\"\ntranslations: [zh-CN, \"..\\\\x\"]" },
        yaml("translations holds a space", message: "is not a BCP 47 language tag") { "title: \"标题\"\ntranslations: [zh-CN, \"en us\"]" },
        yaml("translations is an alias to a mapping", message: "translations must be a list of locale tags") { "m: &m {a: 1}\ntitle: \"标题\"\ntranslations: *m" },
        post("YAML front matter", "never closed", message: "front matter is never closed") { "---\ntitle: \"标题\"\n\n正文第一句。\n" },
        post("YAML front matter", "invalid UTF-8 in a value", message: "invalid UTF-8") { Array("---\ntitle: \"标".utf8) + [0xFF, 0xFE] + Array("\"\n---\n\n正文。\n".utf8) },
        post("YAML front matter", "NUL in a value", message: "NUL byte") { Array("---\ntitle: \"标".utf8) + [0] + Array("\"\n---\n\n正文。\n".utf8) },
        post("YAML front matter", "BOM then invalid UTF-8", message: "invalid UTF-8") { [0xEF, 0xBB, 0xBF] + Array("---\ntitle: x\n---\n\n正文".utf8) + [0xC3, 0x28] + Array("。\n".utf8) },
        post("YAML front matter", "UTF-16 with a byte order mark", message: "UTF-16") { utf16("---\ntitle: x\n---\n\n正文。\n", bigEndian: false, byteOrderMark: true) },
        post("YAML front matter", "UTF-16 big-endian without a mark", message: "error") { utf16("---\ntitle: x\n---\n\n正文。\n", bigEndian: true, byteOrderMark: false) },
        post("YAML front matter", "UTF-32 with a byte order mark", message: "error") { [0xFF, 0xFE, 0, 0] + Array("---\ntitle: x\n---\n".utf8).flatMap { [$0, 0, 0, 0] } },

        toml("invalid value", message: "invalid TOML front matter") { "title = " },
        toml("duplicate key", message: "TOML") { "title = \"一\"\ntitle = \"二\"" },
        toml("duplicate table", message: "TOML") { "title = \"一\"\n[params]\na = 1\n[params]\nb = 2" },
        toml("10k-deep inline tables", message: "front matter") { "title = \"一\"\ndeep = " + String(repeating: "{a = ", count: 10_000) + "1" + String(repeating: "}", count: 10_000) },
        toml("10k-deep arrays", message: "front matter") { "title = \"一\"\ndeep = " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) },
        toml("1 MB string", message: "at most 262144 are accepted") { "title = \"" + String(repeating: "长", count: 340_000) + "\"" },
        toml("unterminated multi-line string", message: "TOML") { "title = \"\"\"never closed" },
        toml("translations is a number", message: "translations must be a list of locale tags") { "title = \"标题\"\ntranslations = 5" },
        toml("translations holds ../x", message: "is not a BCP 47 language tag") { "title = \"标题\"\ntranslations = [\"zh-CN\", \"../x\"]" },
        toml("translations is an array of tables", message: "translations must be a list of locale tags") { "title = \"标题\"\n[[translations]]\nlang = \"en\"" },
        post("TOML front matter", "never closed", message: "front matter is never closed") { "+++\ntitle = \"标题\"\n\n正文第一句。\n" },
        post("TOML front matter", "invalid UTF-8 in a value", message: "invalid UTF-8") { Array("+++\ntitle = \"标".utf8) + [0xC0, 0xAF] + Array("\"\n+++\n\n正文。\n".utf8) },

        json("duplicate title", message: "duplicate key 'title' in JSON front matter") { "{\n\"title\": \"一\",\n\"title\": \"二\"\n}" },
        json("trailing comma", message: "comma") { "{\n\"title\": \"一\",\n}" },
        json("10k-deep nesting", message: "front matter") { "{\"title\": \"一\", \"deep\": " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "}" },
        json("1 MB string", message: "at most 262144 are accepted") { "{\"title\": \"" + String(repeating: "长", count: 340_000) + "\"}" },
        json("translations is a number", message: "translations must be a list of locale tags") { "{\"title\": \"标题\", \"translations\": 5}" },
        json("translations holds ../x", message: "is not a BCP 47 language tag") { "{\"title\": \"标题\", \"translations\": [\"zh-CN\", \"../x\"]}" },
        json("missing comma", message: ":3:1: error: invalid JSON front matter: expected ',' between members, or '}', found '\"'") { "{\n\"title\": \"一\"\n\"date\": \"2024-01-01\"\n}" },
        json("invalid escape", message: "JSON") { "{\"title\": \"a\\qb\"}" },
        json("lone surrogate escape", message: "JSON") { "{\"title\": \"a\\ud800b\"}" },
        post("JSON front matter", "never closed", message: "front matter is never closed") { "{\"title\": \"标题\",\n\n正文第一句。\n" },
    ]

    static let markdown: [HostileInputCase] = [
        markdown("100k nested block quotes", message: "nest") { String(repeating: ">", count: 100_000) + " 深。\n" },
        markdown("3,000 nested list items", message: "nest") { (0..<3_000).map { String(repeating: "  ", count: $0) + "- 项\($0)。" }.joined(separator: "\n") + "\n" },
        markdown("10k list markers on one line", message: "nest") { String(repeating: "- ", count: 10_000) + "项。\n" },
        markdown("10k nested block quotes with lists", message: "nest") { String(repeating: "> - ", count: 10_000) + "深。\n" },
        markdown("25,000 sentences in one post", message: "sentences; at most") { (0..<25_000).map { "第\($0)句。" }.joined() + "\n" },
        markdown("20 MB post", message: "bytes") { String(repeating: "很长的一段话。", count: 1_000_000) + "\n" },
        markdownBytes("invalid UTF-8 at the start of the body", message: "invalid UTF-8") { [0xFF] + Array("正文。\n".utf8) },
        markdownBytes("invalid UTF-8 mid-sentence", message: "invalid UTF-8") { Array("正文".utf8) + [0xFE] + Array("。\n".utf8) },
        markdownBytes("a multi-byte character cut at the end", message: "invalid UTF-8") { Array("正文。".utf8) + [0xE4, 0xB8] },
        markdownBytes("an overlong encoding of /", message: "invalid UTF-8") { Array("正文".utf8) + [0xC0, 0xAF] + Array("。\n".utf8) },
        markdownBytes("an encoded surrogate", message: "invalid UTF-8") { Array("正文".utf8) + [0xED, 0xA0, 0x80] + Array("。\n".utf8) },
        markdownBytes("a byte above F4", message: "invalid UTF-8") { Array("正文".utf8) + [0xF5, 0x80, 0x80, 0x80] + Array("。\n".utf8) },
        markdownBytes("a lone continuation byte", message: "invalid UTF-8") { Array("正文".utf8) + [0x80] + Array("。\n".utf8) },
        markdownBytes("a code point above U+10FFFF", message: "invalid UTF-8") { Array("正文".utf8) + [0xF4, 0x90, 0x80, 0x80] + Array("。\n".utf8) },
        markdownBytes("invalid UTF-8 inside a code fence", message: "invalid UTF-8") { Array("正文。\n\n```\ncode".utf8) + [0xFF] + Array("\n```\n".utf8) },
        markdownBytes("NUL in a sentence", message: "NUL byte") { Array("正文".utf8) + [0] + Array("。\n".utf8) },
        markdownBytes("NUL inside a code fence", message: "NUL byte") { Array("正文。\n\n```\na".utf8) + [0] + Array("\n```\n".utf8) },
        markdownBytes("NUL inside an HTML block", message: "NUL byte") { Array("<div>\n".utf8) + [0] + Array("\n</div>\n".utf8) },
        post("Markdown bytes", "UTF-16 little-endian with a mark", message: "UTF-16") { utf16("---\ntitle: x\n---\n\n正文。\n", bigEndian: false, byteOrderMark: true) },
        post("Markdown bytes", "UTF-16 big-endian with a mark", message: "UTF-16") { utf16("---\ntitle: x\n---\n\n正文。\n", bigEndian: true, byteOrderMark: true) },
        post("Markdown bytes", "UTF-16 without a mark and without front matter", message: "error") { utf16("正文第一句。第二句。\n", bigEndian: false, byteOrderMark: false) },
        post("Markdown bytes", "a binary file named .md", message: "error") { (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 2654435761 >> 7) } },
    ]
}
