import Foundation

/// A bilingual file from a translator's tool read as a memory source: XLIFF 1.2 (including
/// Trados' SDLXLIFF and memoQ's MQXLIFF, which are XLIFF 1.2 with extensions), XLIFF 2.x, and
/// gettext PO. Each unit with a target gives one memory unit; its inline codes become Tandem's
/// placeholders (`ExchangeReading.memorySource`), and its neighbours in the file give its context.
///
/// The language pair is the file's (`source-language`/`target-language`, `srcLang`/`trgLang`,
/// PO `Language`), overridden by the caller; a file that names neither is refused. Units
/// without a target, with nothing but codes, or with codes Tandem cannot map, are skipped with
/// a warning. Trados' sentence marks (`<mrk mtype="seg">` in `<seg-source>` and the target)
/// give sentence pairs rather than the paragraph.
public struct BilingualMemoryFile {
    /// The formats read, by extension.
    public static let fileExtensions: Set<String> = ["xlf", "xliff", "sdlxliff", "mqxliff", "po"]

    /// Whether `url` names a bilingual file rather than a TMX.
    public static func isBilingualFile(_ url: URL) -> Bool {
        fileExtensions.contains(url.pathExtension.lowercased())
    }

    public let units: [MemoryUnit]
    /// Units read (each translated segment of an XLIFF 2 unit counts as one).
    public let unitCount: Int
    public let warnings: WarningTally

    /// Reads the file at `url`; `displayPath` names it in messages and as the units' origin.
    public init(url: URL, displayPath: String? = nil, sourceLocale: LocaleTag? = nil, targetLocale: LocaleTag? = nil, now: Date = Date()) throws {
        let path = displayPath ?? url.path
        let bytes = XMLByteEncoding.utf8Document(try TextFile.readBytes(url, limit: XLIFFReader.Limits().maximumFileBytes))
        let documents: [ReturnedDocument]
        switch ExchangeFormat.detect(bytes) {
        case .xliff12: documents = try XLIFF12Reader(displayPath: path, reading: .memorySource).read(bytes)
        case .xliff21: documents = try XLIFF21Reader(displayPath: path, reading: .memorySource).read(bytes)
        case .po: documents = try POReader(displayPath: path, reading: .memorySource).read(bytes)
        }
        var units: [MemoryUnit] = []
        var warnings = WarningTally()
        var count = 0
        for document in documents {
            let pair = try Self.localePair(of: document, sourceLocale: sourceLocale, targetLocale: targetLocale)
            for (index, unit) in document.units.enumerated() {
                count += 1
                func skip(_ reason: String) { warnings.add(ImportWarning(location: unit.location, reason: reason)) }
                if let problem = unit.problems.first { skip(problem); continue }
                // White space alone is no text (SDLXLIFF and memoQ leave a space in untranslated targets).
                guard let source = unit.source, !source.allSatisfy(\.isWhitespace) else { skip("an empty source"); continue }
                guard let target = unit.target, !target.allSatisfy(\.isWhitespace) else { skip("no target"); continue }
                // A tag alone (Trados' units around a page's markup) is nothing to leverage.
                guard !CodedText(source).plainText.allSatisfy(\.isWhitespace) else { skip("only inline codes"); continue }
                let previous = index > 0 ? document.units[index - 1].source : nil
                let next = index + 1 < document.units.count ? document.units[index + 1].source : nil
                // A target the tool holds as a draft (XLIFF 2 `initial` with a target) is not a finished translation.
                let state = unit.state == .new ? .fuzzy : unit.state ?? .translated
                units.append(MemoryUnit(
                    sourceLocale: pair.source, targetLocale: pair.target, source: source, target: target,
                    previousSource: previous, nextSource: next, originFile: path,
                    originSegment: unit.id.isEmpty ? nil : unit.id, created: now, state: state))
            }
        }
        self.units = units
        self.unitCount = count
        self.warnings = warnings
    }

    /// The document's languages, the caller's overriding them.
    private static func localePair(
        of document: ReturnedDocument, sourceLocale: LocaleTag?, targetLocale: LocaleTag?
    ) throws -> (source: LocaleTag, target: LocaleTag) {
        func tag(_ given: LocaleTag?, _ raw: String?, _ what: String, _ option: String) throws -> LocaleTag {
            if let given { return given }
            guard let raw, !raw.isEmpty else {
                throw TandemError.invalidValue(document.location, message: "the file names no \(what) language; pass \(option)")
            }
            guard let tag = TMXLocale.canonical(raw) else {
                throw TandemError.invalidValue(document.location, message: "'\(raw)' is not a language tag such as zh-CN or en; pass \(option)")
            }
            return tag
        }
        return (try tag(sourceLocale, document.sourceLocale, "source", "--source-locale"),
                try tag(targetLocale, document.targetLocale, "target", "--target-locale"))
    }
}
