import Foundation

/// Returned PO files and PO files read as a memory, and glossaries in TSV and CSV: bad bytes,
/// broken syntax, paths and languages that do not belong to the project.
extension HostileInputCase {
    static func po(_ name: String, command: String = "import", status: Int32 = 2, message: String, _ mutate: @escaping @Sendable (String) -> [UInt8]) -> HostileInputCase {
        let path = command == "import" ? "hostile/en.po" : "hostile/vendor.po"
        return HostileInputCase(
            family: command == "import" ? "returned PO" : "PO into the memory", name: name,
            files: { baseline in [File(path, mutate(baseline.po))] },
            arguments: command == "import" ? ["import", path] : ["tm", "import", path],
            status: status, message: message, position: path)
    }

    /// `text` with its first occurrence of `old` replaced.
    static func replacingFirst(_ old: String, with new: String, in text: String) -> String {
        guard let range = text.range(of: old) else { return text }
        return text.replacingCharacters(in: range, with: new)
    }

    static let gettextFiles: [HostileInputCase] = {
        var cases: [HostileInputCase] = []
        for command in ["import", "tm import"] {
            cases += [
                po("invalid UTF-8 in a msgstr", command: command, message: "UTF-8") { text in
                    Array(replacingFirst("msgstr \"It is fast.\"", with: "msgstr \"It is \u{1}fast.\"", in: text).utf8).map { $0 == 1 ? 0xFF : $0 }
                },
                po("a NUL in a msgstr", command: command, message: "NUL") { text in
                    Array(replacingFirst("msgstr \"It is fast.\"", with: "msgstr \"It is \u{1}fast.\"", in: text).utf8).map { $0 == 1 ? 0 : $0 }
                },
                po("an unterminated string", command: command, message: "error") { Array(replacingFirst("msgstr \"It is fast.\"", with: "msgstr \"It is fast.", in: $0).utf8) },
                po("an unknown escape", command: command, message: "error") { Array(replacingFirst("msgstr \"It is fast.\"", with: "msgstr \"It is \\q fast.\"", in: $0).utf8) },
                po("a misspelled keyword", command: command, message: "error") { Array(replacingFirst("msgstr \"It is fast.\"", with: "msgstrr \"It is fast.\"", in: $0).utf8) },
                po("the Language header is a path", command: command, message: "../x") { Array(replacingFirst("\"Language: en\\n\"", with: "\"Language: ../x\\n\"", in: $0).utf8) },
                po("not PO at all", command: command, message: "error") { _ in Array("hello world\nthis is not a catalog\n".utf8) },
            ]
        }
        cases += [
            po("a msgstr without its msgid", message: "without msgid") { text in
                Array(text.replacingOccurrences(of: "msgid \"它很快。\"\n", with: "").utf8)
            },
            po("UTF-16", message: "UTF-16") { utf16($0, bigEndian: false, byteOrderMark: true) },
            po("an entry given twice", status: 1, message: "more than once") { text in
                guard let start = text.range(of: "#. x-tandem-exported-target \"It is fast.\"") else { return Array(text.utf8) }
                let entry = text[start.lowerBound...].prefix { _ in true }.split(separator: "\n\n", maxSplits: 1).first.map(String.init) ?? ""
                return Array((text + "\n" + entry + "\n").utf8)
            },
            po("a 20 MB msgstr", message: "bytes; at most") { Array(replacingFirst("msgstr \"It is fast.\"", with: "msgstr \"" + String(repeating: "very long ", count: 2_000_000) + "\"", in: $0).utf8) },
            po("a msgctxt naming a post outside the project", message: "error") { Array($0.replacingOccurrences(of: "msgctxt \"content/posts/good.md#", with: "msgctxt \"../../../etc/passwd#").utf8) },
            po("a msgctxt naming an absolute path", message: "error") { Array($0.replacingOccurrences(of: "msgctxt \"content/posts/good.md#", with: "msgctxt \"/etc/passwd#").utf8) },
            po("a msgctxt naming a file outside the content", message: "error") { Array($0.replacingOccurrences(of: "msgctxt \"content/posts/good.md#", with: "msgctxt \"tandem.yml#").utf8) },
            po("a Latin-1 charset with Latin-1 bytes", message: "error") { text in
                Array(replacingFirst("charset=UTF-8", with: "charset=ISO-8859-1", in: replacingFirst("msgstr \"It is fast.\"", with: "msgstr \"It is fast\u{1}.\"", in: text)).utf8).map { $0 == 1 ? 0xE9 : $0 }
            },
            po("plural forms", status: 1, message: "plural") { Array(replacingFirst("msgstr \"It is fast.\"", with: "msgid_plural \"它们很快。\"\nmsgstr[0] \"It is fast.\"\nmsgstr[1] \"They are fast.\"", in: $0).utf8) },
        ]
        return cases
    }()

