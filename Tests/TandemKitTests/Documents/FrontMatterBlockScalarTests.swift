import Testing
import TandemKit

/// A helper's finding: a translated `summary: |` paragraph was written back as one double-quoted
/// line with `\n` escapes (the same value, not the shape its author wrote). A block scalar is
/// written back as one, with its header and indentation; a header Tandem does not write (`|+`)
/// still gets the double-quoted value.
@Suite("Front matter block scalars")
struct FrontMatterBlockScalarTests {
    static let keys = ["title", "summary", "description"]
    static let english = ["标题": "Title", "第一行摘要。": "First line of the summary.", "第二行摘要。": "Second line.", "折叠的描述。": "A folded description."]

    @Test(arguments: [
        ("literal", "---\ntitle: 标题\nsummary: |\n  第一行摘要。\n  第二行摘要。\n---\n",
         "---\ntitle: Title\nsummary: |\n  First line of the summary.\n  Second line.\n---\n"),
        ("literal, stripped, deeper indentation", "---\nsummary: |-\n    第一行摘要。\n---\n",
         "---\nsummary: |-\n    First line of the summary.\n---\n"),
        ("folded", "---\ndescription: >-\n  折叠的描述。\n---\n", "---\ndescription: >-\n  A folded description.\n---\n"),
        ("kept: double-quoted", "---\nsummary: |+\n  第一行摘要。\n\n---\n", "---\nsummary: \"First line of the summary.\\n\\n\"\n\n---\n"),
    ])
    func aBlockScalarKeepsItsShape(_ name: String, _ post: String, _ expected: String) throws {
        #expect(try TranslatedPost(post, keys: Self.keys, english: Self.english).built == expected, "\(name)")
    }
}
