// libpq loaded when the first PostgreSQL memory is opened, not when tandem starts.
#ifndef CTANDEMLIBPQ_H
#define CTANDEMLIBPQ_H

/// NULL when libpq (libpq.so.5) is loaded and has every function Tandem calls; otherwise why
/// not (dlopen's or dlsym's message). Loads it on the first call; thread-safe.
const char *tandem_libpq_unavailable(void);

#endif
