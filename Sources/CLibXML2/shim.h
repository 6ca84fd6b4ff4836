// libxml2 from Debian (libxml2-dev). Swift never imports this module: its headers include
// system ICU's, which clash with Foundation's copy. CTandemXML includes them from C, and this
// target gives it the include path and the library (pkg-config libxml-2.0).
#include <libxml/parser.h>
