/*
 * json_read.h — typed reading of jansson values with diagnostics.
 *
 * The validator walks the document with a pl_jctx that remembers the JSON
 * pointer of the value being read.  Every getter checks the type and range
 * of one value and, when it is wrong, adds an error naming that pointer
 * (`FILE: /trainees/t7/requirements/acute/min: error: ...`) and goes on, so
 * that all problems of a file are reported at once.  The instance's
 * validator and the schedule reader (src/schedule/read.c) both read through
 * it.
 */
#ifndef PL_JSON_READ_H
#define PL_JSON_READ_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "placera.h"
#include "util/strutil.h"

typedef struct pl_jctx {
    const char *file;  /* name used in messages */
    pl_diags *diags;   /* where problems go (owned by the caller) */
    pl_buf path;       /* JSON pointer of the current value */
    size_t errors;     /* errors added so far */
    pl_status fatal;   /* PL_ERR_NOMEM once an allocation failed */
} pl_jctx;

void pli_jctx_init(pl_jctx *c, const char *file, pl_diags *diags);
void pli_jctx_free(pl_jctx *c);

/* Descend into `key` / array element `i`; pli_jpop(c, mark) goes back. */
size_t pli_jpush(pl_jctx *c, const char *key);
size_t pli_jpush_index(pl_jctx *c, size_t i);
void pli_jpop(pl_jctx *c, size_t mark);

/* Add an error / warning / either (by `sev`) at the current path. */
void pli_jreport(pl_jctx *c, pl_severity sev, const char *format, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
void pli_jerror(pl_jctx *c, const char *format, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void pli_jwarning(pl_jctx *c, const char *format, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* A short description of a value for messages: -1, 2.0, "abc", an object. */
const char *pli_jdescribe(const json_t *v, char buf[96]);

/* An id: 1 to 64 characters of A-Z a-z 0-9 . _ - */
bool pli_valid_id(const char *s);

/* Whether `key` is free for users in any object with fixed fields: x-* and
 * $comment (format.md §1). */
bool pli_jfree_key(const char *key);

/* Report every key of `obj` not in `allowed` (NULL-terminated), except x-*
 * and $comment.  Returns false when there was one. */
bool pli_jcheck_keys(pl_jctx *c, json_t *obj, const char *const allowed[]);

/* Check that `v` is an object / array / ...; on failure add "must be
 * <what>, got ..." and return false. */
bool pli_jis_object(pl_jctx *c, const json_t *v, const char *what);
bool pli_jis_array(pl_jctx *c, const json_t *v, const char *what);

/* Read one value at the current path.  On success set *out and return true;
 * otherwise add an error and return false (*out untouched). */
bool pli_jint(pl_jctx *c, const json_t *v, long long lo, long long hi, int *out);
bool pli_jnumber(pl_jctx *c, const json_t *v, double *out);
bool pli_jbool(pl_jctx *c, const json_t *v, bool *out);
bool pli_jstring(pl_jctx *c, const json_t *v, const char **out);

/* The same for member `key` of `obj`: absent leaves *out untouched and
 * returns true; a bad value adds an error at /…/key and returns false. */
bool pli_jfield_int(pl_jctx *c, json_t *obj, const char *key, long long lo,
                   long long hi, int *out);
bool pli_jfield_number(pl_jctx *c, json_t *obj, const char *key, double *out);
bool pli_jfield_bool(pl_jctx *c, json_t *obj, const char *key, bool *out);

/* An error for a required member that is missing, at the object's path. */
void pli_jmissing(pl_jctx *c, const char *key, const char *what);

#endif /* PL_JSON_READ_H */
