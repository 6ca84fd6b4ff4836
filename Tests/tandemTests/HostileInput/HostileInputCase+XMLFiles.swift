import Foundation

/// Hostile XML in every format Tandem reads — TMX and bilingual XLIFF into the memory, TBX
/// glossaries, returned XLIFF 1.2 and 2.1 — each with the same attacks: entity declarations
/// (internal, external, parameter, billion laughs, quadratic blowup, hidden behind a
/// processing instruction, a comment or UTF-16), undeclared entities, broken and deep markup,
/// bad bytes. All are refused at their position, under `strace`: the secret file next to the
/// project is never opened.
extension HostileInputCase {
    /// A format under attack: how to make a document around a text, and the command reading it.
    struct XMLTarget: Sendable {
        var name: String
        var path: String
        var root: String
        /// The document without its XML declaration, with `text` (raw XML) in a translatable spot.
        var document: @Sendable (HostileInputBaseline, String) -> String
        var command: [String]
    }

    static let tmxDocument = """
        <tmx version="1.4">
        <header creationtool="hand" creationtoolversion="1" segtype="sentence" o-tmf="none" adminlang="en" srclang="zh-CN" datatype="plaintext"/>
        <body>
        <tu><tuv xml:lang="zh-CN"><seg>天气很好。</seg></tuv><tuv xml:lang="en"><seg>TEXT</seg></tuv></tu>
        </body>
        </tmx>
        """

    static let tbxDocument = """
        <tbx type="TBX-Basic" style="dca" xml:lang="zh-CN" xmlns="urn:iso:std:iso:30042:ed-2">
        <text><body>
          <conceptEntry id="c1">
            <langSec xml:lang="zh-CN"><termSec><term>通义千问</term></termSec></langSec>
            <langSec xml:lang="en"><termSec><term>TEXT</term></termSec></langSec>
          </conceptEntry>
        </body></text>
        </tbx>
        """

    /// `document` without its `<?xml …?>` line.
    static func withoutDeclaration(_ document: String) -> String {
        guard document.hasPrefix("<?xml"), let end = document.range(of: "?>") else { return document }
        return String(document[end.upperBound...].drop(while: \.isNewline))
    }

    static let xmlTargets: [XMLTarget] = [
        XMLTarget(name: "TMX", path: "hostile/vendor.tmx", root: "tmx",
                  document: { _, text in tmxDocument.replacingOccurrences(of: "TEXT", with: text) },
                  command: ["tm", "import", "hostile/vendor.tmx"]),
        XMLTarget(name: "TBX", path: "glossaries/zh-CN/en.tbx", root: "tbx",
                  document: { _, text in tbxDocument.replacingOccurrences(of: "TEXT", with: text) },
                  command: ["glossary", "lint", "glossaries/zh-CN/en.tbx"]),
        XMLTarget(name: "returned XLIFF 1.2", path: "hostile/en.xlf", root: "xliff",
                  document: { baseline, text in withoutDeclaration(baseline.xliff12(firstTarget: text)) },
                  command: ["import", "hostile/en.xlf"]),
        XMLTarget(name: "returned XLIFF 2.1", path: "hostile/en-21.xlf", root: "xliff",
                  document: { baseline, text in withoutDeclaration(baseline.xliff21(firstTarget: text)) },
                  command: ["import", "hostile/en-21.xlf"]),
        XMLTarget(name: "XLIFF 1.2 into the memory", path: "hostile/vendor.xlf", root: "xliff",
                  document: { baseline, text in withoutDeclaration(baseline.xliff12(firstTarget: text)) },
                  command: ["tm", "import", "hostile/vendor.xlf"]),
        XMLTarget(name: "Trados SDLXLIFF", path: "hostile/vendor.sdlxliff", root: "xliff",
                  document: { baseline, text in withoutDeclaration(baseline.xliff12(firstTarget: text)) },
                  command: ["tm", "import", "hostile/vendor.sdlxliff"]),
        XMLTarget(name: "memoQ MQXLIFF", path: "hostile/vendor.mqxliff", root: "xliff",
                  document: { baseline, text in withoutDeclaration(baseline.xliff12(firstTarget: text)) },
                  command: ["tm", "import", "hostile/vendor.mqxliff"]),
    ]

    /// One attack: a prolog before the root and the text put in it, or a whole-file mutation.
    struct XMLAttack: Sendable {
        var name: String
        var message: String
        var watchesSecret = false
        var bytes: @Sendable (_ document: @Sendable (String) -> String, _ root: String, _ secret: String) -> [UInt8]
    }

    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

