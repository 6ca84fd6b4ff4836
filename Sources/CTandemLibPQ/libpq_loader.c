// The libpq functions Tandem calls, defined here and forwarded to libpq.so.5 opened with dlopen
// on first use.
//
// Why: linking libpq makes every tandem process load it and the ~20 libraries it needs (GnuTLS,
// OpenSSL, Kerberos, LDAP, SASL…) and run their constructors, about 7 ms of CPU per start on the
// build machine (a C program that only links -lpq: 8.4 ms against 0.8 ms), paid by every
// `tm lookup` or `glossary lint` against a SQLite memory that never talks to a server. With these
// definitions the Swift code calls libpq as before (CLibPQ gives the declarations and types, and
// no longer links the library), and only a command that opens a PostgreSQL memory loads it.
//
// Every forwarder is safe when libpq cannot be loaded: a connection is NULL, a status is
// CONNECTION_BAD or PGRES_FATAL_ERROR, a message is the loader's. Callers ask
// tandem_libpq_unavailable() first to say so plainly.
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <postgresql/libpq-fe.h>

#include "CTandemLibPQ.h"

// X(name, return type, parameters, arguments, value when unavailable)
#define TANDEM_LIBPQ_FUNCTIONS(X) \
    X(PQconnectdb, PGconn *, (const char *conninfo), (conninfo), NULL) \
    X(PQconnectdbParams, PGconn *, (const char *const *keywords, const char *const *values, int expand_dbname), \
      (keywords, values, expand_dbname), NULL) \
    X(PQstatus, ConnStatusType, (const PGconn *conn), (conn), CONNECTION_BAD) \
    X(PQerrorMessage, char *, (const PGconn *conn), (conn), unavailable_message) \
    X(PQsetNoticeProcessor, PQnoticeProcessor, (PGconn *conn, PQnoticeProcessor proc, void *arg), (conn, proc, arg), NULL) \
    X(PQexec, PGresult *, (PGconn *conn, const char *query), (conn, query), NULL) \
    X(PQexecParams, PGresult *, \
      (PGconn *conn, const char *command, int nParams, const Oid *paramTypes, const char *const *paramValues, \
       const int *paramLengths, const int *paramFormats, int resultFormat), \
      (conn, command, nParams, paramTypes, paramValues, paramLengths, paramFormats, resultFormat), NULL) \
    X(PQresultStatus, ExecStatusType, (const PGresult *res), (res), PGRES_FATAL_ERROR) \
    X(PQresultErrorMessage, char *, (const PGresult *res), (res), unavailable_message) \
    X(PQresultErrorField, char *, (const PGresult *res, int fieldcode), (res, fieldcode), NULL) \
    X(PQntuples, int, (const PGresult *res), (res), 0) \
    X(PQgetvalue, char *, (const PGresult *res, int tup_num, int field_num), (res, tup_num, field_num), NULL) \
    X(PQgetlength, int, (const PGresult *res, int tup_num, int field_num), (res, tup_num, field_num), 0) \
    X(PQgetisnull, int, (const PGresult *res, int tup_num, int field_num), (res, tup_num, field_num), 1) \
    X(PQcmdTuples, char *, (PGresult *res), (res), unavailable_message)

#define TANDEM_LIBPQ_POINTER(name, type, parameters, arguments, fallback) static type(*real_##name) parameters;
TANDEM_LIBPQ_FUNCTIONS(TANDEM_LIBPQ_POINTER)
static void (*real_PQfinish)(PGconn *conn);
static void (*real_PQclear)(PGresult *res);

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static char unavailable_message[512];
static int unavailable = 0;

static void load(void) {
    // TANDEM_LIBPQ names another file (a libpq outside the loader's path; the tests, a missing one).
    const char *path = getenv("TANDEM_LIBPQ");
    void *library = dlopen(path != NULL && path[0] != '\0' ? path : "libpq.so.5", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        snprintf(unavailable_message, sizeof unavailable_message, "%s", dlerror());
        unavailable = 1;
        return;
    }
#define TANDEM_LIBPQ_RESOLVE(name, type, parameters, arguments, fallback) \
    *(void **)(&real_##name) = dlsym(library, #name); \
    if (real_##name == NULL) { \
        snprintf(unavailable_message, sizeof unavailable_message, "libpq.so.5 has no %s", #name); \
        unavailable = 1; \
        return; \
    }
    TANDEM_LIBPQ_FUNCTIONS(TANDEM_LIBPQ_RESOLVE)
    TANDEM_LIBPQ_RESOLVE(PQfinish, void, , , )
    TANDEM_LIBPQ_RESOLVE(PQclear, void, , , )
}

const char *tandem_libpq_unavailable(void) {
    pthread_once(&load_once, load);
    return unavailable ? unavailable_message : NULL;
}

#define TANDEM_LIBPQ_FORWARD(name, type, parameters, arguments, fallback) \
    type name parameters { \
        if (tandem_libpq_unavailable() != NULL) return fallback; \
        return real_##name arguments; \
    }
TANDEM_LIBPQ_FUNCTIONS(TANDEM_LIBPQ_FORWARD)

void PQfinish(PGconn *conn) {
    if (tandem_libpq_unavailable() == NULL) real_PQfinish(conn);
}

void PQclear(PGresult *res) {
    if (tandem_libpq_unavailable() == NULL) real_PQclear(res);
}
