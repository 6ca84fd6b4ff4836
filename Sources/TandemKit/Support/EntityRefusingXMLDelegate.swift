import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The base of the delegates of the XML readers that parse through FoundationXML (TBX, XLIFF;
/// the TMX reader drives libxml2 itself, `LibXML2SAXParser`): one place that refuses a
/// document declaring entities or naming an external one. `XMLPrologScan` refuses such a
/// document before libxml2 sees it; this is the second guard, for what reaches the parser.
/// Subclasses record the refusal in `refuse(_:_:)`.
///
/// The element and text callbacks are declared here and overridden: on Linux, XMLParser calls
/// its delegate through the protocol's witness table, which a subclass's own methods would not
/// be in (they would never be called).
public class EntityRefusingXMLDelegate: NSObject, XMLParserDelegate {
    /// Records why the document is refused; parsing stops.
    func refuse(_ parser: XMLParser, _ message: String) {
        parser.abortParsing()
    }

    public func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {}

    public func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {}

    public func parser(_ parser: XMLParser, foundCharacters string: String) {}

    public func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {}

    public func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        refuse(parser, "the DOCTYPE declares the entity '\(name)'; entity declarations are refused")
    }

    public func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
        refuse(parser, "the DOCTYPE declares the external entity '\(name)'; entity declarations are refused")
    }

    public func parser(_ parser: XMLParser, foundUnparsedEntityDeclarationWithName name: String, publicID: String?, systemID: String?, notationName: String?) {
        refuse(parser, "the DOCTYPE declares the entity '\(name)'; entity declarations are refused")
    }

    public func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
        // libxml2 asks here for any entity it does not know: with no system id, a reference to
        // an entity no DOCTYPE declares (only XML's five predefined ones exist without one).
        refuse(parser, systemID == nil
            ? "the entity reference '&\(name);' names no declared entity; expected one of &amp; &lt; &gt; &quot; &apos; or a character reference"
            : "external entity '\(name)' refused")
        return nil
    }
}
