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
    public func build(
        targets: [String: String], fallbackToSource: Bool, language: LocaleTag?, translations: [String]?
    ) throws -> [UInt8] {
        var splices: [(range: Range<Int>, bytes: [UInt8])] = []
        let byUnit = Dictionary(grouping: segments, by: \.unitIndex)
        for (unitIndex, unitSegments) in byUnit {
            let unit = document.units[unitIndex]
            var text = unit.text
            // Each sentence's new text (nil: it keeps its source), in document order.
            let ordered = unitSegments.sorted { $0.range.lowerBound < $1.range.lowerBound }
            var replacements: [String?] = []
            for segment in ordered {
                guard let target = targets[segment.id] else {
                    if fallbackToSource { replacements.append(nil); continue }
                    throw BuildProblem.missingTarget(segmentID: segment.id, location: segment.location)
                }
                if let problem = TargetTextProblem.problems(in: target).first {
                    throw BuildProblem.unsafeText(segmentID: segment.id, location: segment.location, problem: problem)
                }
                do {
                    replacements.append(try InlineCodeSet(codes: segment.codes).expand(target))
                } catch {
                    throw BuildProblem.placeholders(segmentID: segment.id, location: segment.location, problem: error)
                }
            }
            var edits = SentenceJoining.spaces(between: ordered, in: unit, targetLanguage: language, targets: targets)
            for (segment, replacement) in zip(ordered, replacements) {
                if let replacement { edits.append((segment.range, Array(replacement.utf8))) }
            }
            // Back to front, a replacement before an insertion at the same offset, so offsets hold.
            for edit in edits.sorted(by: { ($0.range.lowerBound, $0.range.count) > ($1.range.lowerBound, $1.range.count) }) {
                text.replaceSubrange(edit.range, with: edit.bytes)
            }
            if text == unit.text { continue }
            if let field = unit.frontMatterField, let syntax = document.frontMatter?.syntax {
                let value = FrontMatterWriter.scalar(String(decoding: text, as: UTF8.self), like: field, syntax: syntax)
                splices.append((field.valueRange, Array(value.utf8)))
            } else {
                splices.append((unit.origin, text))
            }
        }
        splices += languageSplices(language: language, translations: translations)
        var output = document.bytes
        for splice in splices.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            output.replaceSubrange(splice.range, with: splice.bytes)
        }
        return output
    }

    /// The source post with only its `translations:` list changed.
    public func updatingTranslations(_ translations: [String]) -> [UInt8] {
        var output = document.bytes
        for splice in languageSplices(language: nil, translations: translations) {
            output.replaceSubrange(splice.range, with: splice.bytes)
        }
        return output
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
        if let translations, let field = frontMatter[FrontMatterPolicy.translationsKey],
           case .strings(let current) = field.value, current != translations {
            splices.append((field.valueRange, Array(FrontMatterWriter.list(translations, like: field, syntax: frontMatter.syntax, newline: document.newline).utf8)))
        }
        return splices.sorted { $0.range.lowerBound > $1.range.lowerBound }
    }
}
