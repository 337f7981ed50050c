/*
 * strutil.h — small string helpers: copies, formatted allocation, a growable
 * buffer, and JSON-pointer escaping.  Allocation failures return NULL or
 * PL_ERR_NOMEM; nothing here prints or exits.
 */
#ifndef PL_STRUTIL_H
#define PL_STRUTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "placera.h"

char *pli_strdup(const char *s);
char *pli_asprintf(const char *format, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
char *pli_vasprintf(const char *format, va_list ap);

/* A growable NUL-terminated byte buffer.  Zero-initialise, then append. */
typedef struct pl_buf {
    char *data;
    size_t len, cap;
    bool failed; /* an append ran out of memory: later appends do nothing */
} pl_buf;

pl_status pli_buf_append(pl_buf *b, const char *s, size_t n);
pl_status pli_buf_puts(pl_buf *b, const char *s);
pl_status pli_buf_printf(pl_buf *b, const char *format, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void pli_buf_free(pl_buf *b);

/* Whether a CSV cell would be taken for a formula by a spreadsheet: it
 * begins with = + - @, a tab or a carriage return (OWASP's list).  Writers
 * put a ' before such a cell. */
bool pli_csv_formula_like(const char *cell);

/* Whether a text cell of an instance's spreadsheets (docs/spreadsheets.md)
 * gets a ' in front: it is formula-like after any leading 's, so that the
 * import, which takes one ' off such a cell (pli_csv_unguard), gives back
 * every text, also one that begins with ' ("'=x" is written "''=x"). */
bool pli_csv_guard_needed(const char *cell);

/* `cell` without the ' the export put in front of it (a pointer into
 * `cell`); the cell itself when it has none. */
const char *pli_csv_unguard(const char *cell);

/* Append "/" + token to a JSON pointer, escaping '~' and '/' (RFC 6901). */
pl_status pli_buf_pointer(pl_buf *b, const char *token);

#endif /* PL_STRUTIL_H */
