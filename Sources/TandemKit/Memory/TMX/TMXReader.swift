import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads a TMX 1.4b file as a stream of translation units, with bounded memory.
///
/// Foundation's `XMLParser` (libxml2, SAX) does the parsing. Hostile input is refused before
/// and during parsing: a DOCTYPE that declares entities (billion laughs, external entities that
/// would read local files) is an error, external entities are never resolved, and file, segment
/// and nesting sizes are capped. Errors carry the file's line and column.
///
/// What real tools write is accepted: OmegaT (`bpt`/`ept` with `i`/`x`), Translate Toolkit's
/// `po2tmx` (a header `srclang="en"` whatever the languages: its source is the first variant),
/// TMX 1.1 `lang` attributes, language codes in any case or with `_`, and files in UTF-16
/// (little or big endian, with or without a byte order mark), which `TMXByteStream` reads as UTF-8.
public final class TMXReader: EntityRefusingXMLDelegate {
    /// Limits that keep a hostile or broken file from exhausting memory.
    public struct Limits: Sendable {
        public var maximumFileBytes: Int = 4 << 30
        /// UTF-8 bytes in one `<seg>`.
        public var maximumSegmentLength: Int = 1 << 20
        public var maximumVariantsPerUnit: Int = 1000
        public var maximumDepth: Int = 64
        public init() {}
    }

    /// What the file's header said.
    public private(set) var headerSourceLocale: String?
    public private(set) var creationTool: String?

    private let url: URL
    private let displayPath: String
    private let limits: Limits
    private var parser: XMLParser?
    private var deliver: ((TMXTranslationUnit) throws -> Void)?
    private var failure: Error?
    private var unitCount = 0
    private var headerSource: LocaleTag?
    private var headerSourceIsTrusted = true

    // Parse state.
    private var depth = 0
    private var unit: TMXTranslationUnit?
    private var variantLocale: LocaleTag?
    private var variantText: String?
    /// Character data of the `<seg>` since the last inline element: escaped whole when it
    /// ends (libxml2 may deliver `{0` and `}` in separate pieces).
    private var textRun = ""
    private var inSegment = false
    /// Depth of elements whose content is native code (bpt, ept, ph, it, ut): not text.
    private var skipDepth = 0
    private var propertyType: String?
    private var propertyText = ""
    private var controlPlaceholder: String?
    private var numberOfPairId: [String: Int] = [:]
    private var usedNumbers = Set<Int>()
    private var variantLength = 0
    /// Language codes seen so far, canonicalized once each.
    private var localeCache: [String: LocaleTag?] = [:]

    /// A reader of the file at `url`; `displayPath` is how messages name it.
    public init(url: URL, displayPath: String? = nil, limits: Limits = Limits()) {
        self.url = url
        self.displayPath = displayPath ?? url.path
        self.limits = limits
    }

    /// Parses the whole file, calling `body` with each unit in file order. Returns the number of units.
    @discardableResult
    public func read(_ body: @escaping (TMXTranslationUnit) throws -> Void) throws -> Int {
        try checkProlog()
        guard let stream = TMXByteStream(file: url) else {
            throw TandemError.unreadable(path: displayPath, reason: "cannot open")
        }
        let parser = XMLParser(stream: stream)
        // Never resolve external entities (the default policy `.never` is kept: `.always` opens local files).
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = self
        self.parser = parser
        self.deliver = body
        defer {
            self.parser = nil
            self.deliver = nil
        }
        let ok = parser.parse()
        // The stream ended at the bad byte (the parser saw none): that, not the parser's error.
        if let invalid = invalidUTF8(in: stream) { throw invalid }
        if let instruction = stream.emptyInstruction { throw instruction.error(path: displayPath) }
        if let failure { throw failure }
        if !ok || parser.parserError != nil {
            let error = parser.parserError.map { $0 as NSError }
            let detail = error.map { "\(LibXML2Error.describe($0.code)) (libxml2 error \($0.code))" } ?? "malformed XML"
            throw TandemError.invalidValue(location(parser), message: "not well-formed TMX: \(detail)")
        }
        if unit != nil || depth != 0 {
            throw TandemError.invalidValue(location(parser), message: "not well-formed TMX: the file ends inside an element")
        }
        return unitCount
    }

