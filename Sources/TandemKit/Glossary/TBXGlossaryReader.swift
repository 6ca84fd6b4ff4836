import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads TBX term bases, both TBX v2 (`martif/termEntry/langSet/tig`) and TBX v3
/// (`tbx/conceptEntry/langSec/termSec`, Core or Basic), with Foundation's XMLParser (libxml2).
///
/// A term base may hold any number of languages (every TBX-Basic sample does): the pair read
/// is the one asked for, by default the root's `xml:lang` as the source and the first other
/// language as the target; the other languages are reported as left out. A concept without a
/// term in both languages of the pair, and an empty `<term/>`, are skipped with a warning.
/// Target terms whose `administrativeStatus` is deprecated or superseded become forbidden
/// variants; an entry whose target equals its source is read as `keep`.
///
/// Safety: a DOCTYPE that declares entities is rejected before parsing (billion laughs, XXE);
/// external entities are never resolved (the resolving policy is left at its default).
enum TBXGlossaryReader {
    /// Larger files are refused rather than parsed into memory.
    static let maximumSize = 100 * 1024 * 1024

    static func read(_ bytes: [UInt8], path: String, sourceLocale: LocaleTag? = nil, targetLocale: LocaleTag? = nil) throws -> Glossary {
        // UTF-16 is made UTF-8 first, so the prolog scan sees the text libxml2 parses.
        let bytes = XMLByteEncoding.utf8Document(bytes)
        if bytes.count > maximumSize {
            throw TandemError.invalidValue(
                SourceLocation(file: path, line: 1, column: 1),
                message: "TBX file of \(bytes.count) bytes is larger than the \(maximumSize)-byte limit")
        }
        try XMLByteEncoding.refuseInvalidUTF8(bytes, path: path)
        try EmptyProcessingInstructionScan.Finding.refuse(in: bytes, path: path)
        var scan = XMLPrologScan()
        bytes.withUnsafeBufferPointer { scan.feed($0) }
        try scan.refuseEntityDeclarations(
            path: path, message: "DOCTYPE declares an entity; entity declarations are refused (they can expand without bound or read local files)")
        let parser = XMLParser(data: Data(bytes))
        let collector = TBXCollector(path: path, parser: parser, sourceLocale: sourceLocale, targetLocale: targetLocale)
        parser.delegate = collector
        parser.shouldResolveExternalEntities = false
        let parsed = parser.parse()
        if let error = collector.refusal { throw error }
        if let error = collector.syntaxError { throw error }
        if !parsed {
            let description = (parser.parserError as NSError?)?.localizedDescription ?? "parse error"
            throw TandemError.invalidValue(
                SourceLocation(file: path, line: max(parser.lineNumber, 1), column: max(parser.columnNumber, 1)),
                message: "not well-formed XML: \(description)")
        }
        if let error = collector.error { throw error }
        guard collector.sawRoot else {
            throw TandemError.invalidValue(
                SourceLocation(file: path, line: 1, column: 1), message: "not a TBX file: expected a <tbx> or <martif> root element")
        }
        var glossary = Glossary(sourceLocale: collector.sourceLocale, targetLocale: collector.targetLocale, entries: collector.entries)
        glossary.warnings = collector.warnings
        glossary.languagesLeftOut = collector.languagesLeftOut
        return glossary
    }
}

/// XMLParser delegate gathering concept entries; keeps the first error it meets.
private final class TBXCollector: EntityRefusingXMLDelegate {
    let path: String
    unowned let parser: XMLParser
    /// The first structural problem (reported only when the XML itself is well-formed).
    var error: TandemError?
    /// A refused construct (entity declarations): parsing stops at once.
    var refusal: TandemError?
    /// The first XML syntax error, even one libxml2 recovered from.
    var syntaxError: TandemError?
    var sawRoot = false
    var sourceLocale: LocaleTag?
    var targetLocale: LocaleTag?
    var entries: [GlossaryEntry] = []
    var warnings: [ImportWarning] = []
    var languagesLeftOut: [LocaleTag] = []
    /// Whether the pair was asked for (else the root's language and the first other one).
    let sourceWasAsked: Bool

