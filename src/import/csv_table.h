/*
 * csv_table.h — a spreadsheet as read from (or to be written to) one CSV
 * file of an instance folder (docs/spreadsheets.md): the header, and the
 * rows of cells with the line each row starts on.  Shared by the reader
 * (csv_read.c, csv_encoding.c), the importer and the exporter.
 */
#ifndef PL_CSV_TABLE_H
#define PL_CSV_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "placera.h"

typedef struct pl_csv_row {
    int line;      /* 1-based line of the file where the row starts */
    size_t n;      /* cells in this row (may differ from the header's) */
    char **cells;  /* NUL-terminated UTF-8, never NULL */
} pl_csv_row;

typedef struct pl_csv_table {
    char *file;         /* name used in messages (the path) */
    size_t n_cols;
    char **header;      /* as written, trimmed */
    int header_line;    /* usually 1 */
    pl_csv_row *rows;   /* data rows, blank rows left out */
    size_t n_rows, cap_rows;
    char separator;     /* ',' or ';' (detected when read) */
} pl_csv_table;

/* An empty table named `file` (copied). */
pl_status pli_csv_table_init(pl_csv_table *t, const char *file);
void pli_csv_table_free(pl_csv_table *t);

/* Append a column named `name` (copied); *index receives its position.
 * Existing rows get an empty cell. */
pl_status pli_csv_table_add_column(pl_csv_table *t, const char *name, size_t *index);
/* The column named `name` (exact), or -1. */
long pli_csv_table_column(const pl_csv_table *t, const char *name);
/* Append a row of n_cols empty cells; *row receives it. */
pl_status pli_csv_table_add_row(pl_csv_table *t, pl_csv_row **row);
/* Replace cell `col` of `row` by a copy of `text` (the row grows to fit). */
pl_status pli_csv_row_set(pl_csv_row *row, size_t col, const char *text);
/* Cell `col` of `row`, "" past its end. */
const char *pli_csv_cell(const pl_csv_row *row, size_t col);

/* Read `path` (shown as `file` in messages) into `t`: UTF-8 with or
 * without a byte order mark, or Windows-1252 (converted, with a note);
 * ',' or ';' as separator, whichever the header line uses.  Every problem
 * goes to `diags` as FILE:LINE:COLUMN; PL_ERR_INVALID then. */
pl_status pli_csv_table_read(const char *path, const char *file, pl_csv_table *t,
                            pl_diags *diags);
/* The same from bytes in memory (tests). */
pl_status pli_csv_table_parse(const char *bytes, size_t length, const char *file,
                             pl_csv_table *t, pl_diags *diags);

/* Turn `bytes` into UTF-8 without byte order mark: *out is a new
 * NUL-terminated buffer (caller frees), *converted true when the input was
 * read as Windows-1252.  A byte Windows-1252 does not define is an error
 * at its line and column. */
pl_status pli_csv_to_utf8(const char *bytes, size_t length, const char *file,
                         char **out, size_t *out_length, bool *converted,
                         pl_diags *diags);

/* Write `t` as CSV text to `out`: RFC 4180 quoting where a cell needs it,
 * CRLF line ends, `separator`, a byte order mark first when `bom`. */
pl_status pli_csv_table_write(const pl_csv_table *t, char separator, bool bom,
                             FILE *out);

#endif /* PL_CSV_TABLE_H */