    /// Refuses oversized files and DOCTYPEs that declare entities, before libxml2 sees them.
    private func checkProlog() throws {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        } catch {
            throw TandemError.unreadable(path: displayPath, reason: "no such file")
        }
        if let size = attributes[.size] as? Int, size > limits.maximumFileBytes {
            throw TandemError.invalidValue(
                SourceLocation(file: displayPath, line: 1, column: 1),
                message: "the file has \(size) bytes, more than the limit of \(limits.maximumFileBytes)")
        }
        // Through the same stream as the parser, so a UTF-16 prolog is scanned as UTF-8.
        guard let stream = TMXByteStream(file: url) else {
            throw TandemError.unreadable(path: displayPath, reason: "cannot open")
        }
        defer { stream.close() }
        var scan = XMLPrologScan()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var first = true
        while scan.verdict == nil {
            let count = chunk.withUnsafeMutableBufferPointer { stream.read($0.baseAddress!, maxLength: $0.count) }
            // Bytes that are not UTF-8 are the first thing wrong with a file (the stream
            // checks each chunk as it reads it, and ends before a bad byte).
            if let invalid = invalidUTF8(in: stream) { throw invalid }
            guard count > 0 else { break }
            // The declaration as libxml2 will see it (a UTF-16 file's transcoded).
            if first { try XMLByteEncoding.refuseOtherEncoding(Array(chunk[..<count]), path: displayPath) }
            first = false
            chunk.withUnsafeBufferPointer { scan.feed(UnsafeBufferPointer(rebasing: $0[..<count])) }
        }
        try scan.refuseEntityDeclarations(
            path: displayPath, message: "the DOCTYPE declares entities; TMX files with entity declarations are refused (entity expansion and external entities are unsafe)")
    }

    /// The error for a UTF-8 file's first byte that is not UTF-8, when `stream` met one.
    private func invalidUTF8(in stream: TMXByteStream) -> TandemError? {
        guard let offset = stream.invalidUTF8Offset else { return nil }
        return TandemError.invalidUTF8(UTF8ChunkCheck.location(ofByte: offset, inFileAt: url, displayPath: displayPath), byteOffset: offset)
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

    override public func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        guard failure == nil else { return }
        depth += 1
        if depth > limits.maximumDepth { return fail(parser, "elements nested deeper than \(limits.maximumDepth)") }
        if depth == 1, name != "tmx" { return fail(parser, "expected a <tmx> root element, found <\(name)>") }
        if skipDepth > 0 {
            skipDepth += 1
            return
        }
        if inSegment {
            startInline(parser, name, attributes)
            return
        }
        switch name {
        case "header":
            headerSourceLocale = attributes["srclang"]
            creationTool = attributes["creationtool"]
            headerSource = headerSourceLocale.flatMap(TMXLocale.canonical)
            // po2tmx writes srclang="en" (its --source-language default) whatever the files'
            // languages, and puts the source variant first: its header is not evidence.
            headerSourceIsTrusted = creationTool != "Translate Toolkit"
        case "tu":
            // A <tu> inside another (found by `TMXFuzzer`) would end the outer one's state
            // while its <tuv> is still open.
            guard unit == nil else { return fail(parser, "<tu> inside a <tu>") }
            let read = TMXUnitAttributes(attributes)
            var newUnit = TMXTranslationUnit()
            newUnit.line = parser.lineNumber
            newUnit.tuid = read.tuid
            newUnit.creator = read.creator
            newUnit.created = read.creationDate.flatMap(TMXDate.parse)
            newUnit.changed = read.changeDate.flatMap(TMXDate.parse)
            if let source = read.sourceLanguage, source != "*all*" { newUnit.sourceLocale = canonicalLocale(source) }
            unit = newUnit
        case "tuv":
            guard unit != nil else { return fail(parser, "<tuv> outside a <tu>") }
            let read = TMXUnitAttributes(attributes)
            guard let raw = read.language else {
                return fail(parser, "<tuv> without xml:lang")
            }
            guard let locale = canonicalLocale(raw) else {
                return fail(parser, "xml:lang '\(raw)' is not a language tag such as zh-CN or en")
            }
            variantLocale = locale
            // OmegaT puts who and when on the translated <tuv>, not on the <tu>.
            if unit!.creator == nil { unit!.creator = read.creator }
            if unit!.created == nil { unit!.created = read.creationDate.flatMap(TMXDate.parse) }
            if unit!.changed == nil { unit!.changed = read.changeDate.flatMap(TMXDate.parse) }
        case "seg":
            guard variantLocale != nil else { return fail(parser, "<seg> outside a <tuv>") }
            inSegment = true
            variantText = ""
            textRun = ""
            variantLength = 0
            numberOfPairId.removeAll()
            usedNumbers.removeAll()
        case "prop":
            if unit != nil {
                propertyType = attributes["type"] ?? ""
                propertyText = ""
            }
        default:
            break
        }
    }

    /// An inline element inside `<seg>`: codes become placeholders, their native content is skipped.
    private func startInline(_ parser: XMLParser, _ name: String, _ attributes: [String: String]) {
        // Text on both sides of <hi> or <sub> is one run: only a code ends it.
        if ["bpt", "ept", "it", "ph", "ut"].contains(name) { flushText(parser) }
        switch name {
        case "bpt":
            let number = claimNumber(attributes["x"])
            if let i = attributes["i"] { numberOfPairId[i] = number }
            append(parser, Placeholder.open(number).token)
            skipDepth = 1
        case "ept":
            let number = attributes["i"].flatMap { numberOfPairId[$0] } ?? claimNumber(nil)
            append(parser, Placeholder.close(number).token)
            skipDepth = 1
        case "it":
            let number = claimNumber(attributes["x"])
            append(parser, (attributes["pos"] == "end" ? Placeholder.close(number) : Placeholder.open(number)).token)
            skipDepth = 1
        case "ph":
            if attributes["type"] == TMXWriter.controlCharacterType {
                controlPlaceholder = ""
                return
            }
            append(parser, Placeholder.standalone(claimNumber(attributes["x"])).token)
            skipDepth = 1
        case "ut":
            // TMX 1.1's code of unknown kind (deprecated in 1.4): a standalone code, as <ph>.
            append(parser, Placeholder.standalone(claimNumber(attributes["x"])).token)
            skipDepth = 1
        default:
            // <hi>, <sub> and unknown markup: their text is part of the segment.
            break
        }
    }

    /// Moves the pending text into the variant, its placeholder lookalikes escaped: text in a
    /// `<seg>` is literal (codes are elements), so `Error {0}` stays text.
    private func flushText(_ parser: XMLParser) {
        guard !textRun.isEmpty else { return }
        let run = LiteralPlaceholderEscape.escaping(textRun)
        textRun = ""
        append(parser, run)
    }

    private func claimNumber(_ x: String?) -> Int {
        // A number the placeholder grammar cannot write (12345) would turn the code into text.
        if let x, let number = Int(x), Placeholder.numbers.contains(number), !usedNumbers.contains(number) {
            usedNumbers.insert(number)
            return number
        }
        var number = (usedNumbers.max() ?? 0) + 1
        if number > Placeholder.numbers.upperBound { number = Placeholder.numbers.lowerBound }
        while usedNumbers.contains(number) { number += 1 }
        // Past the grammar's last number a code would read as text: an import of such a
        // segment fails (see `append`) rather than storing it wrong.
        usedNumbers.insert(number)
        return number
    }

    private func append(_ parser: XMLParser, _ text: String) {
        guard variantText != nil else { return }
        if usedNumbers.count > Placeholder.numbers.upperBound {
            return fail(parser, "a <seg> with more than \(Placeholder.numbers.upperBound) inline codes")
        }
        variantLength += text.utf8.count
        if variantLength > limits.maximumSegmentLength {
            return fail(parser, "a <seg> longer than \(limits.maximumSegmentLength) bytes")
        }
        variantText!.append(text)
    }

    private func canonicalLocale(_ raw: String) -> LocaleTag? {
        if let cached = localeCache[raw] { return cached }
        let tag = TMXLocale.canonical(raw)
        if localeCache.count < 10_000 { localeCache[raw] = tag }
        return tag
    }

    override public func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        // The first error, where it happened (libxml2 recovers and would report the end of file).
        let code = (parseError as NSError).code
        fail(parser, "not well-formed TMX: \(LibXML2Error.describe(code)) (libxml2 error \(code))")
    }

    override public func parser(_ parser: XMLParser, foundCharacters rawString: String) {
        guard failure == nil else { return }
        let string = TMXByteStream.restoringControlCharacters(rawString) ?? rawString
        // BEL or ESC from a gettext catalog are kept, but a NUL is never text: a unit holding
        // one would carry it into segment files and posts (every other reader refuses it too).
        var probe = string
        if probe.withUTF8({ $0.count > 0 && memchr($0.baseAddress!, 0, $0.count) != nil }) {
            return fail(parser, "a NUL character in the text (raw or as &#0;); expected text without NUL")
        }
        if controlPlaceholder != nil {
            controlPlaceholder! += string
            return
        }
        if inSegment, skipDepth == 0 {
            textRun += string
            if textRun.utf8.count > limits.maximumSegmentLength { fail(parser, "a <seg> longer than \(limits.maximumSegmentLength) bytes") }
        } else if propertyType != nil {
            propertyText += string
            if propertyText.utf8.count > limits.maximumSegmentLength { fail(parser, "a <prop> longer than \(limits.maximumSegmentLength) bytes") }
        }
    }

    override public func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard failure == nil else { return }
        depth -= 1
        if skipDepth > 0 {
            skipDepth -= 1
            return
        }
        if let hex = controlPlaceholder, name == "ph" {
            controlPlaceholder = nil
            guard let value = UInt32(hex.trimmingCharacters(in: .whitespaces), radix: 16),
                  let scalar = Unicode.Scalar(value)
            else { return fail(parser, "a control-character placeholder must hold a hexadecimal code point, found '\(hex)'") }
            textRun.unicodeScalars.append(scalar)
            return
        }
        switch name {
        case "seg":
            flushText(parser)
            inSegment = false
        case "tuv":
            if let locale = variantLocale, let text = variantText {
                guard unit != nil else { return fail(parser, "</tuv> outside a <tu>") }
                if unit!.variants.count >= limits.maximumVariantsPerUnit {
                    return fail(parser, "a <tu> with more than \(limits.maximumVariantsPerUnit) variants")
                }
                unit!.variants.append(.init(locale: locale, text: text))
            } else if variantLocale != nil {
                return fail(parser, "<tuv> without a <seg>")
            }
            variantLocale = nil
            variantText = nil
        case "prop":
            if let type = propertyType, unit != nil { unit!.properties[type] = propertyText }
            propertyType = nil
        case "tu":
            guard var finished = unit else { return }
            unit = nil
            if finished.sourceLocale == nil || !finished.variants.contains(where: { $0.locale == finished.sourceLocale }) {
                finished.sourceLocale = headerSourceIsTrusted && finished.variants.contains { $0.locale == headerSource }
                    ? headerSource : finished.variants.first?.locale
            }
            unitCount += 1
            do {
                try deliver?(finished)
            } catch {
                failure = error
                parser.abortParsing()
            }
        default:
            break
        }
    }
}
