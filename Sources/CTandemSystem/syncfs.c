#define _GNU_SOURCE
#include "CTandemSystem.h"

#include <unistd.h>

int32_t tandem_syncfs(int32_t descriptor) {
#ifdef __linux__
    return syncfs(descriptor);
#else
    return fsync(descriptor);
#endif
}
