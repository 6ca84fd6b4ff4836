import CTandemXML
import Foundation

/// libxml2's SAX2 push parser, fed chunk by chunk, reporting to a `LibXML2SAXHandler`.
///
/// Why not Foundation's `XMLParser`, which wraps the same parser: for every element it makes
/// `String`s of the name and of each attribute and a dictionary of them; importing a 1M-unit
/// TMX spent more CPU there than in libxml2 (BENCHMARKS.md). Here names and values stay
/// libxml2's bytes until the handler keeps one. The parser is driven from C (`CTandemXML`),
/// because libxml2's headers cannot be imported into Swift beside Foundation.
///
/// Safe with hostile input by construction: no option that loads a DTD, substitutes entities
/// or reaches the network is set, a DOCTYPE's entity declaration is refused, and a reference
/// to any entity but XML's five predefined ones is refused. Callers still scan the prolog
/// first (`XMLPrologScan`), so most such documents never reach libxml2.
final class LibXML2SAXParser {
    private unowned(unsafe) let handler: any LibXML2SAXHandler
    private var parser: OpaquePointer?
    /// The document's first bytes, held until there are four: libxml2 detects the encoding
    /// (and a byte order mark) from them when the parser is made.
    private var head: [UInt8] = []
    private(set) var stopped = false

    init(handler: any LibXML2SAXHandler) {
        self.handler = handler
    }

    deinit {
        tandem_xml_free(parser)
    }

    /// The line of the parser's position (1-based), as libxml2 counts it.
    var line: Int { parser.map { Int(tandem_xml_line($0)) } ?? 1 }

    /// The column of the parser's position (1-based, in bytes).
    var column: Int { parser.map { Int(tandem_xml_column($0)) } ?? 1 }

    /// Parses the next bytes of the document (a chunk of at most a few MB). Returns libxml2's
    /// error code, 0 while the document is well formed.
    @discardableResult
    func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard !stopped, !bytes.isEmpty else { return 0 }
        guard parser != nil else {
            head.append(contentsOf: bytes)
            guard head.count >= 4 else { return 0 }
            let first = head
            head = []
            guard create(first) else { return Self.outOfMemory }
            return first.withUnsafeBufferPointer { feed(UnsafeBufferPointer(rebasing: $0[4...]), terminate: false) }
        }
        return feed(bytes, terminate: false)
    }

    /// Tells libxml2 the document ended: errors only the end reveals (no root element, text
    /// after it) are reported now. Returns libxml2's error code.
    @discardableResult
    func finish() -> Int {
        guard !stopped else { return 0 }
        if parser == nil, !create(head) { return Self.outOfMemory }
        return feed(UnsafeBufferPointer(start: nil, count: 0), terminate: true)
    }

    /// Stops parsing: no further callback is made.
    func stop() {
        guard !stopped else { return }
        stopped = true
        if let parser { tandem_xml_stop(parser) }
    }

    private func feed(_ bytes: UnsafeBufferPointer<UInt8>, terminate: Bool) -> Int {
        guard let parser, !stopped else { return 0 }
        return Int(tandem_xml_parse(parser, bytes.baseAddress, Int32(bytes.count), terminate ? 1 : 0))
    }

    /// libxml2's XML_ERR_NO_MEMORY, when the parser cannot be made.
    private static let outOfMemory = 2

    /// Makes the parser; false when libxml2 could not (out of memory).
    private func create(_ first: [UInt8]) -> Bool {
        var callbacks = tandem_xml_callbacks()
        callbacks.start_element = { user, local, prefix, count, attributes in
            guard let user, let local else { return }
            LibXML2SAXParser.from(user).handler.startElement(
                LibXML2Name(prefix: prefix, local: local), attributes: LibXML2Attributes(base: attributes, count: Int(count)))
        }
        callbacks.end_element = { user, local, prefix in
            guard let user, let local else { return }
            LibXML2SAXParser.from(user).handler.endElement(LibXML2Name(prefix: prefix, local: local))
        }
        callbacks.characters = { user, text, count in
            guard let user, let text else { return }
            LibXML2SAXParser.from(user).handler.characters(UnsafeBufferPointer(start: text, count: Int(count)))
        }
        callbacks.entity_declaration = { user, name, external in
            guard let user else { return }
            let entity = name.map { String(cString: $0) } ?? ""
            LibXML2SAXParser.from(user).refuse(
                "the DOCTYPE declares the \(external != 0 ? "external entity" : "entity") '\(entity)'; entity declarations are refused")
        }
        callbacks.undeclared_entity = { user, name in
            guard let user else { return }
            let entity = name.map { String(cString: $0) } ?? ""
            LibXML2SAXParser.from(user).refuse(
                "the entity reference '&\(entity);' names no declared entity; expected one of &amp; &lt; &gt; &quot; &apos; or a character reference")
        }
        callbacks.error = { user, code in
            guard let user else { return }
            LibXML2SAXParser.from(user).handler.parseError(code: Int(code))
        }
        let user = Unmanaged.passUnretained(self).toOpaque()
        parser = first.withUnsafeBufferPointer { tandem_xml_create(&callbacks, user, $0.baseAddress, Int32(min($0.count, 4))) }
        if parser == nil { stopped = true }
        return parser != nil
    }

    private func refuse(_ message: String) {
        guard !stopped else { return }
        stop()
        handler.refuse(message)
    }

    private static func from(_ user: UnsafeMutableRawPointer) -> LibXML2SAXParser {
        Unmanaged<LibXML2SAXParser>.fromOpaque(user).takeUnretainedValue()
    }
}
