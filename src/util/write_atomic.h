/*
 * write_atomic.h — write a file through a temporary file in the same
 * directory that is renamed over the target only when it is complete, so
 * readers never see half a file and nothing is left behind on failure.
 * Used by every writer of files: schedules, reports, exports, imports.
 */
#ifndef PL_WRITE_ATOMIC_H
#define PL_WRITE_ATOMIC_H

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>

#include "placera.h"

/* Hold back SIGINT, SIGTERM and SIGHUP while temporary files exist (the
 * old mask into *old), deliver them again when those are gone. */
void pli_hold_signals(sigset_t *old);
void pli_release_signals(const sigset_t *old);
/* Whether one of those signals is waiting (held back): stop and clean up. */
bool pli_signal_held(void);

/* Writes the content to `out` (owned by pli_write_atomic); returns PL_OK or
 * the first error.  A failing stream is detected by the caller too. */
typedef pl_status (*pl_write_fn)(FILE *out, void *user);

/* Call `fn` on a temporary file next to `path` (".NAME.placera-tmp-PID"), flush it to disk and rename
 * it over `path`.  The new file keeps the mode of the file it replaces (else
 * rw-r--r--).  On PL_ERR_IO *err (may be NULL) receives the errno that
 * explains it (0 if none is known).  Nothing is left behind on failure. */
pl_status pli_write_atomic(const char *path, pl_write_fn fn, void *user, int *err);

/* The same for a new file: never replaces a file; PL_ERR_IO with *err =
 * EEXIST when `path` exists (checked atomically when the file is put in
 * place, by link(2)). */
pl_status pli_write_atomic_new(const char *path, pl_write_fn fn, void *user, int *err);

#endif /* PL_WRITE_ATOMIC_H */