    /// One term with its term-level notes.
    struct Term {
        var text = ""
        var status: String?
        var partOfSpeech: String?
        /// Tandem's match contexts (`termNote type="notPrecededBy"`/`"notFollowedBy"`, one per item).
        var notPrecededBy: [String] = []
        var notFollowedBy: [String] = []
    }

    // State of the concept being read.
    var conceptLocation: SourceLocation?
    var conceptNote: String?
    var conceptDefinition: String?
    /// Which side of the pair the `langSec` being read is; nil for a language left out.
    var currentSide: Side?
    enum Side { case source, target }
    var sourceTerms: [Term] = []
    var targetTerms: [Term] = []
    var currentTerm: Term?
    var textBuffer = ""
    var capture: Capture?

    enum Capture { case term, termNote(String), note, descrip(String) }

    init(path: String, parser: XMLParser, sourceLocale: LocaleTag?, targetLocale: LocaleTag?) {
        self.path = path
        self.parser = parser
        self.sourceLocale = sourceLocale
        self.targetLocale = targetLocale
        sourceWasAsked = sourceLocale != nil
    }

    var location: SourceLocation { SourceLocation(file: path, line: max(parser.lineNumber, 1), column: max(parser.columnNumber, 1)) }

    func fail(_ message: String) {
        if error == nil { error = TandemError.invalidValue(location, message: message) }
    }

    func refuse(_ message: String) {
        if refusal == nil { refusal = TandemError.invalidValue(location, message: message) }
        parser.abortParsing()
    }

