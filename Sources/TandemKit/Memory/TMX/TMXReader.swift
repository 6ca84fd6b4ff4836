import Foundation

/// Reads a TMX 1.4b file as a stream of translation units, with bounded memory.
///
/// libxml2's SAX2 push parser does the parsing (`LibXML2SAXParser`; names, attributes and text
/// stay bytes until a unit keeps them). Hostile input is refused before
/// and during parsing: a DOCTYPE that declares entities (billion laughs, external entities that
/// would read local files) is an error, external entities are never resolved, and file, segment
/// and nesting sizes are capped. Errors carry the file's line and column.
///
/// What real tools write is accepted: OmegaT (`bpt`/`ept` with `i`/`x`), Translate Toolkit's
/// `po2tmx` (a header `srclang="en"` whatever the languages: its source is the first variant),
/// TMX 1.1 `lang` attributes, language codes in any case or with `_`, and files in UTF-16
/// (little or big endian, with or without a byte order mark), which `TMXByteStream` reads as UTF-8.
public final class TMXReader: LibXML2SAXHandler {
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
    private var parser: LibXML2SAXParser?
    private var deliver: ((TMXTranslationUnit) throws -> Void)?
    private var failure: Error?
    private var unitCount = 0
    private var headerSource: LocaleTag?
    private var headerSourceIsTrusted = true

