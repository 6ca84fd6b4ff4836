import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The base of the XLIFF 1.2 and XLIFF 2 readers: what reading a returned XLIFF file safely
/// takes whatever its version. A DOCTYPE declaring entities is refused before libxml2 sees the
/// file, external entities are never resolved, sizes and depth are capped, errors carry the
/// parser's position, and text inside a source or target that reads as a placeholder is a
/// problem of its unit (codes must be tags). Subclasses map the version's elements.
public class XLIFFReader: EntityRefusingXMLDelegate {
    /// Limits that keep a hostile or broken file from exhausting memory.
    public struct Limits: Sendable {
        public var maximumFileBytes = 256 << 20
        public var maximumDepth = 64
        public var maximumUnitTextBytes = 1 << 20
        public init() {}
    }

    public typealias Reading = ExchangeReading

    let displayPath: String
    let limits: Limits
    let reading: Reading
    /// Memory source: the unit's inline ids and the placeholder numbers given to them.
    private var codeNumbers: [String: Int] = [:]
    var failure: TandemError?
    var documents: [ReturnedDocument] = []
    /// Element depth; the root is 1.
    var depth = 0
    var sawRoot = false

    /// What the character data being read belongs to.
    enum Field {
        case source, target, exportedTarget
        /// XLIFF 1.2 `<seg-source>`, read for a memory source (its `<mrk mtype="seg">` sentences).
        case segmentedSource
    }
    var field: Field?
    /// A translator's `<note>` being read (its text so far), outside any field.
    var noteText: String?
    /// The field's text so far, with placeholders.
    var text = ""
    /// Character data since the last inline element: checked whole for placeholder lookalikes
    /// (libxml2 may deliver one run in several pieces).
    var run = ""
    /// Depth inside elements whose content is skipped.
    var skipDepth = 0
    /// Open paired elements of the field, to close them: a placeholder number, -1 for one whose
    /// id is not a number, -2 for an annotation (`<mrk>`), which is transparent.
    var openElements: [Int] = []
    var unitProblems: [String] = []

    init(displayPath: String, limits: Limits, reading: Reading) {
        self.displayPath = displayPath
        self.limits = limits
        self.reading = reading
    }

    /// A unit starts: no problems, no inline ids yet.
    func beginUnit() {
        unitProblems = []
        codeNumbers = [:]
    }

