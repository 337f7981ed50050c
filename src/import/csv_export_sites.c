/*
 * csv_export_sites.c — capacity.csv (a max row and, for the object form, a
 * min row per site and rotation; one value in "all" or one per period
 * column) and posts.csv (posts and ranking per site and program).
 */
#include <stdlib.h>
#include <string.h>

#include "import/csv_export.h"
#include "instance/dates.h"
#include "util/strutil.h"

/* "2027-01" for monthly horizons, else the period's first day. */
static void period_label(const pl_horizon *h, int p, char buf[11])
{
    int y, m, d;
    pli_period_first_day(h, p, &y, &m, &d);
    pli_format_date(y, m, d, buf);
    if (h->unit == PL_UNIT_MONTH)
        buf[7] = '\0';
}

static void bound_row(pl_csv_export *ex, const char *site, const char *rot,
                      const char *bound, const json_t *v, const char *pointer)
{
    pl_csv_row *row = pli_csv_export_row(ex, PL_CSV_CAPACITY);
    pli_csv_put_text(ex, PL_CSV_CAPACITY, row, "site", site);
    pli_csv_put_text(ex, PL_CSV_CAPACITY, row, "rotation", rot);
    pli_csv_put_text(ex, PL_CSV_CAPACITY, row, "bound", bound);
    if (!v)
        return; /* an empty min row: the object form without a min */
    if (!json_is_array(v)) {
        pli_csv_put_json(ex, PL_CSV_CAPACITY, row, "all", v, PL_CSV_INT, 0, pointer);
        return;
    }
    if (json_array_size(v) != (size_t)ex->horizon->length) {
        pli_csv_cannot(ex, pointer, "not one value per period");
        return;
    }
    for (size_t p = 0; p < json_array_size(v); p++) {
        char *pp = pli_asprintf("%s/%zu", pointer, p);
        if (!pp) {
            pli_csv_eok(ex, PL_ERR_NOMEM);
            return;
        }
        /* period columns follow the first four: site, rotation, bound, all */
        pli_csv_put_at(ex, row, 4 + p, json_array_get(v, p), PL_CSV_INT, pp);
        free(pp);
    }
}

static void one_capacity(pl_csv_export *ex, const char *site, const char *rot,
                         const json_t *v, const char *pointer)
{
    if (!json_is_object(v)) {
        bound_row(ex, site, rot, "max", v, pointer);
        return;
    }
    const char *key;
    json_t *m;
    json_object_foreach((json_t *)v, key, m)
        if (strcmp(key, "max") && strcmp(key, "min"))
            pli_csv_cannot(ex, pointer, "capacity.csv has no column for \"%s\"", key);
    char *pmax = pli_asprintf("%s/max", pointer), *pmin = pli_asprintf("%s/min", pointer);
    if (pmax && pmin) {
        bound_row(ex, site, rot, "max", json_object_get(v, "max"), pmax);
        bound_row(ex, site, rot, "min", json_object_get(v, "min"), pmin);
    } else {
        pli_csv_eok(ex, PL_ERR_NOMEM);
    }
    free(pmax);
    free(pmin);
}

void pli_csv_export_capacity(pl_csv_export *ex, const json_t *root)
{
    static const char *const keys[] = {"site", "rotation", "bound", "all", NULL};
    const char *sid, *rot;
    json_t *site, *v;
    pli_csv_export_header(ex, PL_CSV_CAPACITY, keys, NULL);
    for (int p = 0; p < ex->horizon->length; p++) {
        char label[11];
        period_label(ex->horizon, p, label);
        pli_csv_eok(ex, pli_csv_table_add_column(&ex->tables[PL_CSV_CAPACITY], label, NULL));
    }
    json_object_foreach(json_object_get(root, "sites"), sid, site) {
        json_object_foreach(json_object_get(site, "capacity"), rot, v) {
            char *p = pli_asprintf("/sites/%s/capacity/%s", sid, rot);
            if (!p) {
                pli_csv_eok(ex, PL_ERR_NOMEM);
                return;
            }
            one_capacity(ex, sid, rot, v, p);
            free(p);
        }
    }
}

/* One row per (site, program) that has posts or a ranking. */
void pli_csv_export_posts(pl_csv_export *ex, const json_t *root)
{
    static const char *const keys[] = {"site", "program", "posts", "ranking", NULL};
    const char *sid, *prog;
    json_t *site, *v;
    pli_csv_export_header(ex, PL_CSV_POSTS, keys, NULL);
    json_object_foreach(json_object_get(root, "sites"), sid, site) {
        json_t *posts = json_object_get(site, "posts");
        json_t *ranking = json_object_get(site, "ranking");
        for (int pass = 0; pass < 2; pass++) {
            json_object_foreach(pass ? ranking : posts, prog, v) {
                if (pass && json_object_get(posts, prog))
                    continue; /* written with its posts */
                pl_csv_row *row = pli_csv_export_row(ex, PL_CSV_POSTS);
                char *pp = pli_asprintf("/sites/%s/posts/%s", sid, prog);
                char *pr = pli_asprintf("/sites/%s/ranking/%s", sid, prog);
                json_t *n = json_object_get(posts, prog), *r = json_object_get(ranking, prog);
                if (!row || !pp || !pr) {
                    pli_csv_eok(ex, PL_ERR_NOMEM);
                } else {
                    pli_csv_put_text(ex, PL_CSV_POSTS, row, "site", sid);
                    pli_csv_put_text(ex, PL_CSV_POSTS, row, "program", prog);
                    if (n)
                        pli_csv_put_json(ex, PL_CSV_POSTS, row, "posts", n, PL_CSV_INT, 0, pp);
                    if (r)
                        pli_csv_put_json(ex, PL_CSV_POSTS, row, "ranking", r, PL_CSV_IDS, 0, pr);
                }
                free(pp);
                free(pr);
            }
        }
    }
}
