/*
 * grid.c — the schedule's rows as a dense grid, one cell per trainee and
 * period (site, rotation, named supervisor), with each trainee's effective
 * home and main supervisor.
 *
 * Checks made on the way: every id in a row is known, from <= to inside the
 * horizon, rows of one trainee never overlap; homes entries name a known
 * trainee and site, agree with a fixed home and lie in home_choices;
 * unallocated trainees have no placements (format.md 3.9.19, 3.9.23).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/check_internal.h"
#include "util/strutil.h"

void pli_check_grid_free(pl_check_grid *g)
{
    free(g->site);
    free(g->rotation);
    free(g->supervisor);
    free(g->row);
    memset(g, 0, sizeof *g);
}

static pl_status grid_alloc(pl_check_grid *g, int n_trainees, int length)
{
    size_t n = (size_t)n_trainees * (size_t)length;
    size_t alloc = n ? n : 1;
    g->n_trainees = n_trainees;
    g->length = length;
    g->site = malloc(alloc * sizeof *g->site);
    g->rotation = malloc(alloc * sizeof *g->rotation);
    g->supervisor = malloc(alloc * sizeof *g->supervisor);
    g->row = malloc(alloc * sizeof *g->row);
    if (!g->site || !g->rotation || !g->supervisor || !g->row) {
        pli_check_grid_free(g);
        return PL_ERR_NOMEM;
    }
    for (size_t i = 0; i < n; i++)
        g->site[i] = g->rotation[i] = g->supervisor[i] = g->row[i] = -1;
    return PL_OK;
}

pl_status pli_check_grid_reference(const pl_instance *inst,
                                  const pl_schedule *ref, pl_check_grid *out)
{
    int L = inst->horizon.length;
    pl_status status = grid_alloc(out, inst->n_trainees, L);
    if (status != PL_OK)
        return status;
    for (size_t i = 0; i < ref->n_rows; i++) {
        const pl_row *row = &ref->rows[i];
        if (row->t < 0 || row->s < 0 || row->r < 0 || row->t >= inst->n_trainees ||
            row->s >= inst->n_sites || row->r >= inst->n_rotations)
            continue;
        for (int p = row->from < 0 ? 0 : row->from; p <= row->to && p < L; p++) {
            size_t k = (size_t)row->t * (size_t)L + (size_t)p;
            if (out->site[k] >= 0)
                continue;
            out->site[k] = row->s;
            out->rotation[k] = row->r;
            out->row[k] = (int)i;
        }
    }
    return PL_OK;
}

static char *pointer(const char *collection, const char *key)
{
    pl_buf b = {0};
    pli_buf_puts(&b, "/");
    pli_buf_puts(&b, collection);
    pli_buf_pointer(&b, key ? key : "");
    if (b.failed) {
        pli_buf_free(&b);
        return NULL;
    }
    return b.data;
}

/* Unknown ids and bad ranges of one row; returns whether it can be placed. */
static pl_status row_ids(pl_check_ctx *c, size_t i, const char *path, bool *ok)
{
    pl_status status = PL_OK;
    const pl_row *row = &c->sched->rows[i];
    const pl_instance *inst = c->inst;
    const char *who = row->trainee ? row->trainee : "(none)";
    char span[96];

    *ok = true;
    if (row->t < 0 || row->t >= inst->n_trainees) {
        PL_TRY(pli_check_violation(c, path, "placement names trainee \"%s\", which the instance does not have",
                                  who));
        *ok = false;
    }
    if (row->s < 0 || row->s >= inst->n_sites) {
        if (row->site)
            PL_TRY(pli_check_violation(c, path, "%s is placed at site \"%s\", which the instance does not have",
                                      who, row->site));
        else
            PL_TRY(pli_check_violation(c, path, "a placement of %s names no site", who));
        *ok = false;
    }
    if (row->r < 0 || row->r >= inst->n_rotations) {
        if (row->rotation)
            PL_TRY(pli_check_violation(c, path, "%s is placed in rotation \"%s\", which the instance does not have",
                                      who, row->rotation));
        else
            PL_TRY(pli_check_violation(c, path, "a placement of %s names no rotation", who));
        *ok = false;
    }
    if (row->supervisor && (row->sup < 0 || row->sup >= inst->n_supervisors))
        PL_TRY(pli_check_violation(c, path, "%s is supervised by \"%s\", who is not a supervisor of the instance",
                                  who, row->supervisor));
    if (row->from > row->to) {
        PL_TRY(pli_check_violation(c, path, "a placement of %s runs from period %d to period %d, which is backwards",
                                  who, row->from, row->to));
        *ok = false;
    } else if (row->from < 0 || row->to >= inst->horizon.length) {
        int a = row->from < 0 ? 0 : row->from;
        int b = row->to >= inst->horizon.length ? inst->horizon.length - 1 : row->to;
        span[0] = '\0';
        if (a <= b)
            pli_check_span(c, a, b, span, sizeof span);
        PL_TRY(pli_check_violation(c, path,
                                  "a placement of %s runs from period %d to period %d, outside the horizon of periods 0 to %d%s%s",
                                  who, row->from, row->to, inst->horizon.length - 1,
                                  a <= b ? "; only " : "", span));
    }
cleanup:
    return status;
}

