/*
 * csv_table.c — the in-memory spreadsheet of csv_table.h: growing it by
 * columns and rows, reading a cell, and freeing it.
 */
#include <stdlib.h>
#include <string.h>

#include "import/csv_table.h"
#include "util/strutil.h"

pl_status pli_csv_table_init(pl_csv_table *t, const char *file)
{
    memset(t, 0, sizeof *t);
    t->header_line = 1;
    t->separator = ',';
    t->file = pli_strdup(file ? file : "");
    return t->file ? PL_OK : PL_ERR_NOMEM;
}

static void free_row(pl_csv_row *row)
{
    for (size_t i = 0; i < row->n; i++)
        free(row->cells[i]);
    free(row->cells);
}

void pli_csv_table_free(pl_csv_table *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->n_cols; i++)
        free(t->header[i]);
    free(t->header);
    for (size_t i = 0; i < t->n_rows; i++)
        free_row(&t->rows[i]);
    free(t->rows);
    free(t->file);
    memset(t, 0, sizeof *t);
}

long pli_csv_table_column(const pl_csv_table *t, const char *name)
{
    for (size_t i = 0; i < t->n_cols; i++)
        if (!strcmp(t->header[i], name))
            return (long)i;
    return -1;
}

pl_status pli_csv_table_add_column(pl_csv_table *t, const char *name, size_t *index)
{
    char *copy = pli_strdup(name);
    char **header = copy ? realloc(t->header, (t->n_cols + 1) * sizeof *header) : NULL;
    if (!header) {
        free(copy);
        return PL_ERR_NOMEM;
    }
    t->header = header;
    t->header[t->n_cols] = copy;
    if (index)
        *index = t->n_cols;
    t->n_cols++;
    return PL_OK;
}

const char *pli_csv_cell(const pl_csv_row *row, size_t col)
{
    return col < row->n ? row->cells[col] : "";
}

static pl_status grow_row(pl_csv_row *row, size_t n)
{
    if (n <= row->n)
        return PL_OK;
    char **cells = realloc(row->cells, n * sizeof *cells);
    if (!cells)
        return PL_ERR_NOMEM;
    row->cells = cells;
    while (row->n < n) {
        if (!(cells[row->n] = pli_strdup("")))
            return PL_ERR_NOMEM;
        row->n++;
    }
    return PL_OK;
}

pl_status pli_csv_row_set(pl_csv_row *row, size_t col, const char *text)
{
    pl_status status = grow_row(row, col + 1);
    if (status != PL_OK)
        return status;
    char *copy = pli_strdup(text);
    if (!copy)
        return PL_ERR_NOMEM;
    free(row->cells[col]);
    row->cells[col] = copy;
    return PL_OK;
}

pl_status pli_csv_table_add_row(pl_csv_table *t, pl_csv_row **row)
{
    if (t->n_rows == t->cap_rows) {
        size_t cap = t->cap_rows ? t->cap_rows * 2 : 16;
        pl_csv_row *rows = realloc(t->rows, cap * sizeof *rows);
        if (!rows)
            return PL_ERR_NOMEM;
        t->rows = rows;
        t->cap_rows = cap;
    }
    pl_csv_row *r = &t->rows[t->n_rows++];
    memset(r, 0, sizeof *r);
    r->line = t->header_line + (int)t->n_rows;
    if (row)
        *row = r;
    return grow_row(r, t->n_cols);
}
