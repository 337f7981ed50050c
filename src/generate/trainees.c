/*
 * trainees.c — the generator's trainees: programme, home, the month-by-month
 * plan of the whole programme (docs/programs.md), how far into it they are
 * when the horizon starts, and the demand their plans put on each site.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "generate/gen.h"

typedef struct block {
    int rotation, months;
} block;

static void shuffle(pl_rng *rng, block *b, int n)
{
    for (int i = n - 1; i > 0; i--) {
        int j = pli_rng_int(rng, 0, i);
        block t = b[i];
        b[i] = b[j];
        b[j] = t;
    }
}

static int put(gen_trainee *t, int at, int rotation, int months)
{
    for (int i = 0; i < months && at < G_MAX_PLAN; i++)
        t->plan[at++] = (signed char)rotation;
    return at;
}

/* The whole programme, month by month. */
static void make_plan(pl_rng *rng, gen_trainee *t)
{
    int at = 0;
    switch (t->program) {
    case P_AT: {
        block b[3] = {{G_IM, 5}, {G_SU, 4}, {G_PSY, 3}};
        int extra;
        t->length = pli_rng_int(rng, 18, 21);
        extra = t->length - 18;
        shuffle(rng, b, 3);
        for (int i = 0; i < 3; i++) {
            at = put(t, at, b[i].rotation, b[i].months);
            if (b[i].rotation == G_IM)
                at = put(t, at, G_EM, extra);
        }
        put(t, at, G_PC, 6);
        break;
    }
    case P_BT: {
        block b[4] = {{G_IM, 3}, {G_PC, 3}, {G_PSY, 3}, {G_SU, 3}};
        t->length = 12;
        shuffle(rng, b, 4);
        for (int i = 0; i < 4; i++)
            at = put(t, at, b[i].rotation, b[i].months);
        break;
    }
    case P_STPSY:
    case P_STORT: {
        int main_rot = t->program == P_STPSY ? G_PSY : G_OR;
        int side = pli_rng_int(rng, 6, 50);
        t->length = 60;
        at = put(t, 0, main_rot, side);
        at = put(t, at, G_PC, 2);
        put(t, at, main_rot, 60 - side - 2);
        break;
    }
    default: /* introduction post */
        t->length = pli_rng_int(rng, 3, 6);
        put(t, 0, pli_rng_chance(rng, 0.6) ? G_IM : G_PC, t->length);
        break;
    }
}

static int pick_program(pl_rng *rng)
{
    int x = pli_rng_int(rng, 0, 99);
    if (x < 35)
        return P_AT;
    if (x < 65)
        return P_BT;
    if (x < 77)
        return P_STPSY;
    if (x < 87)
        return P_STORT;
    return P_INTRO;
}

/* An area, weighted by how many sites it has. */
static int pick_area(gen_world *w)
{
    int x = pli_rng_int(&w->rng, 0, w->n_sites - 1);
    for (int a = 0; a < w->n_areas; a++) {
        x -= 1 + w->areas[a].n_vc;
        if (x < 0)
            return a;
    }
    return w->n_areas - 1;
}

pl_status pli_gen_trainees(gen_world *w, int n)
{
    static const char *const prefix[P_NPROG] = {"at", "bt", "stpsy", "stort", "intro"};
    int count[P_NPROG] = {0};
    int *vc_turn = calloc((size_t)w->n_areas, sizeof *vc_turn);

    w->trainees = calloc((size_t)(n > 0 ? n : 1), sizeof *w->trainees);
    if (!w->trainees || !vc_turn) {
        free(vc_turn);
        return PL_ERR_NOMEM;
    }
    w->n_trainees = n;
    for (int i = 0; i < n; i++) {
        gen_trainee *t = &w->trainees[i];
        t->program = pick_program(&w->rng);
        t->area = pick_area(w);
        const gen_area *area = &w->areas[t->area];
        snprintf(t->id, sizeof t->id, "%s-%04d", prefix[t->program], ++count[t->program]);
        make_plan(&w->rng, t);
        /* Home: the area's hospital; ST orthopaedics needs one with orthopaedics. */
        t->home = area->hospital;
        if (t->program == P_STORT && !w->sites[t->home].offers[G_OR])
            t->home = area->county;
        else if ((t->program == P_AT || t->program == P_BT) && pli_rng_chance(&w->rng, 0.25))
            t->home = area->county;
        /* Mid-programme or starting during the horizon. */
        double mid = t->program == P_STPSY || t->program == P_STORT ? 0.9
                     : t->program == P_INTRO                        ? 0.2
                                                                    : 0.6;
        if (pli_rng_chance(&w->rng, mid)) {
            t->done = pli_rng_int(&w->rng, 1, t->length - 1);
            t->start = 0;
        } else {
            t->done = 0;
            t->start = pli_rng_int(&w->rng, 0, w->length > 3 ? w->length - 3 : 0);
        }
        t->months = t->length - t->done;
        if (t->months > w->length - t->start)
            t->months = w->length - t->start;
        /* Where the plan would put it, for the capacity (hospital rotations at
         * home or at the county hospital, primary care at the area's
         * vårdcentraler in turn). */
        int vc = area->n_vc > 0 ? area->first_vc + vc_turn[t->area]++ % area->n_vc : -1;
        for (int m = 0; m < t->length && m < G_MAX_PLAN; m++) {
            int r = t->plan[m];
            if (r == G_PC)
                t->plan_site[m] = vc >= 0 ? vc : -1;
            else
                t->plan_site[m] = w->sites[t->home].offers[r] ? t->home : area->county;
        }
        for (int k = 0; k < t->months; k++) {
            int m = t->done + k, s = t->plan_site[m];
            if (s >= 0)
                w->sites[s].demand[t->plan[m] * w->length + t->start + k]++;
        }
    }
    free(vc_turn);
    return PL_OK;
}
