/*
 * csv_columns.c — what every file reader of the CSV import shares: errors
 * at a cell, origins of JSON parts, matching a header to the file's columns,
 * turning a row's cells into members of a JSON object, and finding the
 * object a row belongs to.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import/csv_import.h"
#include "util/strutil.h"

static const char *const owner_words[] = {"rotation", "site", "supervisor",
                                          "program", "trainee"};
static const pl_csv_file owner_files[] = {PL_CSV_ROTATIONS, PL_CSV_SITES,
                                          PL_CSV_SUPERVISORS, PL_CSV_PROGRAMS,
                                          PL_CSV_TRAINEES};

bool pli_csv_ok(pl_csv_import *im, pl_status st)
{
    if (st != PL_OK && im->fatal == PL_OK)
        im->fatal = st;
    return st == PL_OK;
}

void pli_csv_error(pl_csv_import *im, const pl_csv_table *t, const pl_csv_row *row,
                  long col, const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    char *message = pli_vasprintf(format, ap);
    va_end(ap);
    int line = col == -2 || !row ? (col == -2 ? 0 : t->header_line) : row->line;
    int column = col >= 0 ? (int)col + 1 : 0;
    im->errors++;
    if (!message || !pli_csv_ok(im, pl_diags_add(im->diags, PL_SEV_ERROR, t->file,
                                                line, column, NULL, "%s", message)))
        pli_csv_ok(im, PL_ERR_NOMEM);
    free(message);
}

char *pli_csv_pointer(const char *base, const char *token)
{
    pl_buf b = {0};
    pli_buf_puts(&b, base);
    pli_buf_pointer(&b, token);
    if (b.failed) {
        pli_buf_free(&b);
        return NULL;
    }
    return b.data;
}

void pli_csv_origin_at(pl_csv_import *im, const pl_csv_table *t,
                      const pl_csv_row *row, long col, const char *pointer)
{
    if (pointer)
        pli_csv_ok(im, pli_csv_map_add(&im->map, pointer, t->file,
                                     row ? row->line : 0, col >= 0 ? (int)col + 1 : 0));
}

static bool has_cells_in(const pl_csv_table *t, size_t col, const pl_csv_row **where)
{
    for (size_t i = 0; i < t->n_rows; i++)
        if (pli_csv_cell(&t->rows[i], col)[0]) {
            *where = &t->rows[i];
            return true;
        }
    return false;
}

/* Cells past the header's last column must be empty. */
static bool check_widths(pl_csv_import *im, const pl_csv_table *t)
{
    bool ok = true;
    for (size_t i = 0; i < t->n_rows; i++)
        for (size_t c = t->n_cols; c < t->rows[i].n; c++)
            if (t->rows[i].cells[c][0]) {
                pli_csv_error(im, t, &t->rows[i], (long)c,
                             "a value in a column that has no name in the header");
                ok = false;
                break;
            }
    return ok;
}

static bool seen_before(pl_csv_import *im, const pl_csv_table *t, long *slot,
                        size_t col)
{
    if (*slot >= 0) {
        pli_csv_error(im, t, NULL, (long)col, "column \"%s\" appears twice",
                     t->header[col]);
        return true;
    }
    *slot = (long)col;
    return false;
}

static bool bind_one(pl_csv_import *im, const pl_csv_table *t, size_t i,
                     const char *const *keys, const pl_csv_field *fields,
                     const char *const *prefixes, pl_csv_columns *cols)
{
    const char *h = t->header[i];
    for (size_t k = 0; keys && keys[k]; k++)
        if (!strcasecmp(h, keys[k]))
            return !seen_before(im, t, &cols->key[k], i);
    for (size_t f = 0; fields && fields[f].header &&
                       f < sizeof cols->field / sizeof cols->field[0]; f++)
        if (!strcasecmp(h, fields[f].header))
            return !seen_before(im, t, &cols->field[f], i);
    for (size_t p = 0; prefixes && prefixes[p]; p++) {
        const char *rest = strcmp(prefixes[p], PL_CSV_NOTES)
                               ? pli_csv_after_prefix(h, prefixes[p]) : NULL;
        if (rest && rest[0] && cols->n_extra < sizeof cols->extra / sizeof cols->extra[0]) {
            for (size_t e = 0; e < cols->n_extra; e++)
                if (!strcasecmp(t->header[cols->extra[e].col], h)) {
                    pli_csv_error(im, t, NULL, (long)i, "column \"%s\" appears twice", h);
                    return false;
                }
            cols->extra[cols->n_extra].col = (long)i;
            cols->extra[cols->n_extra].prefix = prefixes[p];
            cols->extra[cols->n_extra].rest = rest;
            cols->n_extra++;
            return true;
        }
    }
    for (size_t p = 0; prefixes && prefixes[p]; p++)
        if (!strcmp(prefixes[p], PL_CSV_NOTES) && pli_csv_note_column(im, t, i))
            return true;
    pli_csv_error(im, t, NULL, (long)i,
                 "unknown column \"%s\" (docs/spreadsheets.md lists the columns of "
                 "each file; name a column of your own x-something to keep it)", h);
    return false;
}