    /// The documents of the XLIFF file `bytes`.
    public func read(_ bytes: [UInt8]) throws -> [ReturnedDocument] {
        // UTF-16 is made UTF-8 first, so the prolog scan sees the text libxml2 parses.
        let bytes = XMLByteEncoding.utf8Document(bytes)
        if bytes.count > limits.maximumFileBytes {
            throw TandemError.invalidValue(SourceLocation(file: displayPath, line: 1, column: 1),
                                           message: "the file has \(bytes.count) bytes, more than the limit of \(limits.maximumFileBytes)")
        }
        try XMLByteEncoding.refuseInvalidUTF8(bytes, path: displayPath)
        try EmptyProcessingInstructionScan.Finding.refuse(in: bytes, path: displayPath)
        var scan = XMLPrologScan()
        bytes.withUnsafeBufferPointer { scan.feed($0) }
        try scan.refuseEntityDeclarations(
            path: displayPath, message: "the DOCTYPE declares entities; XLIFF files with entity declarations are refused (entity expansion and external entities are unsafe)")
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

    func location(_ parser: XMLParser) -> SourceLocation {
        SourceLocation(file: displayPath, line: max(parser.lineNumber, 1), column: max(parser.columnNumber, 1))
    }

    /// Refuses the file with `message` at the parser's position; parsing stops.
    func fail(_ parser: XMLParser, _ message: String) {
        if failure == nil { failure = TandemError.invalidValue(location(parser), message: message) }
        parser.abortParsing()
    }

    func beginField(_ which: Field) {
        field = which
        text = ""
        run = ""
        openElements = []
    }

    /// Moves the pending character data into `text`, noting text that reads as a placeholder.
    func flushRun() {
        guard !run.isEmpty else { return }
        if reading == .memorySource {
            // Codes are elements: text in braces is the other tool's literal text.
            text += LiteralPlaceholderEscape.escaping(run)
            run = ""
            return
        }
        if field != .exportedTarget, let lookalike = CodedText(run).placeholders.first {
            unitProblems.append("the text '\(lookalike)' reads as an inline code; codes must be tags")
        }
        text += run
        run = ""
    }

    /// The paired inline element whose end closes a placeholder pair (`g`, `pc`).
    var pairElement: String { "" }
    /// The element whose text is the exported target.
    var exportedTargetElement: String { "" }

    /// An element starts, below the depth cap and outside skipped content.
    func startElement(_ parser: XMLParser, _ name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {}

    /// A `<mrk>` opened as a segment mark (-3 in `openElements`) ends; `text` holds its content.
    func endSegmentMark() {}

    /// An element ends outside any field.
    func endElement(_ name: String) {}

    /// A field ends: its text, with placeholders, is `text`.
    func endField(_ field: Field) {}

    /// The placeholder number in `attribute` of an inline element, or nil (a problem of the unit).
    func placeholderNumber(_ element: String, _ attributes: [String: String], _ attribute: String = "id") -> Int? {
        if reading == .memorySource { return memoryCodeNumber(element, attributes[attribute]) }
        guard let id = attributes[attribute], let n = Int(id), String(n) == id, Placeholder.numbers.contains(n) else {
            unitProblems.append("<\(element)> has \(attribute) '\(attributes[attribute] ?? "")', which is not an inline code of this segment")
            return nil
        }
        return n
    }

    /// The placeholder number of inline id `id` in a memory source: the same id gets the same
    /// number in the source and the target; a numeric id keeps its number when it is free.
    private func memoryCodeNumber(_ element: String, _ id: String?) -> Int? {
        if let id, let known = codeNumbers[id] { return known }
        let used = Set(codeNumbers.values)
        var number: Int
        if let id, let n = Int(id), String(n) == id, Placeholder.numbers.contains(n), !used.contains(n) {
            number = n
        } else {
            number = (used.max() ?? 0) + 1
        }
        guard Placeholder.numbers.contains(number) else {
            unitProblems.append("<\(element)> is one inline code more than Tandem's placeholders can number")
            return nil
        }
        codeNumbers[id ?? "#\(codeNumbers.count)"] = number
        return number
    }

    // MARK: - XMLParserDelegate

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
        startElement(parser, name, namespaceURI: namespaceURI, qualifiedName: qualifiedName, attributes: attributes)
    }

    override public func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard failure == nil else { return }
        depth -= 1
        if skipDepth > 0 {
            skipDepth -= 1
            return
        }
        guard let field else { return endElement(name) }
        flushRun()
        switch name {
        case pairElement where !openElements.isEmpty, "mrk" where !openElements.isEmpty:
            let n = openElements.removeLast()
            if n >= 0 { text += Placeholder.close(n).token }
            if n == -3 { endSegmentMark() }
        case "seg-source" where field == .segmentedSource, "source" where field == .source, "target" where field == .target, exportedTargetElement where field == .exportedTarget:
            endField(field)
            self.field = nil
        default:
            break
        }
    }

    override func refuse(_ parser: XMLParser, _ message: String) {
        fail(parser, message)
    }

    override public func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        let code = (parseError as NSError).code
        // libxml2 gives error 5 both for text after the root and for a file that ends inside
        // an element; with elements still open it is the second, a file cut short (a CAT tool's
        // save interrupted), which "extra content" described backwards.
        if code == 5, depth > 0 {
            return fail(parser, "not well-formed XML: the file ends inside an element (cut short?) (libxml2 error \(code))")
        }
        fail(parser, "not well-formed XML: \(LibXML2Error.describe(code)) (libxml2 error \(code))")
    }

    override public func parser(_ parser: XMLParser, foundCharacters string: String) {
        if failure == nil, skipDepth == 0, field == nil, noteText != nil {
            noteText! += string
            if noteText!.utf8.count > limits.maximumUnitTextBytes { fail(parser, "a note is longer than \(limits.maximumUnitTextBytes) bytes") }
            return
        }
        guard failure == nil, skipDepth == 0, field != nil else { return }
        run += string
        if text.utf8.count + run.utf8.count > limits.maximumUnitTextBytes { fail(parser, "a unit's text is longer than \(limits.maximumUnitTextBytes) bytes") }
    }
}
