import Testing
import TandemKit

/// Issue 14, items 1, 6 and 14: front matter a splice would corrupt is refused at its place.
@Suite("Front matter: reliability regressions")
struct FrontMatterRegressionTests {
    static func error(_ text: String) -> TandemError? {
        do {
            _ = try HugoDocument(bytes: Array(text.utf8), path: "post.md")
            return nil
        } catch let error as TandemError {
            return error
        } catch {
            return nil
        }
    }

    /// Found by `FrontMatterFuzzer`: a duplicate key in YAML whose lines end in a lone CR
    /// crashed the search for its second occurrence (libyaml counts CR as a line break; the
    /// search split at LF only, and ran past its last line).
    @Test func aDuplicateKeyInCRSeparatedLinesIsReportedAtItsSecondLine() {
        let error = Self.error("---\ntitle: 你好\r\r\rtranslations: [zh-CN]\rtranslations: [en]\n---\n正文。\n")
        #expect(error?.location?.line == 6, "\(String(describing: error))")
        #expect(error?.message.contains("duplicate key 'translations'") == true, "\(String(describing: error))")
    }

    // 1: `title: *b` made build write `base: "⟦你好。⟧⟦世界。⟧"你好。世界。"`.
    @Test func anAliasedTitleIsReportedOnTheLineOfItsKey() {
        let error = Self.error("---\nbase: &b 你好。世界。\ntitle: *b\n---\n正文。\n")
        #expect(error?.location?.line == 3)
        #expect(error?.message.contains("'title' uses a YAML alias") == true, "\(String(describing: error))")
    }

    @Test func anAnchoredTranslatedValueIsRefused() {
        // Replacing `&b 你好` would drop the anchor `other: *b` needs.
        let error = Self.error("---\ntitle: &b 你好。\nother: *b\n---\n正文。\n")
        #expect(error?.location == SourceLocation(file: "post.md", line: 2, column: 8))
        #expect(error?.message.contains("'title' uses a YAML anchor") == true, "\(String(describing: error))")
    }

    // 1: `translations: *t` wrote an invalid `t:` list and every later build exited 2.
    @Test func aliasedTranslationsAreRefused() {
        let error = Self.error("---\nlangs: &t [zh-CN, en]\ntranslations: *t\n---\n正文。\n")
        #expect(error?.location?.line == 3)
        #expect(error?.message.contains("'translations' uses a YAML alias") == true, "\(String(describing: error))")
        let item = Self.error("---\nlang: &l en\ntranslations: [zh-CN, *l]\n---\n正文。\n")
        #expect(item?.message.contains("'translations' uses a YAML alias") == true, "\(String(describing: item))")
    }

    @Test func anchorsOnValuesTandemNeverRewritesStayAllowed() throws {
        let document = try HugoDocument(bytes: Array("---\ndate: &d 2025-01-01\nupdated: *d\nslug: &s hello\nalias: *s\ntitle: 标题。\n---\n".utf8), path: "post.md")
        #expect(document.frontMatter?["title"]?.value == .string("标题。"))
    }

    // 6: the translation went into the first "title", the second (the one that counts) stayed Chinese.
    @Test func jsonFrontMatterWithADuplicateKeyNamesTheSecond() {
        let error = Self.error("{\n  \"title\": \"一\",\n  \"date\": \"2025-01-01\",\n  \"title\": \"二\"\n}\n正文。\n")
        #expect(error?.location == SourceLocation(file: "post.md", line: 4, column: 3), "\(String(describing: error))")
        #expect(error?.message.contains("duplicate key 'title'") == true)
    }

    // 14: a duplicate YAML key was reported on the line of the first.
    @Test func aDuplicateYAMLKeyIsReportedAtTheSecond() {
        let error = Self.error("---\ntitle: 一\ndate: 2025-01-01\ntitle: 二\n---\n正文。\n")
        #expect(error?.location == SourceLocation(file: "post.md", line: 4, column: 1), "\(String(describing: error))")
        #expect(error?.message.contains("duplicate key 'title'") == true)
    }

    // `FrontMatterFuzzer`'s crash, minimised: toml++ asserts on a table header that does not
    // start with a key (a debug build aborted; a release build assumes it away).
    @Test func aTOMLTableHeaderWithoutAKeyIsRefusedAtItsPlace() {
        // `[` at the line's end (LF or CR LF): found again by the fuzzer after the nested keys.
        for header in ["[=", "[= false", "[[!x]]", "  [ =", " [", "[ \r", "[["] {
            let error = Self.error("+++\ntitle = \"标题\"\n\(header)\n+++\n正文。\n")
            #expect(error?.location?.line == 3, "\(header): \(String(describing: error))")
            #expect(error?.message.contains("a table header must start with a key") == true, "\(header)")
        }
        // Headers and arrays that start with a key, a quote or `]` still go to toml++.
        #expect(Self.error("+++\ntitle = \"标题\"\n[params]\nx = 1\n[\"quoted key\"]\n+++\n正文。\n") == nil)
    }
}
