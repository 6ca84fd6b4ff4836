// libxml2's SAX2 push parser behind a header of <stdint.h> types and opaque pointers.
//
// libxml2's own headers include system ICU's (Debian builds it with ICU), which clash with the
// ICU copy Foundation carries on Linux when imported into a Swift module (as CTandemICU's
// header explains): the parser is driven from C here, and Swift sees only this header.
#ifndef CTANDEMXML_H
#define CTANDEMXML_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct tandem_xml_parser tandem_xml_parser;

/// What the parser reports. Names are NUL-terminated UTF-8 (prefix NULL when there is none);
/// `attributes` holds five pointers per attribute, as libxml2's SAX2 gives them: local name,
/// prefix, namespace URI, value start, value end (the value is not NUL-terminated, its
/// entities already replaced). Everything is valid during the call only.
typedef struct {
    void (*start_element)(void *user, const uint8_t *local, const uint8_t *prefix, int32_t attribute_count,
                          const uint8_t *const *attributes);
    void (*end_element)(void *user, const uint8_t *local, const uint8_t *prefix);
    /// Character data, CDATA and blanks between elements included.
    void (*characters)(void *user, const uint8_t *text, int32_t length);
    /// A DOCTYPE declares an entity; `external` is 1 for an external one.
    void (*entity_declaration)(void *user, const uint8_t *name, int32_t external);
    /// A reference to an entity that is not one of XML's five predefined ones.
    void (*undeclared_entity)(void *user, const uint8_t *name);
    /// libxml2's error (an xmlParserErrors code), warnings included.
    void (*error)(void *user, int32_t code);
} tandem_xml_callbacks;

/// A push parser; `first` holds the document's first 4 bytes (fewer only when the document
/// has fewer), from which libxml2 detects the encoding: the rest goes to `tandem_xml_parse`.
/// No DTD is loaded, no entity substituted, no network reached. NULL when out of memory.
tandem_xml_parser *tandem_xml_create(const tandem_xml_callbacks *callbacks, void *user, const uint8_t *first,
                                     int32_t count);

/// Parses the next bytes; `terminate` 1 says the document ends. Returns libxml2's error code
/// (0 while well formed).
int32_t tandem_xml_parse(tandem_xml_parser *parser, const uint8_t *bytes, int32_t count, int32_t terminate);

/// Stops parsing: no callback is made after this.
void tandem_xml_stop(tandem_xml_parser *parser);

/// The parser's position: line and column (1-based; the column in bytes).
int32_t tandem_xml_line(tandem_xml_parser *parser);
int32_t tandem_xml_column(tandem_xml_parser *parser);

void tandem_xml_free(tandem_xml_parser *parser);

#ifdef __cplusplus
}
#endif

#endif