    /// libxml2 as Foundation drives it on Linux recovers from some errors (a mismatched end
    /// tag) and `parse()` still returns true; the first error reported here makes the file fail.
    override func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if syntaxError == nil {
            syntaxError = TandemError.invalidValue(location, message: "not well-formed XML: \(LibXML2Error.describe((parseError as NSError).code))")
        }
    }

    override func refuse(_ parser: XMLParser, _ message: String) {
        refuse(message)
    }

    /// How deep the current element is. TBX needs about eight levels; the XLIFF readers' limit
    /// keeps a hostile file from building a deep tree (or a deep stack) in libxml2.
    var depth = 0
    static let maximumDepth = XLIFFReader.Limits().maximumDepth

    override func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        depth += 1
        if depth > Self.maximumDepth { return refuse("elements nested deeper than \(Self.maximumDepth)") }
        let local = name.split(separator: ":").last.map(String.init) ?? name
        switch local {
        case "tbx", "martif":
            sawRoot = true
            if let lang = attributes["xml:lang"] {
                guard let tag = LocaleTag(lang) else { return fail("'\(lang)' is not a BCP 47 language tag") }
                if !sourceWasAsked { sourceLocale = tag }
            }
        case "conceptEntry", "termEntry":
            conceptLocation = location
            conceptNote = nil
            conceptDefinition = nil
            sourceTerms = []
            targetTerms = []
        case "langSec", "langSet":
            guard let lang = attributes["xml:lang"], let tag = LocaleTag(lang) else {
                return fail("<\(local)> needs an xml:lang attribute holding a BCP 47 tag")
            }
            if sourceLocale == nil { sourceLocale = tag }
            if tag != sourceLocale, targetLocale == nil { targetLocale = tag }
            switch tag {
            case sourceLocale: currentSide = .source
            case targetLocale: currentSide = .target
            default:
                currentSide = nil
                if !languagesLeftOut.contains(tag) { languagesLeftOut.append(tag) }
            }
        case "termSec", "tig", "ntig":
            currentTerm = Term()
        case "term":
            if currentTerm == nil { currentTerm = Term() }
            capture = .term
            textBuffer = ""
        case "termNote":
            capture = .termNote(attributes["type"] ?? "")
            textBuffer = ""
        case "note":
            capture = .note
            textBuffer = ""
        case "descrip":
            capture = .descrip(attributes["type"] ?? "")
            textBuffer = ""
        default:
            break
        }
    }

    override func parser(_ parser: XMLParser, foundCharacters string: String) {
        if capture != nil { textBuffer += string }
    }

    override func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
        let local = name.split(separator: ":").last.map(String.init) ?? name
        let text = textBuffer.trimmingCharacters(in: .whitespacesAndNewlines)
        switch local {
        case "term":
            currentTerm?.text = textBuffer
            capture = nil
        case "termNote":
            if case .termNote(let type) = capture {
                switch type {
                case "administrativeStatus": currentTerm?.status = text
                case "partOfSpeech": currentTerm?.partOfSpeech = text
                case "notPrecededBy": if !text.isEmpty { currentTerm?.notPrecededBy.append(text) }
                case "notFollowedBy": if !text.isEmpty { currentTerm?.notFollowedBy.append(text) }
                default: break
                }
            }
            capture = nil
        case "note":
            if currentTerm == nil { conceptNote = text }
            capture = nil
        case "descrip":
            if case .descrip(let type) = capture, type == "definition" { conceptDefinition = text }
            capture = nil
        case "termSec", "tig", "ntig":
            finishTerm()
        case "langSec", "langSet":
            finishTerm()
            currentSide = nil
        case "conceptEntry", "termEntry":
            finishConcept()
        default:
            break
        }
    }

    func finishTerm() {
        guard let term = currentTerm else { return }
        currentTerm = nil
        guard let side = currentSide else { return }
        guard !term.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return warnings.append(ImportWarning(location: location, reason: "an empty <term>"))
        }
        switch side {
        case .source: sourceTerms.append(term)
        case .target: targetTerms.append(term)
        }
    }

    func finishConcept() {
        guard error == nil else { return }
        func isForbidden(_ term: Term) -> Bool {
            guard let status = term.status?.lowercased() else { return false }
            return status.hasPrefix("deprecated") || status.hasPrefix("superseded")
        }
        func isAdmitted(_ term: Term) -> Bool { term.status?.lowercased().hasPrefix("admitted") ?? false }
        let preferred = targetTerms.filter { !isForbidden($0) }
        let forbidden = targetTerms.filter(isForbidden).map(\.text)
        let location = conceptLocation ?? location
        guard !sourceTerms.isEmpty else {
            return warnings.append(ImportWarning(location: location, reason: "no term in \(sourceLocale?.identifier ?? "the source language")"))
        }
        guard !targetTerms.isEmpty else {
            return warnings.append(ImportWarning(location: location, reason: "no term in \(targetLocale?.identifier ?? "a second language")"))
        }
        var alsoAccepted: [GlossaryEntry] = []
        for source in sourceTerms {
            var entry = GlossaryEntry(
                source: source.text, target: "", partOfSpeech: source.partOfSpeech, comment: conceptNote,
                note: conceptDefinition, notPrecededBy: source.notPrecededBy, notFollowedBy: source.notFollowedBy,
                location: conceptLocation)
            if let target = preferred.first {
                entry.target = target.text
                entry.kind = target.text == source.text ? .keep : isAdmitted(target) ? .admitted : .term
                entry.forbiddenVariants = forbidden
                // The concept's other admitted terms: accepted translations too, after it.
                for other in preferred.dropFirst() where isAdmitted(other) {
                    var admitted = entry
                    admitted.target = other.text
                    admitted.kind = .admitted
                    admitted.forbiddenVariants = []
                    alsoAccepted.append(admitted)
                }
            } else if let first = forbidden.first {
                entry.target = first
                entry.kind = .forbidden
                entry.forbiddenVariants = Array(forbidden.dropFirst())
            }
            entries.append(entry)
            entries += alsoAccepted
            alsoAccepted = []
        }
    }
}
