// SIGWINCH for the full-screen translator: a handler installed without SA_RESTART, so that a
// read(2) waiting for a key returns EINTR when the terminal is resized and the screen is laid
// out again at once (Swift's `signal` on glibc restarts the read: the old layout stayed, cut
// off by the narrower terminal, until the next key).
#include "CTandemSystem.h"

#include <pthread.h>
#include <signal.h>
#include <string.h>

static volatile sig_atomic_t resized = 0;

static void on_resize(int number) {
    (void)number;
    resized = 1;
}

int32_t tandem_watch_resize(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_resize;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    if (sigaction(SIGWINCH, &action, NULL) != 0) return -1;
    // A process may inherit the signal blocked (a test runner's tmux server passed its mask
    // on): unblocked for this thread, the one that waits for keys.
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGWINCH);
    return pthread_sigmask(SIG_UNBLOCK, &set, NULL) == 0 ? 0 : -1;
}

void tandem_unwatch_resize(void) {
    signal(SIGWINCH, SIG_DFL);
    resized = 0;
}

int32_t tandem_take_resize(void) {
    int32_t was = resized ? 1 : 0;
    resized = 0;
    return was;
}
