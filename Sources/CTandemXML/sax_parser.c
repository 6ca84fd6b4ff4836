// libxml2's SAX2 push parser with Tandem's callbacks (see include/CTandemXML.h).
#include "CTandemXML.h"

#include <libxml/SAX2.h>
#include <libxml/entities.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <pthread.h>
#include <stdlib.h>

struct tandem_xml_parser {
    xmlParserCtxtPtr context;
    tandem_xml_callbacks callbacks;
    void *user;
    int stopped;
};

static void start_element(void *data, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri,
                          int namespace_count, const xmlChar **namespaces, int attribute_count, int defaulted_count,
                          const xmlChar **attributes) {
    (void)uri, (void)namespace_count, (void)namespaces, (void)defaulted_count;
    tandem_xml_parser *parser = data;
    if (parser->stopped) return;
    parser->callbacks.start_element(parser->user, local, prefix, attribute_count, (const uint8_t *const *)attributes);
}

static void end_element(void *data, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri) {
    (void)uri;
    tandem_xml_parser *parser = data;
    if (parser->stopped) return;
    parser->callbacks.end_element(parser->user, local, prefix);
}

static void characters(void *data, const xmlChar *text, int length) {
    tandem_xml_parser *parser = data;
    if (parser->stopped || length <= 0) return;
    parser->callbacks.characters(parser->user, text, length);
}

static xmlEntityPtr get_entity(void *data, const xmlChar *name) {
    tandem_xml_parser *parser = data;
    // libxml2 answers the five predefined entities before asking; any other is undeclared
    // (entity declarations are refused, so none is ever known).
    xmlEntityPtr predefined = xmlGetPredefinedEntity(name);
    if (predefined != NULL) return predefined;
    if (!parser->stopped) parser->callbacks.undeclared_entity(parser->user, name);
    return NULL;
}

static void entity_declaration(void *data, const xmlChar *name, int type, const xmlChar *public_id,
                               const xmlChar *system_id, xmlChar *content) {
    (void)public_id, (void)system_id, (void)content;
    tandem_xml_parser *parser = data;
    if (parser->stopped) return;
    int external = type == XML_EXTERNAL_GENERAL_PARSED_ENTITY || type == XML_EXTERNAL_GENERAL_UNPARSED_ENTITY ||
                   type == XML_EXTERNAL_PARAMETER_ENTITY;
    parser->callbacks.entity_declaration(parser->user, name, external);
}

static void unparsed_entity_declaration(void *data, const xmlChar *name, const xmlChar *public_id,
                                        const xmlChar *system_id, const xmlChar *notation) {
    (void)public_id, (void)system_id, (void)notation;
    tandem_xml_parser *parser = data;
    if (parser->stopped) return;
    parser->callbacks.entity_declaration(parser->user, name, 1);
}

static void structured_error(void *data, xmlErrorPtr error) {
    tandem_xml_parser *parser = data;
    if (parser->stopped || error == NULL) return;
    parser->callbacks.error(parser->user, error->code);
}

static pthread_once_t initialized = PTHREAD_ONCE_INIT;

static void initialize(void) { xmlInitParser(); }

tandem_xml_parser *tandem_xml_create(const tandem_xml_callbacks *callbacks, void *user, const uint8_t *first,
                                     int32_t count) {
    pthread_once(&initialized, initialize);
    tandem_xml_parser *parser = calloc(1, sizeof *parser);
    if (parser == NULL) return NULL;
    parser->callbacks = *callbacks;
    parser->user = user;
    xmlSAXHandler sax = {0};
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = start_element;
    sax.endElementNs = end_element;
    sax.characters = characters;
    // Blanks between elements come here too unless libxml2 is told to drop them.
    sax.ignorableWhitespace = characters;
    // A CDATA section's text is text.
    sax.cdataBlock = characters;
    sax.getEntity = get_entity;
    sax.entityDecl = entity_declaration;
    sax.unparsedEntityDecl = unparsed_entity_declaration;
    sax.serror = structured_error;
    // libxml2 copies the handler: a local one is enough.
    parser->context = xmlCreatePushParserCtxt(&sax, parser, (const char *)first, count < 4 ? count : 4, NULL);
    if (parser->context == NULL) {
        free(parser);
        return NULL;
    }
    // No DTD loading, no entity substitution, no network: only what the document holds.
    xmlCtxtUseOptions(parser->context, XML_PARSE_NONET);
    return parser;
}

int32_t tandem_xml_parse(tandem_xml_parser *parser, const uint8_t *bytes, int32_t count, int32_t terminate) {
    if (parser->stopped) return 0;
    int code = xmlParseChunk(parser->context, (const char *)bytes, count, terminate);
    return parser->stopped ? 0 : code;
}

void tandem_xml_stop(tandem_xml_parser *parser) {
    if (parser->stopped) return;
    parser->stopped = 1;
    xmlStopParser(parser->context);
}

int32_t tandem_xml_line(tandem_xml_parser *parser) { return xmlSAX2GetLineNumber(parser->context); }

int32_t tandem_xml_column(tandem_xml_parser *parser) { return xmlSAX2GetColumnNumber(parser->context); }

void tandem_xml_free(tandem_xml_parser *parser) {
    if (parser == NULL) return;
    xmlFreeParserCtxt(parser->context);
    free(parser);
}
