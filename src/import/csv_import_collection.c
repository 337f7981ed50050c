/*
 * csv_import_collection.c — the files whose rows are the named things of an
 * instance (rotations.csv, sites.csv, supervisors.csv, programs.csv,
 * trainees.csv): an id column, then one column per member.  Each row
 * becomes the object of its id, in the order of the rows.
 */
#include <stdlib.h>
#include <string.h>

#include "import/csv_import.h"
#include "util/strutil.h"

static const char *const coll_keys[] = {"rotations", "sites", "supervisors",
                                        "programs", "trainees"};

void pli_csv_import_collection(pl_csv_import *im, const pl_csv_table *t, int c,
                              const pl_csv_field *fields,
                              const char *const *prefixes,
                              pl_csv_row_extra extra)
{
    static const char *const keys[] = {"id", NULL};
    pl_csv_columns cols;
    char *base = pli_csv_pointer("", coll_keys[c]);
    if (!base) {
        pli_csv_ok(im, PL_ERR_NOMEM);
        return;
    }
    pli_csv_origin_at(im, t, NULL, -2, base);
    if (!pli_csv_bind(im, t, keys, 1, fields, prefixes, &cols)) {
        free(base);
        return;
    }
    for (size_t i = 0; i < t->n_rows && im->fatal == PL_OK; i++) {
        const pl_csv_row *row = &t->rows[i];
        const char *id = pli_csv_key(&cols, row, 0);
        if (!id[0]) {
            pli_csv_error(im, t, row, cols.key[0], "the id is empty");
            continue;
        }
        if (json_object_get(im->coll[c], id)) {
            pli_csv_error(im, t, row, cols.key[0], "id \"%s\" is used twice", id);
            continue;
        }
        json_t *obj = json_object();
        if (!obj || json_object_set_new(im->coll[c], id, obj) != 0) {
            pli_csv_ok(im, PL_ERR_NOMEM);
            break;
        }
        char *p = pli_csv_pointer(base, id);
        if (!p) {
            pli_csv_ok(im, PL_ERR_NOMEM);
            break;
        }
        pli_csv_origin_at(im, t, row, cols.key[0], p);
        pli_csv_fill(im, t, row, &cols, obj, p);
        if (extra)
            extra(im, t, row, &cols, obj, p);
        free(p);
    }
    free(base);
}
