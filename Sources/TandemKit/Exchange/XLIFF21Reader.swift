import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads a returned XLIFF 2.0 or 2.1 file into Tandem's placeholder text, refusing hostile XML.
///
/// Inline elements become placeholders by their `id`: `<pc id="1">…</pc>` → `{1}…{/1}`,
/// `<ph id="2"/>` → `{2/}`, `<sc id="3"/>` → `{3}`, `<ec startRef="3"/>` (or an isolated
/// `<ec id="3"/>`) → `{/3}`; `<cp hex/>` is its character; `<mrk>`, `<sm/>` and `<em/>` are
/// transparent. A unit a tool split into several `<segment>`s (and `<ignorable>`s) is joined
/// back in order. Anything else inside a source or target, an id that is not a placeholder
/// number, text that reads as a placeholder, a `dataRef` naming no `<data>` of the unit, or
/// `sc`/`ec` that do not match makes the unit's `problems`, so it is quarantined rather than
/// misread. A DOCTYPE declaring entities is refused before libxml2 sees the file; external
/// entities are never resolved; sizes are capped.
public final class XLIFF21Reader: EntityRefusingXMLDelegate {
    /// The same caps as XLIFF 1.2.
    public typealias Limits = XLIFF12Reader.Limits

    private let displayPath: String
    private let limits: Limits
    private var failure: TandemError?
    private var documents: [ReturnedDocument] = []
    private var depth = 0
    private var sawRoot = false
    private var sourceLanguage: String?
    private var targetLanguage: String?
    /// Whether any unit has a target: then the root must name `trgLang`.
    private(set) var sawTarget = false

    // The unit being read.
    private var unit: ReturnedUnit?
    private var unitProblems: [String] = []
    private var dataIDs = Set<String>()
    private var dataRefs: [String] = []
    /// Its `<segment>`s and `<ignorable>`s so far: source, target, state, whether ignorable.
    private var parts: [(source: String, target: String?, state: SegmentState?, ignorable: Bool)] = []
    private var part: (source: String, target: String?, state: SegmentState?, ignorable: Bool)?

    private enum Field { case source, target, exportedTarget }
    private var field: Field?
    private var text = ""
    /// Character data since the last inline element: checked whole for placeholder lookalikes.
    private var run = ""
    /// Depth inside elements whose content is skipped (notes, modules, data, empty codes).
    private var skipDepth = 0
    /// Open `<pc>` ids (-1: an invalid id) and `<mrk>`s (-2), to close them.
    private var openElements: [Int] = []
    /// Per side (source, target) of the unit: inline ids used, and `sc` waiting for their `ec`.
    private var inlineIDs: [Bool: Set<String>] = [:]
    private var openStarts: [Bool: Set<String>] = [:]

    public init(displayPath: String, limits: Limits = Limits()) {
        self.displayPath = displayPath
        self.limits = limits
    }

    /// The documents of the XLIFF 2 file `bytes`.
    public func read(_ bytes: [UInt8]) throws -> [ReturnedDocument] {
        if bytes.count > limits.maximumFileBytes {
            throw TandemError.invalidValue(SourceLocation(file: displayPath, line: 1, column: 1),
                                           message: "the file has \(bytes.count) bytes, more than the limit of \(limits.maximumFileBytes)")
        }
        var scan = XMLPrologScan()
        bytes.withUnsafeBufferPointer { scan.feed($0) }
        if case .entityDeclaration(let line, let column) = scan.verdict {
            throw TandemError.invalidValue(
                SourceLocation(file: displayPath, line: line, column: column),
                message: "the DOCTYPE declares entities; XLIFF files with entity declarations are refused (entity expansion and external entities are unsafe)")
        }
        let parser = XMLParser(data: Data(bytes))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = true
        parser.delegate = self
        let ok = parser.parse()
        if let failure { throw failure }
        if !ok || parser.parserError != nil {
            let code = parser.parserError.map { ($0 as NSError).code } ?? 0
            throw TandemError.invalidValue(location(parser), message: "not well-formed XML: \(LibXML2Error.describe(code)) (libxml2 error \(code))")
        }
        if !sawRoot { throw TandemError.invalidValue(SourceLocation(file: displayPath, line: 1, column: 1), message: "not an XLIFF file: no <xliff> element") }
        return documents
    }

    /// What XLIFF 2 requires and its schema cannot check, in `bytes`: `trgLang` when a unit has
    /// a target, every `dataRef`/`dataRefStart`/`dataRefEnd` naming a `<data>` of its unit,
    /// `sc`/`ec` matched, inline ids unique and placeholder numbers. Empty for a good file;
    /// throws what `read` throws.
    public static func ruleViolations(_ bytes: [UInt8], displayPath: String = "-") throws -> [String] {
        let reader = XLIFF21Reader(displayPath: displayPath)
        let documents = try reader.read(bytes)
        var violations: [String] = []
        if reader.sawTarget && reader.targetLanguage == nil { violations.append("a unit has a target, and <xliff> has no trgLang") }
        for document in documents {
            for unit in document.units {
                violations += unit.problems.map { "\(unit.location): unit \(unit.id): \($0)" }
            }
        }
        return violations
    }

