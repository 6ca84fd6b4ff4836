import Foundation
import Testing
import TandemKit
import TandemTestSupport

/// extract → pseudo → build over every real post of the corpus.
@Suite("Pipeline over the corpus", .enabled(if: SharedCorpus.isAvailable, Comment(rawValue: SharedCorpus.absentMessage)))
struct CorpusPipelineTests {
    /// Runs the pipeline on a copy of `post` in a temporary project; returns source and output.
    static func translate(_ post: URL, style: PseudoStyle) throws -> (source: [UInt8], output: [UInt8], project: TemporaryProject) {
        let temporary = try TemporaryProject()
        let source = try TextFile.readBytes(post)
        let copy = try temporary.write(source, to: "content/posts/\(post.deletingPathExtension().lastPathComponent)-\(post.deletingLastPathComponent().lastPathComponent).md")
        let project = try Project.open(configFile: temporary.configFile)
        _ = try Extractor(project: project).extract(copy)
        let segmentFile = try project.segmentFile(for: copy, locale: LocaleTag("en")!)
        var file = try #require(try SegmentFileStore.read(segmentFile))
        _ = PseudoTranslator(style: style).fill(&file)
        try SegmentFileStore.write(file, to: segmentFile)
        let results = try PostBuilder(project: project).build(copy)
        #expect(results.map(\.status) == [.built])
        let output = try TextFile.readBytes(try project.translatedPost(for: copy, locale: LocaleTag("en")!))
        return (source, output, temporary)
    }

    /// `bytes` without the values of the language fields (`lang:`, `translations:`).
    static func withoutLanguageFields(_ bytes: [UInt8], path: String) throws -> [UInt8] {
        guard let frontMatter = try FrontMatter.read(bytes, path: path) else { return bytes }
        var result = bytes
        let ranges = frontMatter.fields
            .filter { FrontMatterPolicy.languageKeys.contains($0.key) || $0.key == FrontMatterPolicy.translationsKey }
            .map(\.valueRange).sorted { $0.lowerBound > $1.lowerBound }
        for range in ranges { result.removeSubrange(range) }
        return result
    }

    @Test(arguments: SharedCorpus.allPosts)
    func identityPseudoTranslationReproducesThePostExceptLanguageFields(_ post: URL) throws {
        let (source, output, project) = try Self.translate(post, style: .identity)
        defer { project.remove() }
        let expected = try Self.withoutLanguageFields(source, path: post.path)
        let actual = try Self.withoutLanguageFields(output, path: post.path)
        let difference = zip(expected, actual).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        #expect(expected.count == actual.count && difference == nil, "first difference at byte \(difference ?? min(expected.count, actual.count))")
        // CRLF, BOM and a missing final newline survive.
        #expect(output.starts(with: [0xEF, 0xBB, 0xBF]) == source.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(output.contains(0x0D) == source.contains(0x0D))
        #expect(output.last == source.last)
    }

    @Test(arguments: SharedCorpus.allPosts)
    func languageFieldsNameTheTranslationsLocale(_ post: URL) throws {
        let (_, output, project) = try Self.translate(post, style: .identity)
        defer { project.remove() }
        let frontMatter = try FrontMatter.read(output, path: post.path)
        if case .strings(let lang)? = frontMatter?["lang"]?.value { #expect(lang == ["en"]) }
        if case .strings(let translations)? = frontMatter?["translations"]?.value { #expect(translations == ["zh-CN", "en"]) }
    }

    @Test(arguments: SharedCorpus.allPosts)
    func bracketsKeepEveryProtectedSpanAndTheBlockStructure(_ post: URL) throws {
        let (source, output, project) = try Self.translate(post, style: .brackets)
        defer { project.remove() }
        let document = try HugoDocument(bytes: source, path: post.path)
        let outputText = String(decoding: output, as: UTF8.self)
        // Every code (markup, URLs, inline code, shortcodes) of every unit is in the output,
        // except those holding text that is translated too (a shortcode's title).
        let embedded = document.units.filter { $0.embedding != nil }.map(\.origin)
        for unit in document.units where unit.frontMatterField == nil && unit.embedding == nil {
            for piece in unit.pieces where piece.isCode {
                let range = (unit.origin.lowerBound + piece.range.lowerBound)..<(unit.origin.lowerBound + piece.range.upperBound)
                if embedded.contains(where: { range.contains($0.lowerBound) }) { continue }
                let code = String(decoding: unit.text[piece.range], as: UTF8.self)
                #expect(outputText.contains(code), "code \(code.debugDescription) of \(unit.location) is missing")
            }
        }
        // Code blocks and HTML blocks are untouched.
        let body = Array(source[document.bodyStart...])
        let sourceBlocks = Self.blocks(try MarkdownParser.parse(body))
        for block in sourceBlocks where [.codeBlock, .htmlBlock].contains(block.kind) {
            guard let range = block.range else { continue }
            let text = String(decoding: body[range], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(outputText.contains(text), "\(block.kind) changed")
        }
        // No placeholder leaks into the output.
        #expect(Self.placeholders(in: outputText).count <= Self.placeholders(in: String(decoding: source, as: UTF8.self)).count)
        // Same block structure.
        let outputDocument = try HugoDocument(bytes: output, path: post.path)
        let outputBody = Array(output[outputDocument.bodyStart...])
        #expect(Self.blocks(try MarkdownParser.parse(outputBody)).map(\.kind) == sourceBlocks.map(\.kind))
        // Front matter values outside the policy are byte-identical (a map holding a value the
        // policy names by its path, `menu.*.name`, is in it).
        let sourceFields = document.frontMatter?.fields ?? []
        let outputFields = outputDocument.frontMatter?.fields ?? []
        let policyMaps = Set(FrontMatterPolicy.defaultKeys.compactMap { $0.split(separator: ".").count > 1 ? $0.split(separator: ".")[0].lowercased() : nil })
        for field in sourceFields where !FrontMatterPolicy.defaultKeys.contains(field.key) && !policyMaps.contains(field.key.lowercased())
            && !FrontMatterPolicy.languageKeys.contains(field.key) && field.key != "translations" {
            let other = try #require(outputFields.first { $0.key == field.key })
            #expect(Array(source[field.valueRange]) == Array(output[other.valueRange]), "front matter \(field.key) changed")
        }
        // And something was translated.
        #expect(outputText.contains("⟦"))
    }

    static func blocks(_ node: MarkdownNode) -> [MarkdownNode] {
        let inline: Set<MarkdownNode.Kind> = [.text, .emphasis, .strong, .link, .image, .code, .htmlInline, .softBreak, .lineBreak, .strikethrough, .footnoteReference]
        guard !inline.contains(node.kind) else { return [] }
        return [node] + node.children.flatMap(blocks)
    }

    static func placeholders(in text: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"\{/?[0-9]+/?\}"#)
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { String(text[Range($0.range, in: text)!]) }
    }
}
