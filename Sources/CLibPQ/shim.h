// PostgreSQL's C client library from Debian (libpq-dev): the shared translation memory's connection.
// Declarations only: the functions are defined by CTandemLibPQ, which loads libpq.so.5 on first use.
#include <postgresql/libpq-fe.h>