    static func glossary(_ name: String, path: String = "glossaries/zh-CN/en.tsv", status: Int32 = 2, message: String, _ bytes: @escaping @Sendable () -> [UInt8]) -> HostileInputCase {
        HostileInputCase(family: "glossary", name: name, files: { _ in [File(path, bytes())] },
                         arguments: ["glossary", "lint", path], status: status, message: message, position: path)
    }

    static func tsv(_ rows: String) -> [UInt8] {
        Array(("# source\ttarget\tcomment\ttype\tforbidden\tcase\tpos\tnote\n" + rows).utf8)
    }

    static let glossaries: [HostileInputCase] = [
        glossary("invalid UTF-8 in a TSV", message: "UTF-8") { tsv("通义千问\tQwen\n阿里\tAli\u{1}baba\n").map { $0 == 1 ? 0xFF : $0 } },
        glossary("a NUL in a TSV", message: "NUL") { tsv("通义千问\tQwen\n阿里\tAli\u{1}baba\n").map { $0 == 1 ? 0 : $0 } },
        glossary("a UTF-16 TSV", message: "error") { utf16("通义千问\tQwen\n", bigEndian: false, byteOrderMark: true) },
        glossary("a 20 MB field", message: "bytes; at most") { tsv("通义千问\tQwen\t" + String(repeating: "comment ", count: 2_500_000) + "\n") },
        glossary("a row without a target", message: "error") { tsv("通义千问\n") },
        glossary("an unknown entry type", message: "error") { tsv("通义千问\tQwen\t\tbogus\n") },
        glossary("an unknown case rule", message: "error") { tsv("通义千问\tQwen\t\tterm\t\tbogus\n") },
        glossary("a source that is not NFC", status: 1, message: "glossary-not-nfc") { tsv("Cafe\u{301}\tCafé\n") },
        glossary("two targets for one term", status: 1, message: "glossary-conflicting-targets") { tsv("通义千问\tQwen\n通义千问\tTongyi\n") },
        glossary("a term given twice", status: 1, message: "glossary-duplicate") { tsv("通义千问\tQwen\n通义千问\tQwen\n") },
        glossary("stray whitespace", status: 1, message: "glossary-whitespace") { tsv(" 通义千问\tQwen \n") },
        glossary("a CSV with an unterminated quote", path: "glossaries/zh-CN/en.csv", message: "error") { Array("source,target\n通义千问,\"Qwen\n阿里,Alibaba\n".utf8) },
        glossary("invalid UTF-8 in a CSV", path: "glossaries/zh-CN/en.csv", message: "UTF-8") { Array("source,target\n通义千问,Qw\u{1}en\n".utf8).map { $0 == 1 ? 0xC3 : $0 } },
        glossary("a CSV row with a quote after a closing quote", path: "glossaries/zh-CN/en.csv", message: "after a closing quote") { Array("source,target\n通义千问,\"Qwen\"x\n".utf8) },
        glossary("a folder that is not a locale", path: "glossaries/zh-../en.tsv", status: 1, message: "glossary-unknown-locale") { tsv("通义千问\tQwen\n") },
    ]
}
