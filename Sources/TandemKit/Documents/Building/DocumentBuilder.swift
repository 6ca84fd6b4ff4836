import Foundation

/// Writes a post with its sentences replaced by translations, by splicing: every byte that is
/// not a translated sentence or a language field stays as it was.
public struct DocumentBuilder {
    public let document: HugoDocument
    public let segments: [ExtractedSegment]

    public init(document: HugoDocument, segments: [ExtractedSegment]) {
        self.document = document
        self.segments = segments
    }

    /// The translated post. `targets` maps segment ids to translated text with placeholders;
    /// with `fallbackToSource`, a segment without a target keeps its source. `language` is
    /// written into the language fields (`lang:`), `translations` into `translations:`.
    ///
    /// Text embedded in a code (a shortcode's title, a link's title) is built first and
    /// written into that code's bytes wherever the code lands in its paragraph's translation;
    /// the items of a list in front matter are written back as the whole list, in its shape.
    ///
    /// Addresses written from the site's root name the source page's place; Hugo adds no
    /// language to them, so kept as they were they gave the translation the source's address.
    /// With `languagePrefix` (the key of the `/<key>/` the target's pages live under in a
    /// multilingual site, `en`), a front matter `url` from the root (`/2018/04/a/`) loses its
    /// leading slash, which Hugo reads from the language's root (`/en/2018/04/a/`), and each
    /// `aliases` item from the root gets the prefix (`/old/a/` → `/en/old/a/`): otherwise Hugo
    /// wrote the translation's redirect over the source's, sending the source's old address to
    /// the translation. Without one (the site's default language), `aliases` items from the
    /// root are left out of the translation: they are the source page's old addresses, which a
    /// new page never had. Relative aliases are under the page's own language already.
    ///
    /// `ownFrontMatter` (the translation's own entries, `OwnFrontMatter`) replaces the source's
    /// entry of each of its keys, or is added after the others; it must be in the post's syntax.
    public func build(
        targets: [String: String], fallbackToSource: Bool, language: LocaleTag?, translations: [String]?,
        languagePrefix: String? = nil, ownFrontMatter: OwnFrontMatter? = nil
    ) throws -> [UInt8] {
        let byUnit = Dictionary(grouping: segments, by: \.unitIndex)
        let units = document.units
        // Embedded units first: their encoded text, by the unit whose code holds them (nil: no
        // unit does, such as a shortcode alone on its line).
        var embeddedEdits: [Int?: [Edit]] = [:]
        for (index, unitSegments) in byUnit where units[index].embedding != nil {
            let unit = units[index]
            guard let text = try translatedText(of: unit, segments: unitSegments, embedded: [], targets: targets,
                                                fallbackToSource: fallbackToSource, language: language),
                  let embedding = unit.embedding
            else { continue }
            let parent = units.indices.first { candidate in
                units[candidate].embedding == nil && units[candidate].frontMatterField == nil
                    && units[candidate].origin.lowerBound <= unit.origin.lowerBound && unit.origin.upperBound <= units[candidate].origin.upperBound
            }
            embeddedEdits[parent, default: []].append(Edit(range: unit.origin, bytes: Array(embedding.encoded(String(decoding: text, as: UTF8.self)).utf8)))
        }
        var splices: [Edit] = embeddedEdits[nil] ?? []
        var lists: [String: (field: FrontMatterField, items: [String])] = [:]
        let parents = Set(embeddedEdits.keys.compactMap { $0 })
        for index in Set(byUnit.keys).union(parents).sorted() where units[index].embedding == nil {
            let unit = units[index]
            let embedded = (embeddedEdits[index] ?? []).map {
                Edit(range: ($0.range.lowerBound - unit.origin.lowerBound)..<($0.range.upperBound - unit.origin.lowerBound), bytes: $0.bytes)
            }
            guard let text = try translatedText(of: unit, segments: byUnit[index] ?? [], embedded: embedded, targets: targets,
                                                fallbackToSource: fallbackToSource, language: language)
            else { continue }
            if let field = unit.frontMatterField, let item = unit.frontMatterItem, case .strings(let items) = field.value {
                lists[field.key, default: (field, items)].items[item] = String(decoding: text, as: UTF8.self)
            } else if let field = unit.frontMatterField, let syntax = document.frontMatter?.syntax {
                let translated = String(decoding: text, as: UTF8.self)
                let value = (syntax == .yaml && field.style == .block
                    ? FrontMatterWriter.yamlBlockScalar(translated, source: document.bytes[field.valueRange], newline: document.newline) : nil)
                    ?? FrontMatterWriter.scalar(translated, like: field, syntax: syntax)
                splices.append(Edit(range: field.valueRange, bytes: Array(value.utf8)))
            } else {
                splices.append(Edit(range: unit.origin, bytes: text))
            }
        }
        if let syntax = document.frontMatter?.syntax {
            for (field, items) in lists.values {
                splices.append(Edit(range: field.valueRange, bytes: Array(FrontMatterWriter.list(items, like: field, syntax: syntax, newline: document.newline).utf8)))
            }
        }
        splices += languageSplices(language: language, translations: translations).map { Edit(range: $0.range, bytes: $0.bytes) }
        if languagePrefix != nil, let splice = languageRootURLSplice() { splices.append(Edit(range: splice.range, bytes: splice.bytes)) }
        if language != nil, let splice = rootAliasesSplice(languagePrefix: languagePrefix) {
            splices.append(Edit(range: splice.range, bytes: splice.bytes))
        }
        if let ownFrontMatter, !ownFrontMatter.entries.isEmpty {
            let own = ownFrontMatterEdits(ownFrontMatter)
            // The page's own entry wins over whatever Tandem would write inside the source's
            // (its `url:`, its `aliases:`).
            let replaced = own.map(\.range).filter { !$0.isEmpty }
            splices.removeAll { splice in replaced.contains { $0.lowerBound <= splice.range.lowerBound && splice.range.upperBound <= $0.upperBound } }
            splices += own
        }
        var output = document.bytes
        // From the end; at one offset, a replacement before an insertion, so that the insertion
        // lands in front of what replaced the range.
        for splice in splices.sorted(by: { ($0.range.lowerBound, $0.range.upperBound) > ($1.range.lowerBound, $1.range.upperBound) }) {
            output.replaceSubrange(splice.range, with: splice.bytes)
        }
        return output
    }

