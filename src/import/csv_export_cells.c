/*
 * csv_export_cells.c — putting the instance's JSON values into cells for
 * `placera export csv`: headers, rows, one value, a whole object by its
 * field list, and the message for what cannot be written.  A text cell
 * that a spreadsheet would take for a formula (= + - @, tab, CR first) gets
 * a ' in front; numbers are written as they are.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "import/csv_export.h"
#include "util/strutil.h"

bool pli_csv_eok(pl_csv_export *ex, pl_status st)
{
    if (st != PL_OK && ex->fatal == PL_OK)
        ex->fatal = st;
    return st == PL_OK;
}

void pli_csv_cannot(pl_csv_export *ex, const char *pointer, const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    char *message = pli_vasprintf(format, ap);
    va_end(ap);
    ex->errors++;
    if (!message || pl_diags_add(ex->diags, PL_SEV_ERROR, ex->file, 0, 0,
                                 pointer ? pointer : "",
                                 "cannot be written to the CSV files: %s",
                                 message) != PL_OK)
        pli_csv_eok(ex, PL_ERR_NOMEM);
    free(message);
}

void pli_csv_export_header(pl_csv_export *ex, pl_csv_file file,
                          const char *const *keys, const pl_csv_field *fields)
{
    pl_csv_table *t = &ex->tables[file];
    for (size_t k = 0; keys && keys[k]; k++)
        pli_csv_eok(ex, pli_csv_table_add_column(t, keys[k], NULL));
    for (size_t f = 0; fields && fields[f].header; f++)
        if (!(fields[f].flags & PL_CSV_OPTIONAL))
            pli_csv_eok(ex, pli_csv_table_add_column(t, fields[f].header, NULL));
}

pl_csv_row *pli_csv_export_row(pl_csv_export *ex, pl_csv_file file)
{
    pl_csv_row *row = NULL;
    if (!pli_csv_eok(ex, pli_csv_table_add_row(&ex->tables[file], &row)))
        return NULL;
    return row;
}

/* A text cell with a ' in front when a spreadsheet would take it for a
 * formula (docs/spreadsheets.md; the import takes the ' off again): `text`
 * itself, or a new string that replaces it (NULL when out of memory). */
static char *guarded(char *text)
{
    if (!text || !pli_csv_guard_needed(text))
        return text;
    char *g = pli_asprintf("'%s", text);
    free(text);
    return g;
}

/* A formatted value as a cell: numbers as they are, any other value's text
 * (ids, names, lists, free text) guarded. */
static char *value_cell(char *text, const json_t *value)
{
    return json_is_number(value) ? text : guarded(text);
}

/* Cell `header` of `row` := text, as it is. */
static void set_cell(pl_csv_export *ex, pl_csv_file file, pl_csv_row *row,
                     const char *header, const char *text)
{
    pl_csv_table *t = &ex->tables[file];
    long col = pli_csv_table_column(t, header);
    size_t c;
    if (!row)
        return;
    if (col < 0) {
        if (!pli_csv_eok(ex, pli_csv_table_add_column(t, header, &c)))
            return;
        col = (long)c;
    }
    pli_csv_eok(ex, pli_csv_row_set(row, (size_t)col, text));
}

void pli_csv_put_text(pl_csv_export *ex, pl_csv_file file, pl_csv_row *row,
                     const char *header, const char *text)
{
    char *cell = row ? guarded(pli_strdup(text)) : NULL;
    if (cell)
        set_cell(ex, file, row, header, cell);
    else if (row)
        pli_csv_eok(ex, PL_ERR_NOMEM);
    free(cell);
}

void pli_csv_put_json(pl_csv_export *ex, pl_csv_file file, pl_csv_row *row,
                const char *header, const json_t *value, pl_csv_type type,
                unsigned flags, const char *pointer)
{
    const char *why = NULL;
    char *text = pli_csv_format_cell(value, type, flags, ex->decimal, &why);
    if (text && !(text = value_cell(text, value)))
        why = NULL; /* out of memory */
    if (text)
        set_cell(ex, file, row, header, text);
    else if (why)
        pli_csv_cannot(ex, pointer, "%s", why);
    else
        pli_csv_eok(ex, PL_ERR_NOMEM);
    free(text);
}

void pli_csv_put_at(pl_csv_export *ex, pl_csv_row *row, size_t col,
                   const json_t *value, pl_csv_type type, const char *pointer)
{
    const char *why = NULL;
    char *text = row ? pli_csv_format_cell(value, type, 0, ex->decimal, &why) : NULL;
    if (text && !(text = value_cell(text, value)))
        why = NULL; /* out of memory */
    if (text)
        pli_csv_eok(ex, pli_csv_row_set(row, col, text));
    else if (why)
        pli_csv_cannot(ex, pointer, "%s", why);
    else if (row)
        pli_csv_eok(ex, PL_ERR_NOMEM);
    free(text);
}

static bool listed(const char *const *names, const char *key)
{
    for (size_t i = 0; names && names[i]; i++)
        if (!strcmp(names[i], key))
            return true;
    return false;
}

void pli_csv_put_object(pl_csv_export *ex, pl_csv_file file, pl_csv_row *row,
                       const json_t *obj, const pl_csv_field *fields,
                       const char *const *handled, const char *pointer)
{
    const char *key;
    json_t *v;
    if (!json_is_object(obj)) {
        pli_csv_cannot(ex, pointer, "not an object");
        return;
    }
    json_object_foreach((json_t *)obj, key, v) {
        char *p = pli_asprintf("%s/%s", pointer, key);
        const pl_csv_field *f = fields;
        while (f && f->header && strcmp(f->key, key))
            f++;
        if (!p) {
            pli_csv_eok(ex, PL_ERR_NOMEM);
            return;
        }
        if (f && f->header) {
            if (!(f->type == PL_CSV_EMPTY &&
                  (json_array_size(v) > 0 || json_object_size(v) > 0)))
                pli_csv_put_json(ex, file, row, f->header, v, f->type, f->flags, p);
        } else if (!strncmp(key, "x-", 2)) {
            pli_csv_put_json(ex, file, row, key, v, PL_CSV_ANY, 0, p);
        } else if (!listed(handled, key)) {
            pli_csv_cannot(ex, p, "no column holds \"%s\" here", key);
        }
        free(p);
    }
}
