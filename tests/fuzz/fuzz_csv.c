/*
 * fuzz_csv.c — libFuzzer harness for the CSV reader of `placera import csv`
 * (pli_csv_table_parse: encodings, separator detection, libcsv, line
 * numbers).  Whatever it reads, the writer (pli_csv_table_write) must write
 * so that it reads back to the same cells: the property the spreadsheet
 * round trip rests on.  A failed read must say why.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/csv_table.h"
#include "placera.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void same_cells(const pl_csv_table *a, const pl_csv_table *b)
{
    if (a->n_cols != b->n_cols || a->n_rows != b->n_rows)
        abort();
    for (size_t c = 0; c < a->n_cols; c++)
        if (strcmp(a->header[c], b->header[c]))
            abort();
    for (size_t r = 0; r < a->n_rows; r++) {
        size_t n = a->rows[r].n > b->rows[r].n ? a->rows[r].n : b->rows[r].n;
        for (size_t c = 0; c < n; c++)
            if (strcmp(pli_csv_cell(&a->rows[r], c), pli_csv_cell(&b->rows[r], c)))
                abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    pl_diags diags;
    pl_csv_table first, second;
    char *text = NULL;
    size_t len = 0;
    pl_diags_init(&diags);
    pl_status st = pli_csv_table_parse((const char *)data, size, "fuzz.csv", &first, &diags);
    if (st != PL_OK && st != PL_ERR_NOMEM &&
        pl_diags_count_severity(&diags, PL_SEV_ERROR) == 0)
        abort();
    if (st == PL_OK) {
        FILE *out = open_memstream(&text, &len);
        if (!out)
            abort();
        if (pli_csv_table_write(&first, first.separator, size % 2 == 0, out) != PL_OK)
            abort();
        fclose(out);
        pl_diags_clear(&diags);
        if (pli_csv_table_parse(text, len, "again.csv", &second, &diags) != PL_OK) {
            pl_diags_print(&diags, stderr);
            abort(); /* the writer wrote what the reader refuses */
        }
        same_cells(&first, &second);
        pli_csv_table_free(&second);
        free(text);
    }
    pli_csv_table_free(&first);
    pl_diags_free(&diags);
    return 0;
}
