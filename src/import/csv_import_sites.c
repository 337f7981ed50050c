/*
 * csv_import_sites.c — rotations.csv, sites.csv and posts.csv: the
 * rotations, the sites, and each site's posts and ranking per program.
 * (capacity.csv, the sites' capacities per period, is csv_import_capacity.c.)
 */
#include <stdlib.h>
#include <string.h>

#include "import/csv_import.h"
#include "util/strutil.h"

static const char *const user_prefixes[] = {"x-", NULL};

void pli_csv_import_rotations(pl_csv_import *im, const pl_csv_table *t)
{
    pli_csv_import_collection(im, t, PL_CSV_ROT, pli_csv_rotation_fields,
                             user_prefixes, NULL);
}

void pli_csv_import_sites(pl_csv_import *im, const pl_csv_table *t)
{
    pli_csv_import_collection(im, t, PL_CSV_SITE, pli_csv_site_fields,
                             user_prefixes, NULL);
}

/* site[member][program] = value, recording where it came from. */
static void set_per_program(pl_csv_import *im, const pl_csv_table *t,
                            const pl_csv_row *row, long col, const char *site_id,
                            json_t *site, const char *member, const char *program,
                            json_t *value)
{
    json_t *obj = json_object_get(site, member);
    if (!value)
        return;
    if (!obj) {
        obj = json_object();
        if (!obj || json_object_set_new(site, member, obj) != 0) {
            json_decref(value);
            pli_csv_ok(im, PL_ERR_NOMEM);
            return;
        }
    }
    if (json_object_get(obj, program)) {
        pli_csv_error(im, t, row, col, "%s of site \"%s\" for program \"%s\" given twice",
                     member, site_id, program);
        json_decref(value);
        return;
    }
    if (!pli_csv_ok(im, json_object_set_new(obj, program, value) ? PL_ERR_NOMEM : PL_OK))
        return;
    char *p = pli_asprintf("/sites/%s/%s/%s", site_id, member, program);
    if (!p)
        pli_csv_ok(im, PL_ERR_NOMEM);
    pli_csv_origin_at(im, t, row, col, p);
    free(p);
}

void pli_csv_import_posts(pl_csv_import *im, const pl_csv_table *t)
{
    static const char *const keys[] = {"site", "program", "posts", "ranking", NULL};
    static const char *const notes[] = {PL_CSV_NOTES, NULL};
    pl_csv_columns cols;
    if (!t || !pli_csv_bind(im, t, keys, 2, NULL, notes, &cols))
        return;
    for (size_t i = 0; i < t->n_rows && im->fatal == PL_OK; i++) {
        const pl_csv_row *row = &t->rows[i];
        json_t *site = pli_csv_owner(im, t, row, cols.key[0], PL_CSV_SITE);
        const char *program = pli_csv_key(&cols, row, 1);
        if (!program[0]) {
            pli_csv_error(im, t, row, cols.key[1], "which program? the cell is empty");
            continue;
        }
        if (!site)
            continue;
        const char *site_id = pli_csv_key(&cols, row, 0);
        if (pli_csv_key(&cols, row, 2)[0])
            set_per_program(im, t, row, cols.key[2], site_id, site, "posts", program,
                            pli_csv_value(im, t, row, cols.key[2], PL_CSV_INT, 0));
        if (pli_csv_key(&cols, row, 3)[0])
            set_per_program(im, t, row, cols.key[3], site_id, site, "ranking", program,
                            pli_csv_value(im, t, row, cols.key[3], PL_CSV_IDS, 0));
    }
}
