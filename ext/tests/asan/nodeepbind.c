/* Preloaded ahead of libasan by scripts/test-ext.sh --asan. php dlopen()s extensions with RTLD_DEEPBIND, which
 * the sanitizer runtime refuses (google/sanitizers#611): drop the flag and forward to the next dlopen. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>

void *dlopen(const char *file, int mode)
{
    static void *(*next)(const char *, int);
    if (next == NULL) {
        next = (void *(*)(const char *, int)) dlsym(RTLD_NEXT, "dlopen");
    }
    return next(file, mode & ~RTLD_DEEPBIND);
}