bool pli_csv_bind(pl_csv_import *im, const pl_csv_table *t,
                 const char *const *keys, size_t required,
                 const pl_csv_field *fields, const char *const *prefixes,
                 pl_csv_columns *cols)
{
    bool ok = check_widths(im, t);
    memset(cols, 0, sizeof *cols);
    for (size_t k = 0; k < sizeof cols->key / sizeof cols->key[0]; k++)
        cols->key[k] = -1;
    for (size_t f = 0; f < sizeof cols->field / sizeof cols->field[0]; f++)
        cols->field[f] = -1;
    cols->fields = fields;
    for (size_t i = 0; i < t->n_cols; i++) {
        const pl_csv_row *where;
        if (!t->header[i][0]) {
            if (has_cells_in(t, i, &where)) {
                pli_csv_error(im, t, where, (long)i,
                             "a value in a column that has no name in the header");
                ok = false;
            }
            continue;
        }
        ok &= bind_one(im, t, i, keys, fields, prefixes, cols);
    }
    for (size_t k = 0; k < required; k++)
        if (cols->key[k] < 0) {
            pli_csv_error(im, t, NULL, -1, "the header has no column \"%s\"", keys[k]);
            ok = false;
        }
    return ok;
}

bool pli_csv_note_column(pl_csv_import *im, const pl_csv_table *t, size_t col)
{
    const char *h = t->header[col];
    if (strcasecmp(h, "comment") && !pli_csv_after_prefix(h, "x-"))
        return false;
    pli_csv_ok(im, pl_diags_add(im->diags, PL_SEV_WARNING, t->file, t->header_line,
                               (int)col + 1, NULL,
                               "column \"%s\" is ignored: the instance has no place "
                               "for notes on these rows", h));
    return true;
}

const char *pli_csv_key(const pl_csv_columns *cols, const pl_csv_row *row, size_t k)
{
    return cols->key[k] >= 0 ? pli_csv_cell(row, (size_t)cols->key[k]) : "";
}

json_t *pli_csv_value(pl_csv_import *im, const pl_csv_table *t,
                     const pl_csv_row *row, long col, pl_csv_type type,
                     unsigned flags)
{
    const char *why = NULL;
    const char *text = pli_csv_cell(row, (size_t)col);
    json_t *v = pli_csv_parse_cell(text, type, flags, &why);
    if (!v) {
        if (why)
            pli_csv_error(im, t, row, col, "%s: \"%s\" is not %s", t->header[col],
                         text, why);
        else
            pli_csv_ok(im, PL_ERR_NOMEM);
    }
    return v;
}

static void set_member(pl_csv_import *im, const pl_csv_table *t,
                       const pl_csv_row *row, long col, json_t *obj,
                       const char *key, json_t *value, const char *pointer)
{
    if (!value)
        return;
    if (json_object_get(obj, key)) {
        pli_csv_error(im, t, row, col, "\"%s\" is given twice for this row", key);
        json_decref(value);
        return;
    }
    if (!pli_csv_ok(im, json_object_set_new(obj, key, value) ? PL_ERR_NOMEM : PL_OK))
        return;
    char *p = pli_csv_pointer(pointer, key);
    if (!p)
        pli_csv_ok(im, PL_ERR_NOMEM);
    pli_csv_origin_at(im, t, row, col, p);
    free(p);
}

void pli_csv_fill(pl_csv_import *im, const pl_csv_table *t, const pl_csv_row *row,
                 const pl_csv_columns *cols, json_t *obj, const char *pointer)
{
    for (size_t f = 0; cols->fields && cols->fields[f].header; f++) {
        long col = cols->field[f];
        if (col < 0 || !pli_csv_cell(row, (size_t)col)[0])
            continue;
        const pl_csv_field *fd = &cols->fields[f];
        set_member(im, t, row, col, obj, fd->key,
                   pli_csv_value(im, t, row, col, fd->type, fd->flags), pointer);
    }
    for (size_t e = 0; e < cols->n_extra; e++) {
        long col = cols->extra[e].col;
        if (strcmp(cols->extra[e].prefix, "x-") || !pli_csv_cell(row, (size_t)col)[0])
            continue;
        char *key = pli_asprintf("x-%s", cols->extra[e].rest);
        if (!key) {
            pli_csv_ok(im, PL_ERR_NOMEM);
            return;
        }
        set_member(im, t, row, col, obj, key,
                   pli_csv_value(im, t, row, col, PL_CSV_ANY, 0), pointer);
        free(key);
    }
}

json_t *pli_csv_owner(pl_csv_import *im, const pl_csv_table *t,
                     const pl_csv_row *row, long col, int c)
{
    const char *id = col >= 0 ? pli_csv_cell(row, (size_t)col) : "";
    if (!id[0]) {
        pli_csv_error(im, t, row, col, "which %s? the cell is empty", owner_words[c]);
        return NULL;
    }
    json_t *obj = json_object_get(im->coll[c], id);
    if (!obj)
        pli_csv_error(im, t, row, col, "no %s \"%s\" in %s", owner_words[c], id,
                     pli_csv_file_names[owner_files[c]]);
    return obj;
}
