/// What a `LibXML2SAXParser` reports, as it reads: elements, text, and why it stopped.
///
/// Names, attributes and text are libxml2's bytes, valid during the call only: a handler makes
/// `String`s of what it keeps, and of nothing else.
protocol LibXML2SAXHandler: AnyObject {
    func startElement(_ name: LibXML2Name, attributes: LibXML2Attributes)
    func endElement(_ name: LibXML2Name)
    /// Character data, CDATA sections included, in pieces of any size (one text node may come
    /// in several calls).
    func characters(_ text: UnsafeBufferPointer<UInt8>)
    /// The document declares an entity or refers to one nobody declared: `message` says which.
    /// The parser has stopped.
    func refuse(_ message: String)
    /// libxml2's first error (an `xmlParserErrors` code, see `LibXML2Error`). The handler
    /// decides whether to stop (`LibXML2SAXParser.stop()`).
    func parseError(code: Int)
}
