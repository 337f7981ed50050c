/*
 * dzn.h — a reader for MiniZinc data files (.dzn), enough for the MSSP
 * benchmark: `name = value;` items whose values are integers, booleans,
 * ranges (`a..b`), sets (`{1,3}`), 1-D arrays (`[1,2]`), 2-D arrays
 * (`[| 1,2 | 3,4 |]`) and `arrayNd(lo..hi, ..., [ ... ])`, with `%` line
 * comments and block comments.  A range bound may name an integer defined
 * earlier in the file (`1..Students`).  Everything becomes integers.
 */
#ifndef PL_DZN_H
#define PL_DZN_H

#include <stddef.h>

#include "placera.h"

#define PL_DZN_MAX_DIMS 6

typedef enum pl_dzn_kind { PL_DZN_INT = 0, PL_DZN_ARRAY = 1, PL_DZN_SET = 2 } pl_dzn_kind;

typedef struct pl_dzn_var {
    char *name;
    pl_dzn_kind kind;
    int ndims;                   /* arrays: 1..PL_DZN_MAX_DIMS; else 0 */
    long lo[PL_DZN_MAX_DIMS];    /* index ranges, inclusive */
    long hi[PL_DZN_MAX_DIMS];
    long *data;                  /* INT: data[0]; ARRAY: row-major; SET: sorted, distinct */
    size_t n;                    /* number of values in data */
    int line, column;            /* where the item starts */
} pl_dzn_var;

typedef struct pl_dzn {
    pl_dzn_var *vars;
    size_t n, cap;
} pl_dzn;

/* Parse `text` (`file` names it in messages).  Names in range bounds and
 * values are looked up in the file itself, then in `context` (may be NULL:
 * e.g. the instance a solution file belongs to).  On PL_OK *out holds every
 * item, owned by the caller (pli_dzn_free).  On PL_ERR_SYNTAX every problem
 * is in `diags` with line and column and *out is empty. */
pl_status pli_dzn_parse(const char *text, size_t length, const char *file,
                       const pl_dzn *context, pl_dzn *out, pl_diags *diags);
void pli_dzn_free(pl_dzn *dzn);

/* The item called `name`, or NULL.  The pointer belongs to `dzn`. */
const pl_dzn_var *pli_dzn_find(const pl_dzn *dzn, const char *name);

/* Read a whole file into a NUL-terminated buffer owned by the caller. */
pl_status pli_read_text_file(const char *path, char **text, size_t *length,
                            pl_diags *diags);

#endif /* PL_DZN_H */
