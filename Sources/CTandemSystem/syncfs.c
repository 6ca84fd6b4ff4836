#define _GNU_SOURCE
#include "CTandemSystem.h"

#include <sys/ioctl.h>
#include <unistd.h>

int32_t tandem_syncfs(int32_t descriptor) {
#ifdef __linux__
    return syncfs(descriptor);
#else
    return fsync(descriptor);
#endif
}

int32_t tandem_terminal_size(int32_t descriptor, int32_t *columns, int32_t *rows) {
    struct winsize size;
    if (ioctl(descriptor, TIOCGWINSZ, &size) != 0) return -1;
    *columns = size.ws_col;
    *rows = size.ws_row;
    return 0;
}