    private func location(_ parser: XMLParser) -> SourceLocation {
        SourceLocation(file: displayPath, line: max(parser.lineNumber, 1), column: max(parser.columnNumber, 1))
    }

    private func fail(_ parser: XMLParser, _ message: String) {
        if failure == nil { failure = TandemError.invalidValue(location(parser), message: message) }
        parser.abortParsing()
    }

    // MARK: - XMLParserDelegate

    override func refuse(_ parser: XMLParser, _ message: String) {
        fail(parser, message)
    }

    override public func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        let code = (parseError as NSError).code
        fail(parser, "not well-formed XML: \(LibXML2Error.describe(code)) (libxml2 error \(code))")
    }

    override public func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        guard failure == nil else { return }
        depth += 1
        if depth > limits.maximumDepth { return fail(parser, "elements nested deeper than \(limits.maximumDepth)") }
        if skipDepth > 0 {
            skipDepth += 1
            return
        }
        let core = namespaceURI == XLIFF21Writer.namespace
        if depth == 1 {
            guard name == "xliff", core else {
                return fail(parser, "expected an XLIFF 2 <xliff> root element in \(XLIFF21Writer.namespace), found <\(qualifiedName ?? name)>")
            }
            let version = attributes["version"] ?? ""
            guard version.hasPrefix("2.") else {
                return fail(parser, "XLIFF version '\(version)' in the XLIFF 2 namespace; Tandem reads XLIFF 2.0 and 2.1 (export with --format xliff21)")
            }
            sourceLanguage = attributes["srcLang"]
            targetLanguage = attributes["trgLang"]
            sawRoot = true
            return
        }
        if field != nil { return startInline(parser, name, core: core, attributes) }
        if !core {
            // Modules: only the exported target in the metadata module is read.
            if namespaceURI == XLIFF21Writer.metadataNamespace, unit != nil {
                if name == "meta", attributes["type"] == XLIFF21Writer.exportedTargetMeta { beginField(.exportedTarget) }
                if name == "metadata" || name == "metaGroup" || name == "meta" { return }
            }
            skipDepth = 1
            return
        }
        switch name {
        case "file":
            guard let original = attributes["original"] else { return fail(parser, "a <file> without 'original'; this file was not exported by Tandem") }
            documents.append(ReturnedDocument(original: original, sourceLocale: sourceLanguage, targetLocale: targetLanguage, location: location(parser)))
        case "unit":
            guard !documents.isEmpty else { return fail(parser, "a <unit> outside a <file>") }
            guard let id = attributes["id"] else { return fail(parser, "a <unit> without 'id'") }
            unit = ReturnedUnit(id: id, location: location(parser))
            unitProblems = []
            dataIDs = []
            dataRefs = []
            parts = []
            inlineIDs = [:]
            openStarts = [:]
        case "segment" where unit != nil, "ignorable" where unit != nil:
            var state: SegmentState? = nil
            if name == "segment" {
                let raw = attributes["state"] ?? "initial"
                state = Self.segmentState(xliffState: raw, subState: attributes["subState"])
                if state == nil { unitProblems.append("unknown state '\(raw)'") }
            }
            part = (source: "", target: nil, state: state, ignorable: name == "ignorable")
        case "source" where part != nil:
            beginField(.source)
        case "target" where part != nil:
            beginField(.target)
            sawTarget = true
        case "data" where unit != nil:
            if let id = attributes["id"], !dataIDs.insert(id).inserted { unitProblems.append("<data id=\"\(id)\"> appears twice") }
            skipDepth = 1
        case "originalData", "group":
            break
        default:
            // Notes, skeleton and anything a later version adds: nothing Tandem reads.
            skipDepth = 1
        }
    }

    private func beginField(_ which: Field) {
        field = which
        text = ""
        run = ""
        openElements = []
    }

    /// Moves the pending character data into `text`, noting text that reads as a placeholder.
    private func flushRun() {
        guard !run.isEmpty else { return }
        if field != .exportedTarget {
            var copy = run
            let lookalike = copy.withUTF8 { bytes -> String? in
                var found: String?
                Placeholder.forEach(in: bytes) { placeholder, _ in if found == nil { found = placeholder.token } }
                return found
            }
            if let lookalike { unitProblems.append("the text '\(lookalike)' reads as an inline code; codes must be tags") }
        }
        text += run
        run = ""
    }

    /// An element inside a source, target or the exported target.
    private func startInline(_ parser: XMLParser, _ name: String, core: Bool, _ attributes: [String: String]) {
        let side = field == .source ? "source" : "target"
        let isSource = field == .source
        if core && name == "cp" && field != .exportedTarget {
            // A character XML cannot hold: part of the run, so a lookalike made with it is still seen.
            if let hex = attributes["hex"], let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) {
                run.unicodeScalars.append(scalar)
            } else {
                unitProblems.append("<cp hex=\"\(attributes["hex"] ?? "")\"> is not a character")
            }
            skipDepth = 1
            return
        }
        flushRun()
        guard core, field != .exportedTarget else {
            unitProblems.append("unexpected element <\(name)> inside a \(field == .exportedTarget ? "Tandem metadata" : side)")
            skipDepth = 1
            return
        }
        func number(_ attribute: String = "id") -> Int? {
            guard let id = attributes[attribute], let n = Int(id), String(n) == id, Placeholder.numbers.contains(n) else {
                unitProblems.append("<\(name)> has \(attribute) '\(attributes[attribute] ?? "")', which is not an inline code of this segment")
                return nil
            }
            return n
        }
        func claim(_ n: Int?) {
            guard let n else { return }
            if !inlineIDs[isSource, default: []].insert(String(n)).inserted {
                unitProblems.append("inline id '\(n)' appears twice in the \(side)")
            }
        }
        func reference(_ attribute: String) {
            if let ref = attributes[attribute] { dataRefs.append(ref) }
        }
        switch name {
        case "pc":
            let n = number()
            claim(n)
            reference("dataRefStart")
            reference("dataRefEnd")
            if let n { text += Placeholder.open(n).token }
            openElements.append(n ?? -1)
        case "ph":
            let n = number()
            claim(n)
            reference("dataRef")
            if let n { text += Placeholder.standalone(n).token }
            skipDepth = 1
        case "sc":
            let n = number()
            claim(n)
            reference("dataRef")
            if let n {
                text += Placeholder.open(n).token
                if attributes["isolated"] != "yes" { openStarts[isSource, default: []].insert(String(n)) }
            }
            skipDepth = 1
        case "ec":
            reference("dataRef")
            if attributes["isolated"] == "yes" {
                let n = number()
                claim(n)
                if let n { text += Placeholder.close(n).token }
            } else if let start = attributes["startRef"] {
                if openStarts[isSource, default: []].remove(start) == nil {
                    unitProblems.append("<ec startRef=\"\(start)\"> closes no <sc> opened before it in the \(side)")
                }
                if let n = number("startRef") { text += Placeholder.close(n).token }
            } else {
                unitProblems.append("an <ec> with neither startRef nor isolated=\"yes\"")
            }
            skipDepth = 1
        case "mrk":
            openElements.append(-2)
        case "sm", "em":
            skipDepth = 1
        default:
            unitProblems.append("unexpected element <\(name)> inside a \(side)")
            skipDepth = 1
        }
    }

    override public func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard failure == nil, skipDepth == 0, field != nil else { return }
        run += string
        if text.utf8.count + run.utf8.count > limits.maximumUnitTextBytes { fail(parser, "a unit's text is longer than \(limits.maximumUnitTextBytes) bytes") }
    }

    override public func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard failure == nil else { return }
        depth -= 1
        if skipDepth > 0 {
            skipDepth -= 1
            return
        }
        if let field {
            flushRun()
            switch name {
            case "pc" where !openElements.isEmpty, "mrk" where !openElements.isEmpty:
                let n = openElements.removeLast()
                if n >= 0 { text += Placeholder.close(n).token }
                return
            case "source" where field == .source:
                part?.source = text
            case "target" where field == .target:
                part?.target = text
            case "meta" where field == .exportedTarget:
                unit?.exportedTarget = text
            default:
                return
            }
            self.field = nil
            return
        }
        switch name {
        case "segment", "ignorable":
            if let part { parts.append(part) }
            part = nil
        case "unit":
            guard var unit else { return }
            finish(&unit)
            documents[documents.count - 1].units.append(unit)
            self.unit = nil
        default:
            break
        }
    }

    /// Joins the unit's segments and checks what only the whole unit shows.
    private func finish(_ unit: inout ReturnedUnit) {
        let segments = parts.filter { !$0.ignorable }
        if !parts.isEmpty { unit.source = parts.map(\.source).joined() }
        let translated = segments.filter { $0.target != nil }
        if !translated.isEmpty {
            if translated.count < segments.count {
                unitProblems.append("\(segments.count - translated.count) of its \(segments.count) segments have no target; a resegmented unit is applied only whole")
            }
            // An ignorable without a target stands for its source (white space between segments).
            unit.target = parts.map { $0.target ?? ($0.ignorable ? $0.source : "") }.joined()
        }
        unit.state = segments.compactMap(\.state).min()
        for ref in dataRefs where !dataIDs.contains(ref) {
            unitProblems.append("dataRef '\(ref)' names no <data> of the unit")
        }
        for (isSource, starts) in openStarts {
            for start in starts.sorted() { unitProblems.append("<sc id=\"\(start)\"> in the \(isSource ? "source" : "target") has no <ec>") }
        }
        unit.problems = unitProblems
        parts = []
    }

    /// Tandem's state for an XLIFF 2 `state` and `subState`.
    static func segmentState(xliffState: String, subState: String?) -> SegmentState? {
        switch xliffState {
        case "initial": return subState == XLIFF21Writer.fuzzySubState ? .fuzzy : .new
        case "translated": return .translated
        case "reviewed": return .reviewed
        case "final": return .final
        default: return nil
        }
    }
}
