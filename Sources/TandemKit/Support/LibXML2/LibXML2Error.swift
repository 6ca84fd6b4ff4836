/// libxml2's `xmlParserErrors` (libxml/xmlerror.h) that broken XML meets most, in words:
/// Foundation's XMLParser reports only the number. One table for TMX, TBX and XLIFF.
enum LibXML2Error {
    static func describe(_ code: Int) -> String {
        switch code {
        case 4: return "the document is empty"  // XML_ERR_DOCUMENT_EMPTY
        case 5, 86: return "extra content after the root element"  // XML_ERR_DOCUMENT_END, XML_ERR_EXTRA_CONTENT
        case 6, 7, 8: return "a character reference to a character XML does not allow"  // XML_ERR_INVALID_*CHARREF
        case 9: return "a character XML does not allow"  // XML_ERR_INVALID_CHAR
        case 10, 11, 12, 13: return "a character reference outside the root element"  // XML_ERR_CHARREF_*
        case 14, 15, 16, 17: return "an entity reference outside the root element"  // XML_ERR_ENTITYREF_*
        case 22: return "'&' not followed by an entity name (write &amp;)"  // XML_ERR_ENTITYREF_NO_NAME
        case 23: return "an entity reference without its closing ';'"  // XML_ERR_ENTITYREF_SEMICOL_MISSING
        case 26, 27: return "an undeclared entity"  // XML_ERR_UNDECLARED_ENTITY, XML_WAR_UNDECLARED_ENTITY
        case 28, 29, 30: return "an external or parameter entity (refused)"  // XML_ERR_UNPARSED_ENTITY, …
        case 31, 32: return "an unknown or unsupported encoding"  // XML_ERR_UNKNOWN_ENCODING, XML_ERR_UNSUPPORTED_ENCODING
        case 33, 34: return "a quoted value that is not started or not closed"  // XML_ERR_STRING_NOT_*
        case 35: return "a malformed namespace declaration"  // XML_ERR_NS_DECL_ERROR
        case 38: return "'<' inside an attribute value"  // XML_ERR_LT_IN_ATTRIBUTE
        case 39, 40, 41: return "a malformed attribute"  // XML_ERR_ATTRIBUTE_*
        case 42: return "an attribute written twice on one element"  // XML_ERR_ATTRIBUTE_REDEFINED
        case 45: return "a comment that is not closed"  // XML_ERR_COMMENT_NOT_FINISHED
        case 46, 47: return "a malformed processing instruction"  // XML_ERR_PI_NOT_*
        case 56, 57: return "a malformed XML declaration"  // XML_ERR_XMLDECL_NOT_*
        case 61: return "a DOCTYPE that is not closed"  // XML_ERR_DOCTYPE_NOT_FINISHED
        case 62, 63: return "a malformed CDATA section"  // XML_ERR_MISPLACED_CDATA_END, XML_ERR_CDATA_NOT_FINISHED
        case 64: return "a name starting with 'xml' is reserved"  // XML_ERR_RESERVED_XML_NAME
        case 65: return "a space was expected"  // XML_ERR_SPACE_REQUIRED
        case 68: return "a name was expected"  // XML_ERR_NAME_REQUIRED
        case 73: return "'>' was expected"  // XML_ERR_GT_REQUIRED
        case 74: return "'</' was expected"  // XML_ERR_LTSLASH_REQUIRED
        case 75: return "'=' was expected after an attribute name"  // XML_ERR_EQUAL_REQUIRED
        case 76: return "the end tag does not match the start tag"  // XML_ERR_TAG_NAME_MISMATCH
        case 77: return "an element is not closed before the end of the file"  // XML_ERR_TAG_NOT_FINISHED
        case 81: return "bytes that are not in the declared encoding"  // XML_ERR_INVALID_ENCODING
        case 85: return "an element is never closed"  // XML_ERR_NOT_WELL_BALANCED
        case 89: return "entity references loop (entity expansion attack)"  // XML_ERR_ENTITY_LOOP
        case 111: return "parsing was stopped"  // XML_ERR_USER_STOP
        default: return "malformed XML"
        }
    }
}