    /// The edits that write `own` into the source's front matter: each entry in place of the
    /// source's entry of its key (a key in any case, as Hugo reads it), the others after the
    /// last entry of their kind (a TOML plain key before the first `[table]`, whose section it
    /// would otherwise join). None when the syntaxes differ (`PostBuilder` refuses that first).
    private func ownFrontMatterEdits(_ own: OwnFrontMatter) -> [Edit] {
        guard let frontMatter = document.frontMatter, frontMatter.syntax == own.syntax,
              let entries = frontMatter.entries(in: document.bytes)
        else { return [] }
        let newline = document.newline
        func bytes(_ text: String) -> [UInt8] {
            var text = text
            if !text.hasSuffix("\n") { text += "\n" }
            return Array((newline == "\n" ? text : text.replacingOccurrences(of: "\n", with: newline)).utf8)
        }
        let end = frontMatter.block.contentRange.upperBound
        let firstTable = entries.filter(\.isTable).map { $0.ranges[0].lowerBound }.min() ?? end
        var edits: [Edit] = []
        var appendedKeys: [UInt8] = []
        var appendedTables: [UInt8] = []
        for entry in own.entries {
            let isTable = own.isTable(entry)
            let existing = entries.named(entry.key, isTable: isTable)
            if let existing {
                edits.append(Edit(range: existing.ranges[0], bytes: bytes(entry.text)))
                edits += existing.ranges.dropFirst().map { Edit(range: $0, bytes: []) }
            } else if isTable {
                appendedTables += bytes(entry.text)
            } else {
                appendedKeys += bytes(entry.text)
            }
        }
        if firstTable == end {
            if !appendedKeys.isEmpty || !appendedTables.isEmpty { edits.append(Edit(range: end..<end, bytes: appendedKeys + appendedTables)) }
        } else {
            if !appendedKeys.isEmpty { edits.append(Edit(range: firstTable..<firstTable, bytes: appendedKeys)) }
            if !appendedTables.isEmpty { edits.append(Edit(range: end..<end, bytes: appendedTables)) }
        }
        return edits
    }

    /// A replacement of bytes.
    private struct Edit {
        var range: Range<Int>
        var bytes: [UInt8]
    }

