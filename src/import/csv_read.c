/*
 * csv_read.c — pli_csv_table_read / pli_csv_table_parse: one CSV file into a
 * pl_csv_table with libcsv (strict mode).  The separator, ',' or ';', is
 * the one the header line uses more often.  The text is fed to the parser
 * a byte at a time so that each row knows the line it starts on and a
 * malformed quote is reported at its line and cell.  Rows whose cells are
 * all empty (spreadsheets leave them) are dropped.  A data cell that the
 * export guarded against formulas ('=x, '-a1) loses that one '.
 */
#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "import/csv_table.h"
#include "util/read_file.h"
#include "util/strutil.h"

typedef struct reader {
    pl_csv_table *t;
    pl_diags *diags;
    char **cells; /* the record being read */
    size_t n, cap;
    int record_line;
    bool in_record;
    bool have_header;
    pl_status status;
} reader;

static void drop_record(reader *r)
{
    for (size_t i = 0; i < r->n; i++)
        free(r->cells[i]);
    r->n = 0;
}

static void on_field(void *s, size_t len, void *data)
{
    reader *r = data;
    if (r->status != PL_OK)
        return;
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 16;
        char **cells = realloc(r->cells, cap * sizeof *cells);
        if (!cells) {
            r->status = PL_ERR_NOMEM;
            return;
        }
        r->cells = cells;
        r->cap = cap;
    }
    char *cell = malloc(len + 1);
    if (!cell) {
        r->status = PL_ERR_NOMEM;
        return;
    }
    if (len)
        memcpy(cell, s, len);
    cell[len] = '\0';
    r->cells[r->n++] = cell;
}

static bool all_empty(char **cells, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (cells[i][0])
            return false;
    return true;
}

/* The record is complete: it becomes the header or a row. */
static void on_record(int c, void *data)
{
    reader *r = data;
    (void)c;
    r->in_record = false;
    if (r->status != PL_OK || all_empty(r->cells, r->n)) {
        drop_record(r);
        return;
    }
    pl_csv_table *t = r->t;
    if (!r->have_header) {
        r->have_header = true;
        t->header_line = r->record_line;
        t->header = r->cells;
        t->n_cols = r->n;
        r->cells = NULL;
        r->n = r->cap = 0;
        return;
    }
    pl_csv_row *row;
    pl_status st = pli_csv_table_add_row(t, &row);
    if (st != PL_OK) {
        r->status = st;
        return;
    }
    for (size_t i = 0; i < row->n; i++)
        free(row->cells[i]);
    free(row->cells);
    for (size_t i = 0; i < r->n; i++) /* the export's ' before a formula */
        if (pli_csv_unguard(r->cells[i]) != r->cells[i])
            memmove(r->cells[i], r->cells[i] + 1, strlen(r->cells[i]));
    row->cells = r->cells;
    row->n = r->n;
    row->line = r->record_line;
    r->cells = NULL;
    r->n = r->cap = 0;
}

/* ';' when the first line has more semicolons than commas (outside quotes). */
static char detect_separator(const char *text, size_t length)
{
    size_t commas = 0, semicolons = 0;
    bool quoted = false;
    for (size_t i = 0; i < length; i++) {
        char ch = text[i];
        if (ch == '"')
            quoted = !quoted;
        else if (!quoted && (ch == '\n' || ch == '\r') && (commas || semicolons))
            break;
        else if (!quoted && ch == ',')
            commas++;
        else if (!quoted && ch == ';')
            semicolons++;
    }
    return semicolons > commas ? ';' : ',';
}

static pl_status parse_error(reader *r, int line, const char *message)
{
    if (pl_diags_add(r->diags, PL_SEV_ERROR, r->t->file, line, (int)r->n + 1,
                     NULL, "%s", message) != PL_OK)
        return PL_ERR_NOMEM;
    return PL_ERR_INVALID;
}

static pl_status parse_utf8(const char *text, size_t length, pl_csv_table *t,
                            pl_diags *diags)
{
    struct csv_parser p;
    reader r = {t, diags, NULL, 0, 0, 1, false, false, PL_OK};
    int line = 1;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
        return PL_ERR_NOMEM;
    t->separator = detect_separator(text, length);
    csv_set_delim(&p, (unsigned char)t->separator);
    for (size_t i = 0; i < length && r.status == PL_OK; i++) {
        char ch = text[i];
        if (!r.in_record && ch != ' ' && ch != '\t' && ch != '\r' && ch != '\n') {
            r.in_record = true;
            r.record_line = line;
        }
        if (csv_parse(&p, text + i, 1, on_field, on_record, &r) != 1) {
            r.status = csv_error(&p) == CSV_ENOMEM
                           ? PL_ERR_NOMEM
                           : parse_error(&r, line,
                                         "a quote in the middle of a cell: quote the "
                                         "whole cell and write a quote inside it as \"\"");
            break;
        }
        if (ch == '\n' || (ch == '\r' && (i + 1 == length || text[i + 1] != '\n')))
            line++;
    }
    if (r.status == PL_OK && csv_fini(&p, on_field, on_record, &r) != 0)
        r.status = csv_error(&p) == CSV_ENOMEM
                       ? PL_ERR_NOMEM
                       : parse_error(&r, r.record_line,
                                     "a quoted cell that is never closed (a missing \")");
    drop_record(&r);
    free(r.cells);
    csv_free(&p);
    if (r.status == PL_OK && !r.have_header) {
        if (pl_diags_add(diags, PL_SEV_ERROR, t->file, 0, 0, NULL,
                         "the file is empty: it needs at least a header line") != PL_OK)
            return PL_ERR_NOMEM;
        return PL_ERR_INVALID;
    }
    return r.status;
}

pl_status pli_csv_table_parse(const char *bytes, size_t length, const char *file,
                             pl_csv_table *t, pl_diags *diags)
{
    char *text = NULL;
    size_t n;
    bool converted;
    pl_status status = pli_csv_table_init(t, file);
    if (status == PL_OK)
        status = pli_csv_to_utf8(bytes, length, t->file, &text, &n, &converted, diags);
    if (status == PL_OK && converted &&
        pl_diags_add(diags, PL_SEV_NOTE, t->file, 0, 0, NULL,
                     "not UTF-8: read as Windows-1252 and converted") != PL_OK)
        status = PL_ERR_NOMEM;
    if (status == PL_OK)
        status = parse_utf8(text, n, t, diags);
    free(text);
    return status;
}

pl_status pli_csv_table_read(const char *path, const char *file, pl_csv_table *t,
                            pl_diags *diags)
{
    pl_status status = PL_OK;
    pl_read_words words;
    char *text = NULL;
    size_t length = 0;
    memset(t, 0, sizeof *t);
    pli_read_words_init(&words);
    words.cannot_open = "cannot read the file";
    words.cannot_read = "cannot read the file";
    PL_TRY(pli_read_file(path, &words, &text, &length, diags));
    status = pli_csv_table_parse(text, length, file, t, diags);
cleanup:
    free(text);
    return status;
}
