/*
 * csv_write.c — pli_csv_table_write: one table as CSV text.  A cell is
 * quoted (by libcsv's csv_fwrite2) only when it must be: when it holds a
 * separator (',' or ';', whichever is in use, so that the reader's
 * detection sees only real ones), a quote, a line break, spaces at either
 * end, which a reader would otherwise trim, or a leading U+FEFF, which a
 * reader would take for a byte order mark.
 */
#include <csv.h>
#include <string.h>

#include "import/csv_table.h"

static bool needs_quotes(const char *s)
{
    size_t n = strlen(s);
    if (n && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t'))
        return true;
    if (!strncmp(s, "\xEF\xBB\xBF", 3))
        return true; /* U+FEFF first in a file would read as a byte order mark */
    for (const char *p = s; *p; p++)
        if (*p == ',' || *p == ';' || *p == '"' || *p == '\n' || *p == '\r')
            return true;
    return false;
}

static int put_cell(FILE *out, const char *s)
{
    if (needs_quotes(s))
        return csv_fwrite2(out, s, strlen(s), '"');
    size_t n = strlen(s);
    return fwrite(s, 1, n, out) == n ? 0 : -1;
}

/* At least `width` cells (the header's), more when the row has more. */
static int put_line(FILE *out, char **cells, size_t n, size_t width, char separator)
{
    for (size_t i = 0; i < width || i < n; i++) {
        if (i && fputc(separator, out) == EOF)
            return -1;
        if (put_cell(out, i < n ? cells[i] : "") != 0)
            return -1;
    }
    return fputs("\r\n", out) == EOF ? -1 : 0;
}

pl_status pli_csv_table_write(const pl_csv_table *t, char separator, bool bom,
                             FILE *out)
{
    if (bom && fputs("\xEF\xBB\xBF", out) == EOF)
        return PL_ERR_IO;
    if (put_line(out, t->header, t->n_cols, t->n_cols, separator) != 0)
        return PL_ERR_IO;
    for (size_t i = 0; i < t->n_rows; i++)
        if (put_line(out, t->rows[i].cells, t->rows[i].n, t->n_cols, separator) != 0)
            return PL_ERR_IO;
    return ferror(out) ? PL_ERR_IO : PL_OK;
}