static pl_status place_rows(pl_check_ctx *c)
{
    pl_status status = PL_OK;
    const pl_instance *inst = c->inst;
    int L = inst->horizon.length;
    char path[64], span[96];

    for (size_t i = 0; i < c->sched->n_rows; i++) {
        const pl_row *row = &c->sched->rows[i];
        bool ok;
        snprintf(path, sizeof path, "/placements/%zu", i);
        PL_TRY(row_ids(c, i, path, &ok));
        if (!ok)
            continue;
        int sup = (row->sup >= 0 && row->sup < inst->n_supervisors) ? row->sup : -1;
        int first_clash = -1, last_clash = -1, other = -1;
        for (int p = row->from < 0 ? 0 : row->from; p <= row->to && p < L; p++) {
            int k = pl_cell(c, row->t, p);
            if (c->grid.site[k] >= 0) {
                if (first_clash < 0) {
                    first_clash = p;
                    other = c->grid.row[k];
                }
                last_clash = p;
                continue;
            }
            c->grid.site[k] = row->s;
            c->grid.rotation[k] = row->r;
            c->grid.supervisor[k] = sup;
            c->grid.row[k] = (int)i;
        }
        if (first_clash >= 0) {
            pli_check_span(c, first_clash, last_clash, span, sizeof span);
            PL_TRY(pli_check_violation(c, path,
                                      "%s has two placements at once in %s: this one overlaps /placements/%d",
                                      inst->trainees[row->t].id, span, other));
        }
    }
cleanup:
    return status;
}

static pl_status resolve_homes(pl_check_ctx *c)
{
    pl_status status = PL_OK;
    const pl_instance *inst = c->inst;
    char *path = NULL;

    for (int t = 0; t < inst->n_trainees; t++) {
        c->home[t] = inst->trainees[t].has_home_choices ? -1 : inst->trainees[t].home;
        c->home_row[t] = -1;
        c->mentor[t] = -1;
        c->mentor_row[t] = -1;
    }
    for (size_t i = 0; i < c->sched->n_homes; i++) {
        const pl_pair *h = &c->sched->homes[i];
        int t = h->key_index, s = h->value_index;
        free(path);
        path = pointer("homes", h->key);
        if (!path) {
            status = PL_ERR_NOMEM;
            goto cleanup;
        }
        if (t < 0 || t >= inst->n_trainees) {
            PL_TRY(pli_check_violation(c, path, "homes names trainee \"%s\", which the instance does not have",
                                      h->key ? h->key : ""));
            continue;
        }
        const pl_trainee *tr = &inst->trainees[t];
        if (c->home_row[t] >= 0) {
            PL_TRY(pli_check_violation(c, path, "%s is given a home twice", tr->id));
            continue;
        }
        c->home_row[t] = (int)i;
        if (s < 0 || s >= inst->n_sites) {
            PL_TRY(pli_check_violation(c, path, "%s is given home \"%s\", which is not a site of the instance",
                                      tr->id, h->value ? h->value : ""));
            continue;
        }
        if (tr->has_home_choices) {
            bool listed = false;
            for (int k = 0; k < tr->n_home_choices; k++)
                listed |= tr->home_choices[k] == s;
            if (!listed)
                PL_TRY(pli_check_violation(c, path, "%s is allocated home %s, which is not among its home_choices",
                                          tr->id, inst->sites[s].id));
            else
                c->home[t] = s;
        } else if (tr->home < 0) {
            PL_TRY(pli_check_violation(c, path, "%s is given home %s but has neither home nor home_choices",
                                      tr->id, inst->sites[s].id));
        } else if (tr->home != s) {
            PL_TRY(pli_check_violation(c, path, "%s is given home %s but its fixed home is %s",
                                      tr->id, inst->sites[s].id, inst->sites[tr->home].id));
        }
    }
    for (int t = 0; t < inst->n_trainees; t++)
        c->unallocated[t] = inst->trainees[t].has_home_choices && c->home[t] < 0;
cleanup:
    free(path);
    return status;
}