    // Parse state.
    private var depth = 0
    private var sawRoot = false
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
        defer { stream.close() }
        let parser = LibXML2SAXParser(handler: self)
        self.parser = parser
        self.deliver = body
        defer {
            self.parser = nil
            self.deliver = nil
        }
        var code = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 18)
        while failure == nil, code == 0 {
            let count = buffer.withUnsafeMutableBufferPointer { stream.read($0.baseAddress!, maxLength: $0.count) }
            guard count > 0 else { break }
            code = buffer.withUnsafeBufferPointer { parser.parse(UnsafeBufferPointer(rebasing: $0[..<count])) }
        }
        // The stream ended at the bad byte (the parser saw none): that, not the parser's error.
        if let invalid = invalidUTF8(in: stream) { throw invalid }
        if let failure { throw failure }
        if code != 0 { throw notWellFormed(code) }
        if unit != nil || depth != 0 {
            throw TandemError.invalidValue(location(parser), message: "not well-formed TMX: the file ends inside an element")
        }
        // What only the end shows: no root element at all, or text after it.
        code = parser.finish()
        // libxml2 calls a document without a root "extra content" (error 5): say what is missing.
        if !sawRoot {
            throw TandemError.invalidValue(location(parser), message: "expected a <tmx> root element, found none")
        }
        if let failure { throw failure }
        if code != 0 { throw notWellFormed(code) }
        return unitCount
    }

    private func notWellFormed(_ code: Int) -> TandemError {
        TandemError.invalidValue(
            location(parser), message: "not well-formed TMX: \(LibXML2Error.describe(code)) (libxml2 error \(code))")
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

    private func location(_ parser: LibXML2SAXParser?) -> SourceLocation {
        SourceLocation(file: displayPath, line: max(parser?.line ?? 1, 1), column: max(parser?.column ?? 1, 1))
    }

    private func fail(_ message: String) {
        if failure == nil { failure = TandemError.invalidValue(location(parser), message: message) }
        parser?.stop()
    }

    // MARK: - LibXML2SAXHandler

    func refuse(_ message: String) {
        fail(message)
    }

    func parseError(code: Int) {
        // The first error, where it happened (libxml2 would go on and report the end of file).
        if failure == nil { failure = notWellFormed(code) }
        parser?.stop()
    }

    func startElement(_ name: LibXML2Name, attributes: LibXML2Attributes) {
        guard failure == nil else { return }
        depth += 1
        if depth > limits.maximumDepth { return fail("elements nested deeper than \(limits.maximumDepth)") }
        let element = TMXElement(name)
        if depth == 1 {
            sawRoot = true
            if element != .tmx { return fail("expected a <tmx> root element, found <\(name.qualified)>") }
        }
        if skipDepth > 0 {
            skipDepth += 1
            return
        }
        if inSegment {
            startInline(element, attributes)
            return
        }
        switch element {
        case .header:
            headerSourceLocale = attributes["srclang"]
            creationTool = attributes["creationtool"]
            headerSource = headerSourceLocale.flatMap(TMXLocale.canonical)
            // po2tmx writes srclang="en" (its --source-language default) whatever the files'
            // languages, and puts the source variant first: its header is not evidence.
            headerSourceIsTrusted = creationTool != "Translate Toolkit"
        case .tu:
            // A <tu> inside another (found by `TMXFuzzer`) would end the outer one's state
            // while its <tuv> is still open.
            guard unit == nil else { return fail("<tu> inside a <tu>") }
            let read = TMXUnitAttributes(attributes)
            var newUnit = TMXTranslationUnit()
            newUnit.line = parser?.line ?? 0
            newUnit.tuid = read.tuid
            newUnit.creator = read.creator
            newUnit.created = read.creationDate.flatMap(TMXDate.parse)
            newUnit.changed = read.changeDate.flatMap(TMXDate.parse)
            if let source = read.sourceLanguage, source != "*all*" { newUnit.sourceLocale = canonicalLocale(source) }
            unit = newUnit
        case .tuv:
            guard unit != nil else { return fail("<tuv> outside a <tu>") }
            let read = TMXUnitAttributes(attributes)
            guard let raw = read.language else {
                return fail("<tuv> without xml:lang")
            }
            guard let locale = canonicalLocale(raw) else {
                return fail("xml:lang '\(raw)' is not a language tag such as zh-CN or en")
            }
            variantLocale = locale
            // OmegaT puts who and when on the translated <tuv>, not on the <tu>.
            if unit!.creator == nil { unit!.creator = read.creator }
            if unit!.created == nil { unit!.created = read.creationDate.flatMap(TMXDate.parse) }
            if unit!.changed == nil { unit!.changed = read.changeDate.flatMap(TMXDate.parse) }
        case .seg:
            guard variantLocale != nil else { return fail("<seg> outside a <tuv>") }
            inSegment = true
            variantText = ""
            textRun = ""
            variantLength = 0
            numberOfPairId.removeAll()
            usedNumbers.removeAll()
        case .prop:
            if unit != nil {
                propertyType = attributes["type"] ?? ""
                propertyText = ""
            }
        default:
            break
        }
    }

    /// An inline element inside `<seg>`: codes become placeholders, their native content is skipped.
    private func startInline(_ element: TMXElement, _ attributes: LibXML2Attributes) {
        // Text on both sides of <hi> or <sub> is one run: only a code ends it.
        if element.isCode { flushText() }
        switch element {
        case .bpt:
            let number = claimNumber(attributes["x"])
            if let i = attributes["i"] { numberOfPairId[i] = number }
            append(Placeholder.open(number).token)
            skipDepth = 1
        case .ept:
            let number = attributes["i"].flatMap { numberOfPairId[$0] } ?? claimNumber(nil)
            append(Placeholder.close(number).token)
            skipDepth = 1
        case .it:
            let number = claimNumber(attributes["x"])
            append((attributes["pos"] == "end" ? Placeholder.close(number) : Placeholder.open(number)).token)
            skipDepth = 1
        case .ph:
            if attributes["type"] == TMXWriter.controlCharacterType {
                controlPlaceholder = ""
                return
            }
            append(Placeholder.standalone(claimNumber(attributes["x"])).token)
            skipDepth = 1
        case .ut:
            // TMX 1.1's code of unknown kind (deprecated in 1.4): a standalone code, as <ph>.
            append(Placeholder.standalone(claimNumber(attributes["x"])).token)
            skipDepth = 1
        default:
            // <hi>, <sub> and unknown markup: their text is part of the segment.
            break
        }
    }

    /// Moves the pending text into the variant, its placeholder lookalikes escaped: text in a
    /// `<seg>` is literal (codes are elements), so `Error {0}` stays text.
    private func flushText() {
        guard !textRun.isEmpty else { return }
        let run = LiteralPlaceholderEscape.escaping(textRun)
        textRun = ""
        append(run)
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

    private func append(_ text: String) {
        guard variantText != nil else { return }
        if usedNumbers.count > Placeholder.numbers.upperBound {
            return fail("a <seg> with more than \(Placeholder.numbers.upperBound) inline codes")
        }
        variantLength += text.utf8.count
        if variantLength > limits.maximumSegmentLength {
            return fail("a <seg> longer than \(limits.maximumSegmentLength) bytes")
        }
        variantText!.append(text)
    }

    private func canonicalLocale(_ raw: String) -> LocaleTag? {
        if let cached = localeCache[raw] { return cached }
        let tag = TMXLocale.canonical(raw)
        if localeCache.count < 10_000 { localeCache[raw] = tag }
        return tag
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) {
        guard failure == nil else { return }
        let inText = inSegment && skipDepth == 0
        // The blanks between elements, and a code's native content, are nobody's text: no String.
        guard controlPlaceholder != nil || inText || propertyType != nil else { return }
        var string = String(decoding: text, as: UTF8.self)
        // Escaped control characters are in plane 16, whose UTF-8 starts with byte F4.
        if memchr(text.baseAddress!, 0xF4, text.count) != nil, let restored = TMXByteStream.restoringControlCharacters(string) {
            string = restored
            // BEL or ESC from a gettext catalog are kept, but a NUL is never text: a unit
            // holding one would carry it into segment files and posts (every other reader
            // refuses it too). A raw NUL reaches here only escaped, like the other controls.
            if string.utf8.contains(0) {
                return fail("a NUL character in the text (raw or as &#0;); expected text without NUL")
            }
        }
        if controlPlaceholder != nil {
            controlPlaceholder! += string
            return
        }
        if inText {
            textRun += string
            if textRun.utf8.count > limits.maximumSegmentLength { fail("a <seg> longer than \(limits.maximumSegmentLength) bytes") }
        } else if propertyType != nil {
            propertyText += string
            if propertyText.utf8.count > limits.maximumSegmentLength { fail("a <prop> longer than \(limits.maximumSegmentLength) bytes") }
        }
    }

    func endElement(_ name: LibXML2Name) {
        guard failure == nil else { return }
        depth -= 1
        if skipDepth > 0 {
            skipDepth -= 1
            return
        }
        let element = TMXElement(name)
        if let hex = controlPlaceholder, element == .ph {
            controlPlaceholder = nil
            guard let value = UInt32(hex.trimmingCharacters(in: .whitespaces), radix: 16),
                  let scalar = Unicode.Scalar(value)
            else { return fail("a control-character placeholder must hold a hexadecimal code point, found '\(hex)'") }
            textRun.unicodeScalars.append(scalar)
            return
        }
        switch element {
        case .seg:
            flushText()
            inSegment = false
        case .tuv:
            if let locale = variantLocale, let text = variantText {
                guard unit != nil else { return fail("</tuv> outside a <tu>") }
                if unit!.variants.count >= limits.maximumVariantsPerUnit {
                    return fail("a <tu> with more than \(limits.maximumVariantsPerUnit) variants")
                }
                unit!.variants.append(.init(locale: locale, text: text))
            } else if variantLocale != nil {
                return fail("<tuv> without a <seg>")
            }
            variantLocale = nil
            variantText = nil
        case .prop:
            if let type = propertyType, unit != nil { unit!.properties[type] = propertyText }
            propertyType = nil
        case .tu:
            // Taken, not copied: the unit's arrays stay uniquely referenced.
            guard var finished = unit.take() else { return }
            if finished.sourceLocale == nil || !finished.variants.contains(where: { $0.locale == finished.sourceLocale }) {
                finished.sourceLocale = headerSourceIsTrusted && finished.variants.contains { $0.locale == headerSource }
                    ? headerSource : finished.variants.first?.locale
            }
            unitCount += 1
            do {
                try deliver?(finished)
            } catch {
                failure = error
                parser?.stop()
            }
        default:
            break
        }
    }
}
