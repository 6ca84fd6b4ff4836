/// libxml2's `xmlParserErrors` (libxml/xmlerror.h) that broken XML meets most, in words:
/// Foundation's XMLParser reports only the number. One table for TMX, TBX and XLIFF.
enum LibXML2Error {
    static func describe(_ code: Int) -> String {
        switch code {
        case 4: return "the document is empty"  // XML_ERR_DOCUMENT_EMPTY
        case 5, 86: return "extra content after the root element"  // XML_ERR_DOCUMENT_END, XML_ERR_EXTRA_CONTENT
        case 6, 7, 8: return "a character reference to a character XML does not allow"  // XML_ERR_INVALID_*CHARREF
        case 9: return "a character XML does not allow"  // XML_ERR_INVALID_CHAR
        case 26: return "an undeclared entity"  // XML_ERR_UNDECLARED_ENTITY
        case 38: return "'<' inside an attribute value"  // XML_ERR_LT_IN_ATTRIBUTE
        case 39, 40, 41: return "a malformed attribute"  // XML_ERR_ATTRIBUTE_*
        case 64: return "a name starting with 'xml' is reserved"  // XML_ERR_RESERVED_XML_NAME
        case 68: return "a name was expected"  // XML_ERR_NAME_REQUIRED
        case 73: return "'>' was expected"  // XML_ERR_GT_REQUIRED
        case 74: return "'</' was expected"  // XML_ERR_LTSLASH_REQUIRED
        case 76: return "the end tag does not match the start tag"  // XML_ERR_TAG_NAME_MISMATCH
        case 77: return "an element is not closed before the end of the file"  // XML_ERR_TAG_NOT_FINISHED
        case 85: return "an element is never closed"  // XML_ERR_NOT_WELL_BALANCED
        case 89: return "entity references loop (entity expansion attack)"  // XML_ERR_ENTITY_LOOP
        case 111: return "parsing was stopped"  // XML_ERR_USER_STOP
        default: return "malformed XML"
        }
    }
}