static pl_status resolve_mentors(pl_check_ctx *c)
{
    pl_status status = PL_OK;
    const pl_instance *inst = c->inst;
    char *path = NULL;

    for (size_t i = 0; i < c->sched->n_mentors; i++) {
        const pl_pair *m = &c->sched->mentors[i];
        int t = m->key_index, s = m->value_index;
        free(path);
        path = pointer("mentors", m->key);
        if (!path) {
            status = PL_ERR_NOMEM;
            goto cleanup;
        }
        if (t < 0 || t >= inst->n_trainees) {
            PL_TRY(pli_check_violation(c, path, "mentors names trainee \"%s\", which the instance does not have",
                                      m->key ? m->key : ""));
            continue;
        }
        if (c->mentor_row[t] >= 0) {
            PL_TRY(pli_check_violation(c, path, "%s is given a main supervisor twice",
                                      inst->trainees[t].id));
            continue;
        }
        c->mentor_row[t] = (int)i;
        if (s < 0 || s >= inst->n_supervisors) {
            PL_TRY(pli_check_violation(c, path, "%s is given main supervisor \"%s\", who is not a supervisor of the instance",
                                      inst->trainees[t].id, m->value ? m->value : ""));
            continue;
        }
        c->mentor[t] = s;
    }
cleanup:
    free(path);
    return status;
}

/* An unallocated trainee has no schedule: report its rows, then clear them so
 * that no other rule (or cost) looks at them. */
static pl_status unallocated_rows(pl_check_ctx *c)
{
    pl_status status = PL_OK;
    int L = c->inst->horizon.length;
    char path[64];

    for (int t = 0; t < c->inst->n_trainees; t++) {
        if (!c->unallocated[t])
            continue;
        int last_row = -1;
        for (int p = 0; p < L; p++) {
            int k = pl_cell(c, t, p);
            if (c->grid.site[k] < 0)
                continue;
            if (c->grid.row[k] != last_row) {
                last_row = c->grid.row[k];
                snprintf(path, sizeof path, "/placements/%d", last_row);
                PL_TRY(pli_check_violation(c, path,
                                          "%s has no home allocated (none in homes), so it must have no placements",
                                          c->inst->trainees[t].id));
            }
            c->grid.site[k] = c->grid.rotation[k] = c->grid.supervisor[k] = -1;
            c->grid.row[k] = -1;
        }
    }
cleanup:
    return status;
}

pl_status pli_check_grid_build(const pl_instance *inst, const pl_schedule *sched,
                              pl_check_ctx *c)
{
    pl_status status = PL_OK;
    size_t n = inst->n_trainees > 0 ? (size_t)inst->n_trainees : 1;

    c->inst = inst;
    c->sched = sched;
    PL_TRY(grid_alloc(&c->grid, inst->n_trainees, inst->horizon.length));
    c->home = malloc(n * sizeof *c->home);
    c->unallocated = calloc(n, sizeof *c->unallocated);
    c->mentor = malloc(n * sizeof *c->mentor);
    c->home_row = malloc(n * sizeof *c->home_row);
    c->mentor_row = malloc(n * sizeof *c->mentor_row);
    if (!c->home || !c->unallocated || !c->mentor || !c->home_row || !c->mentor_row) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    PL_TRY(place_rows(c));
    PL_TRY(resolve_homes(c));
    PL_TRY(resolve_mentors(c));
    PL_TRY(unallocated_rows(c));
cleanup:
    return status;
}
