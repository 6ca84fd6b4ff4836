import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads a returned XLIFF 1.2 file into Tandem's placeholder text, refusing hostile XML.
///
/// Inline elements become placeholders by their `id`: `<g id="1">…</g>` → `{1}…{/1}`,
/// `<x id="2"/>` → `{2/}`, `<bx id="3"/>` → `{3}`, `<ex id="3"/>` → `{/3}`; `<ph>`, `<bpt>`,
/// `<ept>` and `<it>` (what some tools turn codes into) likewise, their native content skipped;
/// `<mrk>` is transparent. Anything else inside a source or target, an id that is not a
/// placeholder number, or text that itself reads as a placeholder makes the unit's `problems`,
/// so it is quarantined rather than misread. A DOCTYPE declaring entities is refused before
/// libxml2 sees the file; external entities are never resolved; sizes are capped.
public final class XLIFF12Reader: EntityRefusingXMLDelegate {
    /// Limits that keep a hostile or broken file from exhausting memory.
    public struct Limits: Sendable {
        public var maximumFileBytes = 256 << 20
        public var maximumDepth = 64
        public var maximumUnitTextBytes = 1 << 20
        public init() {}
    }

    private let displayPath: String
    private let limits: Limits
    private var failure: TandemError?
    private var documents: [ReturnedDocument] = []
    private var depth = 0
    private var sawRoot = false

    // The unit being read.
    private var unit: ReturnedUnit?
    private enum Field { case source, target, exportedTarget }
    private var field: Field?
    private var text = ""
    /// Character data since the last inline element: checked whole for placeholder lookalikes
    /// (libxml2 may deliver one run in several pieces).
    private var run = ""
    /// Depth inside elements whose content is skipped (header, alt-trans, notes, native code).
    private var skipDepth = 0
    /// Open `<g>` ids, to close them as `{/id}`.
    private var openGroups: [Int] = []
    private var unitProblems: [String] = []
    private var readingContextType: String?

    public init(displayPath: String, limits: Limits = Limits()) {
        self.displayPath = displayPath
        self.limits = limits
    }

    /// The documents of the XLIFF 1.2 file `bytes`.
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
        if depth == 1 {
            guard name == "xliff" else { return fail(parser, "expected an <xliff> root element, found <\(name)>") }
            let version = attributes["version"] ?? ""
            guard version == "1.2" || version == "1.1" else {
                return fail(parser, "XLIFF version '\(version)' is not read; Tandem reads XLIFF 1.2 (export with --format xliff12)")
            }
            sawRoot = true
            return
        }
        if field != nil { return startInline(parser, name, attributes) }
        switch name {
        case "file":
            guard let original = attributes["original"] else { return fail(parser, "a <file> without 'original'") }
            documents.append(ReturnedDocument(
                original: original, sourceLocale: attributes["source-language"], targetLocale: attributes["target-language"],
                location: location(parser)))
        case "trans-unit":
            guard !documents.isEmpty else { return fail(parser, "a <trans-unit> outside a <file>") }
            guard let id = attributes["id"] else { return fail(parser, "a <trans-unit> without 'id'") }
            unit = ReturnedUnit(id: id, location: location(parser))
            unitProblems = []
        case "source" where unit != nil:
            beginField(.source)
        case "target" where unit != nil:
            beginField(.target)
            if let state = attributes["state"] { unit?.state = Self.segmentState(xliffState: state) }
        case "context" where unit != nil && attributes["context-type"] == XLIFF12Writer.exportedTargetContext:
            beginField(.exportedTarget)
        case "header", "alt-trans", "note", "bin-unit", "seg-source", "count-group", "phase-group", "prop-group":
            skipDepth = 1
        default:
            break
        }
    }

    private func beginField(_ which: Field) {
        field = which
        text = ""
        run = ""
        openGroups = []
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

    /// An element inside a source or target.
    private func startInline(_ parser: XMLParser, _ name: String, _ attributes: [String: String]) {
        flushRun()
        if field == .exportedTarget {
            unitProblems.append("unexpected <\(name)> in the exported-target context")
            skipDepth = 1
            return
        }
        func number() -> Int? {
            guard let id = attributes["id"], let n = Int(id), String(n) == id, Placeholder.numbers.contains(n) else {
                unitProblems.append("<\(name)> has id '\(attributes["id"] ?? "")', which is not an inline code of this segment")
                return nil
            }
            return n
        }
        switch name {
        case "g":
            let n = number()
            if let n { text += Placeholder.open(n).token }
            openGroups.append(n ?? -1)
        case "x":
            if let n = number() { text += Placeholder.standalone(n).token }
            skipDepth = 1
        case "bx":
            if let n = number() { text += Placeholder.open(n).token }
            skipDepth = 1
        case "ex":
            if let n = number() { text += Placeholder.close(n).token }
            skipDepth = 1
        case "ph":
            if let n = number() { text += Placeholder.standalone(n).token }
            skipDepth = 1
        case "bpt":
            if let n = number() { text += Placeholder.open(n).token }
            skipDepth = 1
        case "ept":
            if let n = number() { text += Placeholder.close(n).token }
            skipDepth = 1
        case "it":
            if let n = number() { text += (attributes["pos"] == "close" ? Placeholder.close(n) : Placeholder.open(n)).token }
            skipDepth = 1
        case "mrk":
            openGroups.append(-2)
        default:
            unitProblems.append("unexpected element <\(name)> inside a \(field == .source ? "source" : "target")")
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
            case "g" where !openGroups.isEmpty, "mrk" where !openGroups.isEmpty:
                let n = openGroups.removeLast()
                if n >= 0 { text += Placeholder.close(n).token }
                return
            case "source" where field == .source:
                unit?.source = text
            case "target" where field == .target:
                unit?.target = text
            case "context" where field == .exportedTarget:
                unit?.exportedTarget = text
            default:
                return
            }
            self.field = nil
            return
        }
        if name == "trans-unit", var unit {
            unit.problems = unitProblems
            documents[documents.count - 1].units.append(unit)
            self.unit = nil
        }
    }

    /// Tandem's state for an XLIFF 1.2 `state`.
    static func segmentState(xliffState: String) -> SegmentState? {
        switch xliffState {
        case "new", "needs-translation": return .new
        case "needs-adaptation", "needs-l10n", "needs-review-adaptation", "needs-review-l10n", "needs-review-translation": return .fuzzy
        case "translated": return .translated
        case "signed-off": return .reviewed
        case "final": return .final
        default: return nil
        }
    }
}