    static func prolog(_ doctype: String, text: String, message: String = "entit", watchesSecret: Bool = false, _ name: String) -> XMLAttack {
        XMLAttack(name: name, message: message, watchesSecret: watchesSecret) { document, root, secret in
            let doctype = doctype.replacingOccurrences(of: "ROOT", with: root).replacingOccurrences(of: "SECRET", with: "file://" + secret)
            return Array((declaration + doctype + "\n" + document(text)).utf8)
        }
    }

    static let billionLaughs: String = {
        var entities = ["<!ENTITY l0 \"lol\">"]
        for level in 1...10 { entities.append("<!ENTITY l\(level) \"" + String(repeating: "&l\(level - 1);", count: 10) + "\">") }
        return "<!DOCTYPE ROOT [" + entities.joined(separator: "\n") + "]>"
    }()

    static let xmlAttacks: [XMLAttack] = [
        prolog("<!DOCTYPE ROOT [<!ENTITY e \"inner\">]>", text: "Hello &e;.", "an internal entity"),
        prolog("<!DOCTYPE ROOT [<!ENTITY e SYSTEM \"SECRET\">]>", text: "Hello &e;.", watchesSecret: true, "an external entity naming a local file"),
        prolog("<!DOCTYPE ROOT [<!ENTITY e PUBLIC \"-//Evil//EN\" \"SECRET\">]>", text: "Hello &e;.", watchesSecret: true, "a public external entity"),
        prolog("<!DOCTYPE ROOT [<!ENTITY % p SYSTEM \"SECRET\"> %p;]>", text: "Hello.", watchesSecret: true, "a parameter entity"),
        prolog("<!DOCTYPE ROOT SYSTEM \"SECRET\" [<!ENTITY e \"inner\">]>", text: "Hello &e;.", watchesSecret: true, "an external subset and an entity"),
        prolog(billionLaughs, text: "&l10;", "billion laughs"),
        prolog("<!DOCTYPE ROOT [<!ENTITY a \"" + String(repeating: "x", count: 50_000) + "\">]>", text: String(repeating: "&a;", count: 10_000), "quadratic blowup"),
        prolog("<?hide ' ?><!DOCTYPE ROOT [<!ENTITY e SYSTEM \"SECRET\">]>", text: "Hello &e;.", watchesSecret: true, "an entity behind a processing instruction holding a quote"),
        prolog("<!-- \" ]> --><!DOCTYPE ROOT [<!ENTITY e SYSTEM \"SECRET\">]>", text: "Hello &e;.", watchesSecret: true, "an entity behind a comment holding a quote and ]>"),
        XMLAttack(name: "an entity declared in a UTF-16 file", message: "entit", watchesSecret: true) { document, root, secret in
            utf16("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<!DOCTYPE \(root) [<!ENTITY e SYSTEM \"file://\(secret)\">]>\n" + document("Hello &e;."), bigEndian: false, byteOrderMark: true)
        },
        XMLAttack(name: "an entity declared in big-endian UTF-16 without a mark", message: "entit", watchesSecret: true) { document, root, secret in
            utf16("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<!DOCTYPE \(root) [<!ENTITY e SYSTEM \"file://\(secret)\">]>\n" + document("Hello &e;."), bigEndian: true, byteOrderMark: false)
        },
        XMLAttack(name: "an undeclared entity", message: "&nowhere;") { document, _, _ in Array((declaration + document("Hello &nowhere;.")).utf8) },
        XMLAttack(name: "a truncated file", message: "error") { document, _, _ in
            let whole = Array((declaration + document("Hello.")).utf8)
            return Array(whole.prefix(whole.count * 3 / 5))
        },
        XMLAttack(name: "invalid UTF-8", message: "error") { document, _, _ in
            Array((declaration + document("Hel\u{1}lo.")).utf8).map { $0 == 1 ? 0xFF : $0 }
        },
        XMLAttack(name: "a NUL byte", message: "error") { document, _, _ in
            Array((declaration + document("Hel\u{1}lo.")).utf8).map { $0 == 1 ? 0 : $0 }
        },
        XMLAttack(name: "100k-deep elements", message: "error") { document, _, _ in
            Array((declaration + document(String(repeating: "<g id=\"1\">", count: 100_000) + "deep" + String(repeating: "</g>", count: 100_000))).utf8)
        },
        XMLAttack(name: "a mismatched end tag", message: "error") { document, _, _ in
            Array((declaration + document("Hello <b>world</i>.")).utf8)
        },
    ]

    static let xmlFiles: [HostileInputCase] = xmlTargets.flatMap { target in
        xmlAttacks.map { attack in
            HostileInputCase(
                family: target.name, name: attack.name,
                files: { baseline in
                    [File(target.path, attack.bytes({ target.document(baseline, $0) }, target.root, baseline.secretPath))]
                },
                arguments: target.command, message: attack.message, position: target.path, watchesSecret: attack.watchesSecret)
        }
    }
}
