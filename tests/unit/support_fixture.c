/*
 * support_fixture.c — hand-built instances and assignments for the schedule
 * tests (test_schedule_io, test_supervisors): no loader needed.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support_fixture.h"
#include "util/strutil.h"

/* A small instance built by hand (no loader needed): month periods from
 * 2027-01, rotations r0.., sites s0.. offering every rotation with capacity
 * 2, supervisors v0.. at s0 covering everything (max 1, always available),
 * one program P requiring every rotation, trainees t0.. active throughout.
 * Released with pl_instance_free. */
char *fx_id(const char *prefix, int i)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%s%d", prefix, i);
    return pli_strdup(buf);
}

bool *fx_bools(int n, bool v)
{
    bool *b = calloc((size_t)(n > 0 ? n : 1), sizeof *b);
    for (int i = 0; b && i < n; i++)
        b[i] = v;
    return b;
}

pl_rule *fx_rules(int nr)
{
    pl_rule *r = calloc((size_t)nr, sizeof *r);
    for (int i = 0; i < nr; i++) {
        r[i].present = true;
        r[i].max = PL_UNLIMITED;
        r[i].block_min = 1;
        r[i].block_max = PL_UNLIMITED;
    }
    return r;
}

pl_instance *fx_make(int length, int nr, int ns, int nv, int nt)
{
    pl_instance *in = calloc(1, sizeof *in);
    in->source = pli_strdup("fixture");
    in->name = pli_strdup("Fixture");
    in->horizon.year = 2027;
    in->horizon.month = 1;
    in->horizon.day = 1;
    in->horizon.unit = PL_UNIT_MONTH;
    in->horizon.step = 1;
    in->horizon.length = length;
    in->n_rotations = nr;
    in->rotations = calloc((size_t)nr, sizeof *in->rotations);
    for (int r = 0; r < nr; r++)
        in->rotations[r].id = fx_id("r", r);
    in->n_programs = 1;
    in->programs = calloc(1, sizeof *in->programs);
    in->programs[0].id = pli_strdup("P");
    in->programs[0].rules = fx_rules(nr);
    in->programs[0].max_per_site = PL_UNLIMITED;
    in->n_sites = ns;
    in->sites = calloc((size_t)ns, sizeof *in->sites);
    for (int s = 0; s < ns; s++) {
        pl_site *st = &in->sites[s];
        st->id = fx_id("s", s);
        st->area = -1;
        st->offers = fx_bools(nr, true);
        st->cap_max = calloc((size_t)(nr * length), sizeof(int));
        st->cap_min = calloc((size_t)(nr * length), sizeof(int));
        for (int i = 0; i < nr * length; i++)
            st->cap_max[i] = 2;
        st->posts = calloc(1, sizeof(int));
        st->posts[0] = -1;
        st->ranking = calloc(1, sizeof(int *));
        st->n_ranking = calloc(1, sizeof(int));
    }
    in->n_supervisors = nv;
    in->supervisors = calloc((size_t)(nv > 0 ? nv : 1), sizeof *in->supervisors);
    for (int v = 0; v < nv; v++) {
        pl_supervisor *u = &in->supervisors[v];
        u->id = fx_id("v", v);
        u->site = 0;
        u->rotations = fx_bools(nr, true);
        u->programs = fx_bools(1, true);
        u->max_trainees = 1;
        u->available = fx_bools(length, true);
    }
    in->n_trainees = nt;
    in->trainees = calloc((size_t)(nt > 0 ? nt : 1), sizeof *in->trainees);
    for (int t = 0; t < nt; t++) {
        pl_trainee *tr = &in->trainees[t];
        tr->id = fx_id("t", t);
        tr->program = 0;
        tr->start = 0;
        tr->end = length - 1;
        tr->active = fx_bools(length, true);
        tr->home = -1;
        tr->rules = fx_rules(nr);
        tr->max_per_site = PL_UNLIMITED;
        tr->completed = calloc((size_t)nr, sizeof(int));
        tr->previous.site = tr->previous.rotation = -1;
        tr->pref_site = calloc((size_t)ns, sizeof(double));
        tr->pref_rotation = calloc((size_t)nr, sizeof(double));
        tr->mentor_id = -1;
    }
    return in;
}

/* Put trainee t at (s, r) with supervisor v (or -1) in periods from..to. */
void fx_place(pl_assignment *a, int t, int s, int r, int v, int from,
                     int to)
{
    for (int p = from; p <= to; p++) {
        a->site[t * a->length + p] = s;
        a->rotation[t * a->length + p] = r;
        a->supervisor[t * a->length + p] = v;
    }
}
