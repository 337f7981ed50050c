/*
 * read_file.h — read a whole file into memory, the one reader behind
 * instances, scenarios, schedules and MSSP data files.  Each caller names
 * its own words for the messages (`cannot read the file: ...`, `cannot open
 * the schedule: ...`), so every command keeps its wording.
 */
#ifndef PL_READ_FILE_H
#define PL_READ_FILE_H

#include <stddef.h>

#include "placera.h"

typedef struct pl_read_words {
    const char *cannot_open; /* "<cannot_open>: <strerror>" when fopen fails */
    const char *cannot_read; /* "<cannot_read>: <strerror>" when a read fails */
    const char *directory;   /* the whole message for a directory; NULL: a
                              * directory is read like a file (and fails) */
} pl_read_words;

/* "cannot open", "cannot read", no directory message. */
void pli_read_words_init(pl_read_words *w);

/* Read `path` into *text (NUL-terminated, owned by the caller; "" for an
 * empty file) and its length into *length.  A problem is added to `diags`
 * at `path` with no line: PL_ERR_IO, or PL_ERR_NOMEM when memory ran out. */
pl_status pli_read_file(const char *path, const pl_read_words *words,
                       char **text, size_t *length, pl_diags *diags);

#endif /* PL_READ_FILE_H */
