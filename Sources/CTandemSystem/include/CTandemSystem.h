// Linux system calls Swift's Glibc module does not expose (they need _GNU_SOURCE).
#ifndef CTANDEMSYSTEM_H
#define CTANDEMSYSTEM_H

#include <stdint.h>

/// syncfs(2): flushes the whole file system holding `descriptor` to disk; 0 or -1 with errno.
/// Elsewhere than Linux, falls back to fsync(2) of the descriptor.
int32_t tandem_syncfs(int32_t descriptor);

/// The size of the terminal on `descriptor` (TIOCGWINSZ, a variadic ioctl Swift cannot call);
/// 0, or -1 with errno when it is not a terminal.
int32_t tandem_terminal_size(int32_t descriptor, int32_t *columns, int32_t *rows);

/// Watches SIGWINCH without SA_RESTART (a pending read(2) then fails with EINTR); 0 or -1.
int32_t tandem_watch_resize(void);

/// Puts SIGWINCH back to its default.
void tandem_unwatch_resize(void);

/// 1 when the terminal was resized since the last call, else 0.
int32_t tandem_take_resize(void);

#endif
