/*
 * csv_import.h — internal interface of `placera import csv`: the state of
 * one import (the JSON being built, where each part of it came from), the
 * column binding shared by the per-file readers, and the readers
 * themselves (csv_import_*.c).
 */
#ifndef PL_CSV_IMPORT_H
#define PL_CSV_IMPORT_H

#include <jansson.h>

#include "import/csv_schema.h"
#include "import/csv_table.h"
#include "instance/instance.h"

/* Where a part of the instance came from: a JSON pointer and a cell (or a
 * row, column 0; or a whole file, line 0). */
typedef struct pl_csv_origin {
    char *pointer;
    const char *file; /* one of the import's file names */
    int line, column;
} pl_csv_origin;

typedef struct pl_csv_map {
    pl_csv_origin *items;
    size_t count, capacity;
    bool sorted;
} pl_csv_map;

pl_status pli_csv_map_add(pl_csv_map *map, const char *pointer, const char *file,
                         int line, int column);
/* The origin of `pointer` or of its longest prefix that has one; NULL if
 * none.  Sorts the map on first use. */
const pl_csv_origin *pli_csv_map_find(pl_csv_map *map, const char *pointer);
void pli_csv_map_free(pl_csv_map *map);

typedef struct pl_csv_import {
    pl_diags *diags;
    size_t errors;    /* errors added by the import itself */
    pl_status fatal;  /* out of memory: stop */
    pl_csv_map map;
    char *files[PL_CSV_N_FILES]; /* names in messages: DIR/instance.csv, ... */
    json_t *root;
    json_t *coll[5];  /* rotations, sites, supervisors, programs, trainees */
    pl_horizon horizon;
    bool horizon_ok;  /* instance.csv gave a usable horizon (capacity columns) */
} pl_csv_import;

enum { PL_CSV_ROT = 0, PL_CSV_SITE, PL_CSV_SUP, PL_CSV_PROG, PL_CSV_TRAINEE };

/* An error at a cell (col 0-based; pass -1 for the whole row, -2 for the
 * file). */
void pli_csv_error(pl_csv_import *im, const pl_csv_table *t, const pl_csv_row *row,
                  long col, const char *format, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;
/* Out of memory unless st is PL_OK; returns whether st is PL_OK. */
bool pli_csv_ok(pl_csv_import *im, pl_status st);
/* Record that `pointer` came from cell col (-1: the row) of `row` in t. */
void pli_csv_origin_at(pl_csv_import *im, const pl_csv_table *t,
                      const pl_csv_row *row, long col, const char *pointer);
/* "/base/token" with the token escaped (caller frees); NULL when out of memory. */
char *pli_csv_pointer(const char *base, const char *token);

/* The columns of one file: `keys` (the row's owner, e.g. "id"), the fields
 * of an object, and prefixes of extra columns ("x-" and others). */
typedef struct pl_csv_columns {
    long key[4];           /* column of each key, -1 when absent */
    long field[24];        /* column of each field, -1 when absent */
    const pl_csv_field *fields;
    size_t n_extra;
    struct {
        long col;
        const char *prefix; /* which prefix matched */
        const char *rest;   /* the header after it */
    } extra[256];
} pl_csv_columns;

/* In a prefix list: accept note columns and ignore them with a warning. */
#define PL_CSV_NOTES "(notes)"

/* Match t's header.  `required` keys must be present.  Unknown and
 * repeated columns are errors; false then. */
bool pli_csv_bind(pl_csv_import *im, const pl_csv_table *t,
                 const char *const *keys, size_t required,
                 const pl_csv_field *fields, const char *const *prefixes,
                 pl_csv_columns *cols);
/* Whether header `h` is a note column ("comment" or "x-..."); in files
 * whose rows have no object to keep it in, it is ignored with a warning. */
bool pli_csv_note_column(pl_csv_import *im, const pl_csv_table *t, size_t col);
/* Cell of key k in row ("" when the column is absent). */
const char *pli_csv_key(const pl_csv_columns *cols, const pl_csv_row *row, size_t k);
/* Set obj's members from the row's field cells and "x-" columns (empty
 * cells are left out), recording each one's origin under `pointer`. */
void pli_csv_fill(pl_csv_import *im, const pl_csv_table *t, const pl_csv_row *row,
                 const pl_csv_columns *cols, json_t *obj, const char *pointer);
/* One cell as JSON (NULL after an error at the cell). */
json_t *pli_csv_value(pl_csv_import *im, const pl_csv_table *t,
                     const pl_csv_row *row, long col, pl_csv_type type,
                     unsigned flags);

/* Members of a row that pli_csv_fill does not set (trainees' completed.,
 * previous. and weights. columns). */
typedef void (*pl_csv_row_extra)(pl_csv_import *im, const pl_csv_table *t,
                                 const pl_csv_row *row, const pl_csv_columns *cols,
                                 json_t *obj, const char *pointer);
/* A file of named things: column "id", then `fields` and `prefixes`
 * (collection c: PL_CSV_ROT ... PL_CSV_TRAINEE). */
void pli_csv_import_collection(pl_csv_import *im, const pl_csv_table *t, int c,
                              const pl_csv_field *fields,
                              const char *const *prefixes,
                              pl_csv_row_extra extra);

/* The readers, one per group of files; a NULL table is a file left out. */
void pli_csv_import_settings(pl_csv_import *im, const pl_csv_table *t);
void pli_csv_import_rotations(pl_csv_import *im, const pl_csv_table *t);
void pli_csv_import_sites(pl_csv_import *im, const pl_csv_table *t);
void pli_csv_import_capacity(pl_csv_import *im, const pl_csv_table *t);
void pli_csv_import_posts(pl_csv_import *im, const pl_csv_table *t);
void pli_csv_import_supervisors(pl_csv_import *im, const pl_csv_table *t);
void pli_csv_import_programs(pl_csv_import *im, const pl_csv_table *t);
void pli_csv_import_requirements(pl_csv_import *im, const pl_csv_table *t);
void pli_csv_import_choices(pl_csv_import *im, const pl_csv_table *t);
void pli_csv_import_trainees(pl_csv_import *im, const pl_csv_table *t);
void pli_csv_import_leave(pl_csv_import *im, const pl_csv_table *t);
void pli_csv_import_pins(pl_csv_import *im, const pl_csv_table *t);
void pli_csv_import_preferences(pl_csv_import *im, const pl_csv_table *t);

/* The object of `id` in collection c, or NULL after an error at the cell
 * ("no trainee 'x' in trainees.csv"). */
json_t *pli_csv_owner(pl_csv_import *im, const pl_csv_table *t,
                     const pl_csv_row *row, long col, int c);

#endif /* PL_CSV_IMPORT_H */
