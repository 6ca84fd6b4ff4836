// PostgreSQL's C client library from Debian (libpq-dev): the shared translation memory's connection.
#include <postgresql/libpq-fe.h>