    /// `unit`'s text with its sentences translated and `embedded` (ranges in the unit's text)
    /// written in, or nil when nothing changed.
    private func translatedText(
        of unit: TranslatableUnit, segments unitSegments: [ExtractedSegment], embedded: [Edit], targets: [String: String],
        fallbackToSource: Bool, language: LocaleTag?
    ) throws -> [UInt8]? {
        var text = unit.text
        // Each sentence's new text (nil: it keeps its source), in document order.
        let ordered = unitSegments.sorted { $0.range.lowerBound < $1.range.lowerBound }
        var edits: [Edit] = []
        var placed = Set<Range<Int>>()
        for segment in ordered {
            // Embedded text inside one of the sentence's codes goes into that code.
            var codes = segment.codes
            for (key, codeRange) in segment.codeRanges {
                let inside = embedded.filter { codeRange.contains($0.range.lowerBound) && $0.range.upperBound <= codeRange.upperBound }
                guard !inside.isEmpty else { continue }
                var code = Array(unit.text[codeRange])
                for edit in inside.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
                    code.replaceSubrange((edit.range.lowerBound - codeRange.lowerBound)..<(edit.range.upperBound - codeRange.lowerBound), with: edit.bytes)
                    placed.insert(edit.range)
                }
                codes[key] = String(decoding: code, as: UTF8.self)
            }
            let source = codes == segment.codes ? nil : segment.text
            guard let target = targets[segment.id] ?? source else {
                if fallbackToSource { continue }
                throw BuildProblem.missingTarget(segmentID: segment.id, location: segment.location)
            }
            if targets[segment.id] != nil, let problem = TargetTextProblem.problems(in: target, source: segment.text).first {
                throw BuildProblem.unsafeText(segmentID: segment.id, location: segment.location, problem: problem)
            }
            if targets[segment.id] != nil, target != segment.text {
                Self.labelReferenceLinks(&codes, of: segment, in: unit)
            }
            // A `|` in a table cell's text ends the cell (GFM splits the row before reading its
            // inlines): the rest of the translation was lost from the page. Escaped, it is text.
            var text = unit.isTableCell && targets[segment.id] != nil ? Self.escapingPipes(target) : target
            // A `<` a translator typed before a letter opens raw HTML on the page ("The <b> tag
            // makes…" lost its words, "<project folder path>" vanished): escaped, it is text. The
            // source's own markup is in the codes, never in the translation's text.
            if targets[segment.id] != nil, unit.frontMatterField == nil, unit.embedding == nil { text = Self.escapingTagOpeners(text) }
            do {
                var markdown = try InlineCodeSet(codes: codes).expand(text)
                if targets[segment.id] != nil, unit.isParagraph, BlockMarkerEscape.beginsLine(segment.range.lowerBound, in: unit.text) {
                    markdown = BlockMarkerEscape.escapingLeadingMarker(markdown)
                }
                edits.append(Edit(range: segment.range, bytes: Array(markdown.utf8)))
            } catch {
                throw BuildProblem.placeholders(segmentID: segment.id, location: segment.location, problem: error)
            }
        }
        // Embedded text in a code outside every sentence (a shortcode at a paragraph's edge).
        edits += embedded.filter { edit in !placed.contains(edit.range) && !ordered.contains { $0.range.overlaps(edit.range) } }
        edits += SentenceJoining.spaces(between: ordered, in: unit, targetLanguage: language, targets: targets).map { Edit(range: $0.range, bytes: $0.bytes) }
        // Back to front, a replacement before an insertion at the same offset, so offsets hold.
        for edit in edits.sorted(by: { ($0.range.lowerBound, $0.range.count) > ($1.range.lowerBound, $1.range.count) }) {
            text.replaceSubrange(edit.range, with: edit.bytes)
        }
        return text == unit.text ? nil : text
    }

    /// The closing codes of shortcut and collapsed reference links (`[文档]`, `[文档][]`, whose
    /// text is their label) given the label they had (`][文档]`): translated, the text no longer
    /// names a definition, and Hugo showed "[documentation]" as plain text. A close that goes on
    /// with `(` or a label of its own is an inline or full reference link, left as it is.
    static func labelReferenceLinks(_ codes: inout [String: String], of segment: ExtractedSegment, in unit: TranslatableUnit) {
        for (key, close) in codes where key.hasPrefix("/") && close.hasPrefix("]") {
            let rest = close.dropFirst()
            let collapsed = rest.hasPrefix("[]")
            if !collapsed, rest.hasPrefix("(") || rest.hasPrefix("[") { continue }
            let openKey = String(key.dropFirst())
            guard let open = codes[openKey], open.hasSuffix("["),
                  let openRange = segment.codeRanges[openKey], let closeRange = segment.codeRanges[key],
                  openRange.upperBound <= closeRange.lowerBound
            else { continue }
            let label = String(decoding: unit.text[openRange.upperBound..<closeRange.lowerBound], as: UTF8.self)
            guard !label.isEmpty, !label.contains("]") else { continue }
            codes[key] = "][" + label + "]" + (collapsed ? rest.dropFirst(2) : rest)
        }
    }

    /// `text` with each `<` that could open an HTML tag, comment or declaration (before a
    /// letter, `/`, `!` or `?`) and is not escaped already written `\<`.
    static func escapingTagOpeners(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "<")) else { return text }
        var result = ""
        var previous: Character?
        var characters = text.makeIterator()
        var pending = characters.next()
        while let character = pending {
            let next = characters.next()
            if character == "<", previous != "\\", let next, next.isASCII, next.isLetter || next == "/" || next == "!" || next == "?" {
                result += "\\<"
            } else {
                result.append(character)
            }
            previous = character
            pending = next
        }
        return result
    }

    /// `text` with each `|` not escaped already written `\|`.
    static func escapingPipes(_ text: String) -> String {
        var result = ""
        var previous: Character?
        for character in text {
            if character == "|", previous != "\\" { result += "\\|" } else { result.append(character) }
            previous = character
        }
        return result
    }

    /// The source post with only its `translations:` list changed.
    public func updatingTranslations(_ translations: [String]) -> [UInt8] {
        var output = document.bytes
        for splice in languageSplices(language: nil, translations: translations) {
            output.replaceSubrange(splice.range, with: splice.bytes)
        }
        return output
    }

    /// The front matter `url` (Hugo reads the key in any case: `URL:`) made relative to the
    /// language's root, when it starts with `/` (not `//`, a host).
    private func languageRootURLSplice() -> (range: Range<Int>, bytes: [UInt8])? {
        guard let frontMatter = document.frontMatter,
              let field = frontMatter.field(anyCase: "url"),
              case .string(let url) = field.value, url.hasPrefix("/"), !url.hasPrefix("//")
        else { return nil }
        let relative = String(url.drop { $0 == "/" })
        guard !relative.isEmpty else { return nil }
        return (field.valueRange, Array(FrontMatterWriter.scalar(relative, like: field, syntax: frontMatter.syntax).utf8))
    }

    /// The `aliases` list with its items from the site's root under `/<languagePrefix>/`, or
    /// left out without a prefix; nil when no item changes.
    private func rootAliasesSplice(languagePrefix: String?) -> (range: Range<Int>, bytes: [UInt8])? {
        guard let frontMatter = document.frontMatter, let field = frontMatter.field(anyCase: "aliases"),
              case .strings(let aliases) = field.value
        else { return nil }
        let fromRoot = { (alias: String) in alias.hasPrefix("/") && !alias.hasPrefix("//") }
        let rewritten: [String]
        if let languagePrefix {
            let prefix = "/" + languagePrefix
            rewritten = aliases.map { fromRoot($0) && !$0.hasPrefix(prefix + "/") ? prefix + $0 : $0 }
        } else {
            rewritten = aliases.filter { !fromRoot($0) }
        }
        guard rewritten != aliases else { return nil }
        return (field.valueRange, Array(FrontMatterWriter.list(rewritten, like: field, syntax: frontMatter.syntax, newline: document.newline).utf8))
    }

    /// Whether two spellings name the same locale (`zh-tw`, `zh_TW`, `zh-TW`).
    static func sameTag(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        guard let left = LocaleTag(a), let right = LocaleTag(b) else { return false }
        return left == right
    }

    private func languageSplices(language: LocaleTag?, translations: [String]?) -> [(range: Range<Int>, bytes: [UInt8])] {
        guard let frontMatter = document.frontMatter else { return [] }
        var splices: [(range: Range<Int>, bytes: [UInt8])] = []
        if let language {
            for key in FrontMatterPolicy.languageKeys {
                guard let field = frontMatter[key] else { continue }
                switch field.value {
                case .string(let current) where current != language.identifier:
                    splices.append((field.valueRange, Array(FrontMatterWriter.scalar(language.identifier, like: field, syntax: frontMatter.syntax).utf8)))
                case .strings(let current) where current != [language.identifier]:
                    splices.append((field.valueRange, Array(FrontMatterWriter.list([language.identifier], like: field, syntax: frontMatter.syntax, newline: document.newline).utf8)))
                default:
                    break
                }
            }
        }
        if let translations, let field = frontMatter[FrontMatterPolicy.translationsKey], case .strings(let current) = field.value {
            // A tag the list has already keeps its spelling (`zh-tw` is not rewritten `zh-TW`:
            // the same language, and a source post changed for nothing).
            let spelled = translations.map { tag in current.first { Self.sameTag($0, tag) } ?? tag }
            if current != spelled {
                splices.append((field.valueRange, Array(FrontMatterWriter.list(spelled, like: field, syntax: frontMatter.syntax, newline: document.newline).utf8)))
            }
        }
        return splices.sorted { $0.range.lowerBound > $1.range.lowerBound }
    }
}
