/*
 * test_allocation.c — the annual allocation (format.md 2.7, 2.8, 3.9.6,
 * 3.9.12, 3.9.13, 3.9.21) against enumeration, and the allocation summary.
 *
 * Random tiny instances (fixed seed list; ≤ 5 trainees, ≤ 3 sites, one or
 * two programs, posts 0–2 or none, rankings on both sides, some sites
 * without a ranking, fixed homes that use posts, main supervisors with
 * mentees and mentor_id) are built here as JSON.  The test enumerates every
 * allocation itself (each trainee with home_choices: each acceptable choice
 * or unallocated; posts respected), keeps the stable ones by its own
 * stability test written from the format (not the checker's), and prices
 * each allocation:
 *   - allocation-only instances: rank, unallocated, and the least no_mentor
 *     over every assignment of main supervisors (enumerated here);
 *   - instances with a 2–3 period schedule: rank and unallocated plus the
 *     brute-force optimum (support_enum) of the instance in which the
 *     allocated trainees have that home fixed and the unallocated are gone
 *     (an unallocated trainee costs `unallocated` alone and has no schedule,
 *     3.8, 3.9.19; fixed homes use the same posts, areas, at_home and
 *     mentors as allocated ones).
 * Then: the stable mode's schedule passes pl_check, its homes are stable,
 * and its recomputed cost is the least over stable allocations; the free
 * mode's cost is never above the stable mode's (and, allocation-only, is the
 * least over all allocations).
 *
 * A textbook hospitals/residents instance checks that the stable
 * allocation-only solve returns the resident-optimal stable matching, which
 * the test computes by resident-proposing deferred acceptance.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "support_rng.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "instance/instance.h"
#include "placera.h"
#include "schedule/schedule.h"
#include "support_enum.h"

#define N_SEEDS 150    /* every third seed has a schedule, the rest are allocation-only */
#define TOL 1e-6
#define MAXT 5
#define MAXS 3
#define MAXG 2
#define MAXV 6         /* supervisors */

/* ------------------------------------------------------------------ */
/* A tiny random instance, kept as data so that the test knows it.      */
/* ------------------------------------------------------------------ */

typedef struct tiny {
    int T, S, G, L, R;       /* L periods; R rotations (1 or 2) */
    bool schedule;           /* false: allocation-only (solved with allocation_only) */
    int program[MAXT];
    int home[MAXT];          /* fixed home or -1 */
    int n_choices[MAXT], choice[MAXT][MAXS]; /* home_choices when home < 0 */
    int posts[MAXS][MAXG];   /* -1: no posts entry */
    bool ranked[MAXS][MAXG];
    int n_rank[MAXS][MAXG], rank[MAXS][MAXG][MAXT];
    int V, sup_site[MAXV], sup_mentees[MAXV], sup_prog[MAXV], sup_max[MAXV];
    bool mentor[MAXG];
    int mentor_id[MAXT];     /* -1 or a supervisor */
    double w_rank, w_unalloc, w_no_mentor;
    double t_rank[MAXT], t_unalloc[MAXT], t_no_mentor[MAXT]; /* this trainee's */
    bool t_weights[MAXT];    /* write the trainee's own weights */
    /* schedule only */
    int cap[MAXS][2];        /* 0 = rotation not offered */
    bool at_home[MAXG];
    int min_a[MAXG];
    int area[MAXS];          /* 0 = "N", 1 = "S" */
    int t_area[MAXT];        /* -1 = anywhere */
    int pref[MAXT][MAXS];
} tiny;


static void shuffle(rng *g, int *a, int n)
{
    for (int i = n - 1; i > 0; i--) {
        int j = rnd(g, 0, i), x = a[i];
        a[i] = a[j];
        a[j] = x;
    }
}

static void random_tiny(uint64_t seed, tiny *x)
{
    rng g = {seed * 0x9E3779B97F4A7C15ULL + 0x1234567ULL};
    for (int i = 0; i < 4; i++)
        rng_next(&g);
    memset(x, 0, sizeof *x);
    x->schedule = seed % 3 == 0;
    x->S = rnd(&g, 1, MAXS);
    x->G = chance(&g, 30) ? 2 : 1;
    if (x->schedule) {
        x->L = rnd(&g, 2, 3);
        x->R = chance(&g, 40) ? 2 : 1;
        while (x->L == 3 && x->S * x->R > 4)
            x->R > 1 ? x->R-- : x->S--;
        x->T = rnd(&g, 2, x->L == 3 ? 3 : 4);
    } else {
        x->L = 1;
        x->R = 1;
        x->T = rnd(&g, 2, MAXT);
    }
    for (int s = 0; s < x->S; s++)
        for (int p = 0; p < x->G; p++)
            x->posts[s][p] = chance(&g, 25) ? -1 : rnd(&g, 0, 2);
    static const double RANKW[] = {1, 5, 10, 20};
    static const double UNALLOC[] = {3, 15, 50, 1000, -5};
    static const double NOMENT[] = {0, 7, 40, 1000};
    x->w_rank = RANKW[rnd(&g, 0, 3)];
    x->w_unalloc = UNALLOC[chance(&g, 8) ? 4 : rnd(&g, 0, 3)];
    x->w_no_mentor = NOMENT[rnd(&g, 0, 3)];
    for (int p = 0; p < x->G; p++) {
        x->mentor[p] = chance(&g, 40);
        x->at_home[p] = chance(&g, 40);
        x->min_a[p] = rnd(&g, 0, x->L - 1);
    }
    int held[MAXS][MAXG] = {{0}};
    for (int t = 0; t < x->T; t++) {
        int p = x->program[t] = rnd(&g, 0, x->G - 1);
        x->home[t] = -1;
        x->mentor_id[t] = -1;
        x->t_area[t] = -1;
        if (chance(&g, 20)) {
            int s = rnd(&g, 0, x->S - 1);
            if (x->posts[s][p] < 0 || held[s][p] < x->posts[s][p]) {
                x->home[t] = s;
                held[s][p]++;
            }
        }
        if (x->home[t] < 0) {
            int order[MAXS];
            for (int s = 0; s < x->S; s++)
                order[s] = s;
            shuffle(&g, order, x->S);
            x->n_choices[t] = rnd(&g, 1, x->S);
            memcpy(x->choice[t], order, sizeof order);
        }
        x->t_rank[t] = x->w_rank;
        x->t_unalloc[t] = x->w_unalloc;
        x->t_no_mentor[t] = x->w_no_mentor;
        if (chance(&g, 20)) {
            x->t_weights[t] = true;
            x->t_rank[t] = RANKW[rnd(&g, 0, 3)];
            x->t_unalloc[t] = UNALLOC[rnd(&g, 0, 3)];
            x->t_no_mentor[t] = NOMENT[rnd(&g, 0, 3)];
        }
        if (x->schedule && chance(&g, 20))
            x->t_area[t] = rnd(&g, 0, 1);
        for (int s = 0; s < x->S; s++)
            x->pref[t][s] = x->schedule && chance(&g, 25) ? rnd(&g, -20, 40) : 0;
    }
    for (int s = 0; s < x->S; s++)
        for (int p = 0; p < x->G; p++) {
            if (!chance(&g, 55))
                continue;
            x->ranked[s][p] = true;
            int list[MAXT], n = 0;
            for (int t = 0; t < x->T; t++)
                if (x->program[t] == p && chance(&g, 80))
                    list[n++] = t;
            shuffle(&g, list, n);
            x->n_rank[s][p] = n;
            memcpy(x->rank[s][p], list, sizeof list);
        }
    for (int s = 0; s < x->S; s++) {
        int k = rnd(&g, 1, 2);
        for (int i = 0; i < k && x->V < MAXV; i++) {
            int v = x->V++;
            x->sup_site[v] = s;
            x->sup_mentees[v] = rnd(&g, 0, 2);
            x->sup_prog[v] = x->G > 1 && chance(&g, 30) ? rnd(&g, 0, x->G - 1) : -1;
            x->sup_max[v] = rnd(&g, 1, 2);
        }
        x->area[s] = rnd(&g, 0, 1);
        x->cap[s][0] = rnd(&g, 1, 2);
        x->cap[s][1] = x->R > 1 && chance(&g, 60) ? 1 : 0;
    }
    for (int t = 0; t < x->T; t++)
        if (x->mentor[x->program[t]] && chance(&g, 25))
            x->mentor_id[t] = rnd(&g, 0, x->V - 1);
}

static bool accepts(const tiny *x, int s, int t)
{
    int p = x->program[t];
    if (!x->ranked[s][p])
        return true;
    for (int i = 0; i < x->n_rank[s][p]; i++)
        if (x->rank[s][p][i] == t)
            return true;
    return false;
}

/* Position in s's ranking, or -1 (not on it, or no ranking). */
static int rank_pos(const tiny *x, int s, int t)
{
    int p = x->program[t];
    for (int i = 0; x->ranked[s][p] && i < x->n_rank[s][p]; i++)
        if (x->rank[s][p][i] == t)
            return i;
    return -1;
}

/*
 * The instance as JSON text (caller frees).  With `alloc` (home per trainee,
 * -1 = unallocated) it is the instance of that allocation: allocated
 * trainees get the home fixed, unallocated ones are left out, no
 * home_choices, rankings or stability.
 */
static char *tiny_json(const tiny *x, bool stable, const int *alloc)
{
    static const char *AREA[] = {"N", "S"};
    char id[32];
    json_t *doc = json_object();
    json_object_set_new(doc, "format", json_string("placera/1"));
    json_object_set_new(doc, "name", json_string("tiny"));
    json_object_set_new(doc, "horizon", json_pack("{s:s, s:s, s:i}", "start", "2027-01",
                                                  "unit", "month", "length", x->L));
    json_t *rot = json_object();
    json_object_set_new(rot, "a", json_object());
    if (x->R > 1)
        json_object_set_new(rot, "b", json_object());
    json_object_set_new(doc, "rotations", rot);
    json_t *sites = json_object();
    for (int s = 0; s < x->S; s++) {
        json_t *site = json_object(), *cap = json_object(), *posts = json_object(),
               *ranking = json_object();
        json_object_set_new(cap, "a", json_integer(x->cap[s][0]));
        if (x->R > 1 && x->cap[s][1] > 0)
            json_object_set_new(cap, "b", json_integer(x->cap[s][1]));
        json_object_set_new(site, "capacity", cap);
        if (x->schedule)
            json_object_set_new(site, "area", json_string(AREA[x->area[s]]));
        for (int p = 0; p < x->G; p++) {
            snprintf(id, sizeof id, "P%d", p);
            if (x->posts[s][p] >= 0)
                json_object_set_new(posts, id, json_integer(x->posts[s][p]));
            if (x->ranked[s][p] && !alloc) {
                json_t *list = json_array();
                for (int i = 0; i < x->n_rank[s][p]; i++)
                    json_array_append_new(list, json_sprintf("t%d", x->rank[s][p][i]));
                json_object_set_new(ranking, id, list);
            }
        }
        json_object_set_new(site, "posts", posts);
        json_object_set_new(site, "ranking", ranking);
        snprintf(id, sizeof id, "s%d", s);
        json_object_set_new(sites, id, site);
    }
    json_object_set_new(doc, "sites", sites);
    json_t *sups = json_object();
    for (int v = 0; v < x->V; v++) {
        json_t *sv = json_object();
        json_object_set_new(sv, "site", json_sprintf("s%d", x->sup_site[v]));
        json_object_set_new(sv, "mentees", json_integer(x->sup_mentees[v]));
        json_object_set_new(sv, "max_trainees", json_integer(x->sup_max[v]));
        if (x->sup_prog[v] >= 0)
            json_object_set_new(sv, "programs",
                                json_pack("[o]", json_sprintf("P%d", x->sup_prog[v])));
        snprintf(id, sizeof id, "v%d", v);
        json_object_set_new(sups, id, sv);
    }
    json_object_set_new(doc, "supervisors", sups);
    json_t *progs = json_object();
    for (int p = 0; p < x->G; p++) {
        json_t *req = json_object();
        json_t *a = json_object();
        if (x->schedule) {
            json_object_set_new(a, "min", json_integer(x->min_a[p]));
            if (x->at_home[p])
                json_object_set_new(a, "at_home", json_true());
        }
        json_object_set_new(req, "a", a);
        if (x->R > 1)
            json_object_set_new(req, "b", json_pack("{s:i}", "max", 1));
        snprintf(id, sizeof id, "P%d", p);
        json_object_set_new(progs, id, json_pack("{s:o, s:b}", "requirements", req,
                                                 "mentor", x->mentor[p]));
    }
    json_object_set_new(doc, "programs", progs);
    json_t *trainees = json_object();
    for (int t = 0; t < x->T; t++) {
        int home = x->home[t];
        if (alloc) {
            if (home < 0 && alloc[t] < 0)
                continue;
            if (home < 0)
                home = alloc[t];
        }
        json_t *tr = json_object();
        json_object_set_new(tr, "program", json_sprintf("P%d", x->program[t]));
        if (home >= 0) {
            json_object_set_new(tr, "home", json_sprintf("s%d", home));
        } else {
            json_t *ch = json_array();
            for (int k = 0; k < x->n_choices[t]; k++)
                json_array_append_new(ch, json_sprintf("s%d", x->choice[t][k]));
            json_object_set_new(tr, "home_choices", ch);
        }
        if (x->mentor_id[t] >= 0)
            json_object_set_new(tr, "mentor_id", json_sprintf("v%d", x->mentor_id[t]));
        if (x->t_area[t] >= 0)
            json_object_set_new(tr, "areas", json_pack("[s]", AREA[x->t_area[t]]));
        json_t *prefs = json_object();
        for (int s = 0; s < x->S; s++)
            if (x->pref[t][s]) {
                snprintf(id, sizeof id, "s%d", s);
                json_object_set_new(prefs, id, json_integer(x->pref[t][s]));
            }
        if (json_object_size(prefs))
            json_object_set_new(tr, "preferences", json_pack("{s:o}", "sites", prefs));
        else
            json_decref(prefs);
        if (x->t_weights[t])
            json_object_set_new(tr, "weights",
                                json_pack("{s:f, s:f, s:f}", "rank", x->t_rank[t],
                                          "unallocated", x->t_unalloc[t], "no_mentor",
                                          x->t_no_mentor[t]));
        snprintf(id, sizeof id, "t%d", t);
        json_object_set_new(trainees, id, tr);
    }
    json_object_set_new(doc, "trainees", trainees);
    json_t *w = json_pack("{s:f, s:f, s:f}", "rank", x->w_rank, "unallocated",
                          x->w_unalloc, "no_mentor", x->w_no_mentor);
    if (!x->schedule) { /* nothing to place: empty periods cost nothing */
        json_object_set_new(w, "unassigned", json_real(0));
        json_object_set_new(w, "unmet", json_real(0));
    }
    json_object_set_new(doc, "weights", w);
    json_object_set_new(doc, "allocation", json_pack("{s:b}", "stable", stable && !alloc));
    char *text = json_dumps(doc, JSON_INDENT(1));
    json_decref(doc);
    return text;
}

static pl_instance *load_text(const char *text)
{
    pl_diags diags;
    pl_instance *inst = NULL;
    pl_diags_init(&diags);
    pl_status st = pl_instance_load_string(text, strlen(text), "tiny.json", &inst, &diags);
    if (st != PL_OK) {
        pl_diags_print(&diags, stderr);
        fprintf(stderr, "%s\n", text);
    }
    pl_diags_free(&diags);
    assert_int_equal(st, PL_OK);
    return inst;
}

/* ------------------------------------------------------------------ */
/* The test's own stability (format.md 2.7, 3.9.12, 3.9.21)            */
/* ------------------------------------------------------------------ */

/* Homes of everyone: fixed ones and those of the allocation. */
static void all_homes(const tiny *x, const int *alloc, int *home)
{
    for (int t = 0; t < x->T; t++)
        home[t] = x->home[t] >= 0 ? x->home[t] : alloc[t];
}

/*
 * No trainee t with home_choices and site s such that t wants s more than
 * its home (or has none), s accepts t (no ranking for t's program, or t on
 * it), and s has a free post of t's program (no posts entry = always free)
 * or holds an allocated trainee of that program whom s ranks below t.  A
 * site without a ranking ranks nobody; trainees with a fixed home never
 * form a pair and cannot be displaced.
 */
static bool is_stable(const tiny *x, const int *alloc)
{
    int home[MAXT];
    all_homes(x, alloc, home);
    for (int t = 0; t < x->T; t++) {
        if (x->home[t] >= 0)
            continue;
        int p = x->program[t];
        for (int k = 0; k < x->n_choices[t]; k++) {
            int s = x->choice[t][k];
            if (s == home[t])
                break;
            if (!accepts(x, s, t))
                continue;
            int held = 0;
            bool lower = false;
            for (int u = 0; u < x->T; u++) {
                if (home[u] != s || x->program[u] != p)
                    continue;
                held++;
                if (x->home[u] < 0 && x->ranked[s][p] && rank_pos(x, s, u) > rank_pos(x, s, t))
                    lower = true;
            }
            if (x->posts[s][p] < 0 || held < x->posts[s][p] || lower)
                return false;
        }
    }
    return true;
}

/* ------------------------------------------------------------------ */
/* Enumeration and prices                                             */
/* ------------------------------------------------------------------ */

typedef struct allocs {
    int (*homes)[MAXT];
    int n, cap;
} allocs;

static void push_alloc(allocs *a, const int *alloc)
{
    if (a->n == a->cap) {
        a->cap = a->cap ? 2 * a->cap : 64;
        a->homes = realloc(a->homes, (size_t)a->cap * sizeof *a->homes);
        assert_non_null(a->homes);
    }
    memcpy(a->homes[a->n++], alloc, sizeof a->homes[0]);
}

/* Every allocation: each trainee with home_choices gets an acceptable
 * choice or nothing; posts (fixed homes included) respected. */
static void enum_allocs(const tiny *x, int t, int *alloc, allocs *out)
{
    if (t == x->T) {
        int home[MAXT], held[MAXS][MAXG] = {{0}};
        all_homes(x, alloc, home);
        for (int u = 0; u < x->T; u++)
            if (home[u] >= 0)
                held[home[u]][x->program[u]]++;
        for (int s = 0; s < x->S; s++)
            for (int p = 0; p < x->G; p++)
                if (x->posts[s][p] >= 0 && held[s][p] > x->posts[s][p])
                    return;
        push_alloc(out, alloc);
        return;
    }
    alloc[t] = -1;
    enum_allocs(x, t + 1, alloc, out);
    if (x->home[t] >= 0)
        return;
    for (int k = 0; k < x->n_choices[t]; k++) {
        if (!accepts(x, x->choice[t][k], t))
            continue;
        alloc[t] = x->choice[t][k];
        enum_allocs(x, t + 1, alloc, out);
        alloc[t] = -1;
    }
}

/* The least no_mentor cost over every assignment of main supervisors. */
static double best_mentors(const tiny *x, const int *home, int t, int *load)
{
    if (t == x->T)
        return 0.0;
    bool needs = x->mentor[x->program[t]] && home[t] >= 0;
    if (!needs)
        return best_mentors(x, home, t + 1, load);
    double best = x->t_no_mentor[t] + best_mentors(x, home, t + 1, load);
    for (int v = 0; v < x->V; v++) {
        if (x->sup_site[v] != home[t] || load[v] >= x->sup_mentees[v])
            continue;
        if (x->sup_prog[v] >= 0 && x->sup_prog[v] != x->program[t])
            continue;
        if (x->mentor_id[t] >= 0 && x->mentor_id[t] != v)
            continue;
        load[v]++;
        double c = best_mentors(x, home, t + 1, load);
        load[v]--;
        if (c < best)
            best = c;
    }
    return best;
}

/* rank·k and unallocated of an allocation. */
static double alloc_terms(const tiny *x, const int *alloc)
{
    double c = 0.0;
    for (int t = 0; t < x->T; t++) {
        if (x->home[t] >= 0)
            continue;
        if (alloc[t] < 0) {
            c += x->t_unalloc[t];
            continue;
        }
        for (int k = 0; k < x->n_choices[t]; k++)
            if (x->choice[t][k] == alloc[t])
                c += x->t_rank[t] * k;
    }
    return c;
}

/* The least cost of any schedule with this allocation; *feasible false when
 * no schedule has it. */
static double price(const tiny *x, const int *alloc, bool *feasible)
{
    *feasible = true;
    double c = alloc_terms(x, alloc);
    if (!x->schedule) {
        int home[MAXT], load[MAXV] = {0};
        all_homes(x, alloc, home);
        return c + best_mentors(x, home, 0, load);
    }
    char *text = tiny_json(x, false, alloc);
    pl_instance *inst = load_text(text);
    double best = 0.0;
    pl_status st = enum_optimum(inst, &best, NULL);
    if (st == PL_ERR_INFEASIBLE)
        *feasible = false;
    else
        assert_int_equal(st, PL_OK);
    pl_instance_free(inst);
    free(text);
    return c + best;
}

/* Solve; the schedule's homes go to alloc (trainees with home_choices). */
typedef struct solved {
    pl_status status;
    double cost;       /* pl_check's recomputed cost */
    bool passed;       /* pl_check passed */
    int alloc[MAXT];
    pl_alloc_summary *summary; /* its ids point into inst */
    pl_instance *inst;
} solved;

static void solve_tiny(const tiny *x, bool stable, solved *out)
{
    char *text = tiny_json(x, stable, NULL);
    pl_instance *inst = load_text(text);
    pl_params params;
    pl_diags diags;
    pl_schedule *sched = NULL;
    pl_params_init(&params);
    params.allocation_only = !x->schedule;
    params.time_limit = 60;
    pl_diags_init(&diags);
    memset(out, 0, sizeof *out);
    out->status = pl_solve(inst, &params, &sched, &diags);
    if (out->status == PL_OK) {
        pl_check_report *rep = NULL;
        assert_int_equal(pl_check(inst, sched, NULL, &rep), PL_OK);
        out->passed = pl_check_passed(rep);
        out->cost = rep->cost;
        if (!out->passed) {
            pl_diags_print(&rep->violations, stderr);
            pl_diags_print(&rep->mismatches, stderr);
        }
        pl_check_report_free(rep);
        for (int t = 0; t < x->T; t++)
            out->alloc[t] = -1;
        for (size_t i = 0; i < sched->n_homes; i++) {
            int t = sched->homes[i].key_index;
            if (t >= 0 && x->home[t] < 0)
                out->alloc[t] = sched->homes[i].value_index;
        }
        assert_int_equal(pl_alloc_summarize(inst, sched, &out->summary), PL_OK);
    }
    pl_schedule_free(sched);
    out->inst = inst;
    pl_diags_free(&diags);
    free(text);
}

/* The summary agrees with the homes; in a stable allocation nobody is
 * unallocated for "stability" or "cost". */
static void check_summary(const tiny *x, const solved *r, bool stable)
{
    const pl_alloc_summary *sum = r->summary;
    int applicants = 0, unalloc = 0, by_choice[MAXS] = {0};
    for (int t = 0; t < x->T; t++) {
        if (x->home[t] >= 0)
            continue;
        applicants++;
        if (r->alloc[t] < 0)
            unalloc++;
        for (int k = 0; k < x->n_choices[t]; k++)
            if (x->choice[t][k] == r->alloc[t])
                by_choice[k]++;
    }
    assert_int_equal(sum->applicants, applicants);
    assert_int_equal((int)sum->n_unallocated, unalloc);
    for (size_t k = 0; k < sum->n_choices; k++)
        assert_int_equal(sum->choices[k], by_choice[k]);
    for (size_t i = 0; i < sum->n_unallocated; i++) {
        int t = atoi(sum->unallocated[i].trainee + 1);
        bool any = false;
        for (int k = 0; k < x->n_choices[t]; k++)
            any |= accepts(x, x->choice[t][k], t);
        pl_unallocated_reason why = sum->unallocated[i].reason;
        if (!any)
            assert_int_equal(why, PL_UNALLOCATED_NO_ACCEPTABLE_SITE);
        else if (stable)
            assert_int_equal(why, PL_UNALLOCATED_NO_FREE_POST);
        else
            assert_true(why == PL_UNALLOCATED_NO_FREE_POST || why == PL_UNALLOCATED_COST);
    }
    int offered = 0, filled = 0, home[MAXT];
    all_homes(x, r->alloc, home);
    for (int s = 0; s < x->S; s++)
        for (int p = 0; p < x->G; p++)
            if (x->posts[s][p] >= 0) {
                offered += x->posts[s][p];
                for (int t = 0; t < x->T; t++)
                    filled += home[t] == s && x->program[t] == p;
            }
    assert_int_equal(sum->total.offered, offered);
    assert_int_equal(sum->total.filled, filled);
}

static void test_random(void **state)
{
    (void)state;
    int n_sched = 0, n_only = 0, n_stable_binds = 0, n_several = 0;
    for (uint64_t seed = 1; seed <= N_SEEDS; seed++) {
        tiny x;
        random_tiny(seed, &x);
        allocs all = {0};
        int alloc[MAXT];
        enum_allocs(&x, 0, alloc, &all);
        double best_stable = HUGE_VAL, best_free = HUGE_VAL;
        int n_stable = 0;
        for (int i = 0; i < all.n; i++) {
            bool stable = is_stable(&x, all.homes[i]);
            if (!stable && x.schedule)
                continue; /* the free optimum is only compared, not enumerated */
            bool feasible;
            double c = price(&x, all.homes[i], &feasible);
            if (!feasible)
                continue;
            if (c < best_free)
                best_free = c;
            if (stable) {
                n_stable++;
                if (c < best_stable)
                    best_stable = c;
            }
        }
        assert_true(n_stable > 0); /* a stable allocation always exists */
        n_several += n_stable > 1;

        solved st, fr;
        solve_tiny(&x, true, &st);
        solve_tiny(&x, false, &fr);
        if (st.status != PL_OK || !st.passed || !is_stable(&x, st.alloc) ||
            fabs(st.cost - best_stable) > TOL || fr.status != PL_OK || !fr.passed ||
            fr.cost > st.cost + TOL || (!x.schedule && fabs(fr.cost - best_free) > TOL)) {
            char *text = tiny_json(&x, true, NULL);
            fprintf(stderr,
                    "seed %llu: stable status %d passed %d stable %d cost %g (enumerated %g); "
                    "free status %d passed %d cost %g (enumerated %g)\n%s\n",
                    (unsigned long long)seed, st.status, st.passed,
                    st.status == PL_OK && is_stable(&x, st.alloc), st.cost, best_stable,
                    fr.status, fr.passed, fr.cost, best_free, text);
            free(text);
            fail();
        }
        check_summary(&x, &st, true);
        check_summary(&x, &fr, false);
        n_stable_binds += fr.cost < st.cost - TOL;
        x.schedule ? n_sched++ : n_only++;
        pl_alloc_summary_free(st.summary);
        pl_alloc_summary_free(fr.summary);
        pl_instance_free(st.inst);
        pl_instance_free(fr.inst);
        free(all.homes);
    }
    printf("allocation: %d allocation-only and %d scheduled instances; %d with several "
           "stable allocations; stability costs something in %d\n",
           n_only, n_sched, n_several, n_stable_binds);
    /* the seeds must exercise what they are meant to */
    assert_true(n_only >= 100 && n_sched >= 50);
    assert_true(n_several >= 10 && n_stable_binds >= 10);
}

/* ------------------------------------------------------------------ */
/* A textbook hospitals/residents instance                             */
/* ------------------------------------------------------------------ */

#define NR 5
#define NH 3
static const char *RES[NR] = {"anna", "bertil", "cecilia", "david", "erik"};
static const char *HOSP[NH] = {"sunderby", "pitea", "kalix"};
static const int CAPACITY[NH] = {2, 2, 1};
/* complete preference lists, best first (indices into HOSP / RES) */
static const int RES_PREF[NR][NH] = {{0, 2, 1}, {0, 1, 2}, {1, 0, 2}, {0, 1, 2}, {2, 1, 0}};
static const int HOSP_PREF[NH][NR] = {{4, 2, 1, 3, 0}, {0, 1, 4, 3, 2}, {3, 1, 4, 2, 0}};

static int pos_in(const int *list, int n, int v)
{
    for (int i = 0; i < n; i++)
        if (list[i] == v)
            return i;
    return -1;
}

/*
 * Resident-proposing deferred acceptance (Gale and Shapley 1962, the NRMP
 * algorithm in its resident-proposing form): each free resident proposes to
 * the next hospital on its list; a hospital keeps its best `capacity`
 * proposers and rejects the rest.  match[r] = hospital or -1.
 */
static void deferred_acceptance(int *match)
{
    int next[NR] = {0};
    bool progress = true;
    for (int r = 0; r < NR; r++)
        match[r] = -1;
    while (progress) {
        progress = false;
        for (int r = 0; r < NR; r++) {
            if (match[r] >= 0 || next[r] >= NH)
                continue;
            int h = RES_PREF[r][next[r]++];
            progress = true;
            match[r] = h;
            int held = 0, worst = -1;
            for (int u = 0; u < NR; u++)
                if (match[u] == h) {
                    held++;
                    if (worst < 0 || pos_in(HOSP_PREF[h], NR, u) > pos_in(HOSP_PREF[h], NR, worst))
                        worst = u;
                }
            if (held > CAPACITY[h])
                match[worst] = -1;
        }
    }
}

static char *textbook_json(void)
{
    json_t *doc = json_object();
    json_object_set_new(doc, "format", json_string("placera/1"));
    json_object_set_new(doc, "name", json_string("hospitals-residents"));
    json_object_set_new(doc, "horizon", json_pack("{s:s, s:s, s:i}", "start", "2027-01",
                                                  "unit", "month", "length", 1));
    json_object_set_new(doc, "rotations", json_pack("{s:{}}", "ward"));
    json_t *sites = json_object(), *sups = json_object(), *trainees = json_object();
    for (int h = 0; h < NH; h++) {
        json_t *rank = json_array();
        for (int i = 0; i < NR; i++)
            json_array_append_new(rank, json_string(RES[HOSP_PREF[h][i]]));
        json_object_set_new(sites, HOSP[h],
                            json_pack("{s:{s:i}, s:{s:i}, s:{s:o}}", "capacity", "ward", 5,
                                      "posts", "BT", CAPACITY[h], "ranking", "BT", rank));
        json_object_set_new(sups, HOSP[h], json_pack("{s:s}", "site", HOSP[h]));
    }
    for (int r = 0; r < NR; r++) {
        json_t *ch = json_array();
        for (int i = 0; i < NH; i++)
            json_array_append_new(ch, json_string(HOSP[RES_PREF[r][i]]));
        json_object_set_new(trainees, RES[r], json_pack("{s:s, s:o}", "program", "BT",
                                                        "home_choices", ch));
    }
    json_object_set_new(doc, "sites", sites);
    json_object_set_new(doc, "supervisors", sups);
    json_object_set_new(doc, "programs", json_pack("{s:{s:{s:{}}}}", "BT", "requirements", "ward"));
    json_object_set_new(doc, "trainees", trainees);
    json_object_set_new(doc, "weights", json_pack("{s:i, s:i}", "rank", 10, "unallocated", 100000));
    json_object_set_new(doc, "allocation", json_pack("{s:b}", "stable", 1));
    char *text = json_dumps(doc, JSON_INDENT(1));
    json_decref(doc);
    return text;
}

/*
 * Why the least-cost stable allocation is the resident-optimal one here:
 * every resident weakly prefers the resident-optimal stable matching M_R to
 * any other stable matching M (Gale and Shapley; for capacities, Roth 1984),
 * so rank_r(M_R) <= rank_r(M) for each r and Σ rank(M_R) <= Σ rank(M).  All
 * stable matchings match the same residents (the rural hospitals theorem),
 * so the unallocated term is the same for all of them; with rank weight > 0
 * and nothing else in the cost, M_R has the least cost.  It is the only
 * one: equal totals force rank_r(M) = rank_r(M_R) for every r, and a
 * position in a strict list names one hospital, so M = M_R.
 */
static void test_textbook(void **state)
{
    (void)state;
    int da[NR];
    deferred_acceptance(da);
    /* the instance is not trivial: residents do not all get their first
     * choice, and there are several stable matchings (found by the test's
     * own enumeration below) */
    tiny x;
    memset(&x, 0, sizeof x);
    x.T = NR;
    x.S = NH;
    x.G = 1;
    x.L = 1;
    for (int r = 0; r < NR; r++) {
        x.home[r] = -1;
        x.n_choices[r] = NH;
        memcpy(x.choice[r], RES_PREF[r], sizeof RES_PREF[r]);
    }
    for (int h = 0; h < NH; h++) {
        x.posts[h][0] = CAPACITY[h];
        x.ranked[h][0] = true;
        x.n_rank[h][0] = NR;
        memcpy(x.rank[h][0], HOSP_PREF[h], sizeof HOSP_PREF[h]);
    }
    assert_true(is_stable(&x, da));
    allocs all = {0};
    int alloc[MAXT];
    enum_allocs(&x, 0, alloc, &all);
    int n_stable = 0, da_rank = 0;
    for (int r = 0; r < NR; r++)
        da_rank += pos_in(RES_PREF[r], NH, da[r]);
    for (int i = 0; i < all.n; i++) {
        if (!is_stable(&x, all.homes[i]))
            continue;
        n_stable++;
        for (int r = 0; r < NR; r++) /* every resident weakly prefers DA's */
            assert_true(pos_in(RES_PREF[r], NH, da[r]) <=
                        pos_in(RES_PREF[r], NH, all.homes[i][r]));
    }
    free(all.homes);
    assert_true(n_stable >= 3);
    assert_true(da_rank > 0);

    char *text = textbook_json();
    pl_instance *inst = load_text(text);
    pl_params params;
    pl_diags diags;
    pl_schedule *sched = NULL;
    pl_params_init(&params);
    params.allocation_only = true;
    pl_diags_init(&diags);
    assert_int_equal(pl_solve(inst, &params, &sched, &diags), PL_OK);
    assert_string_equal(pl_schedule_status(sched), "optimal");
    assert_true(fabs(pl_schedule_cost(sched) - 10.0 * da_rank) < TOL);
    assert_int_equal((int)sched->n_homes, NR);
    for (size_t i = 0; i < sched->n_homes; i++) {
        int r = sched->homes[i].key_index; /* trainees are in the order of RES */
        assert_true(r >= 0 && r < NR);
        assert_string_equal(sched->homes[i].key, RES[r]);
        assert_string_equal(sched->homes[i].value, HOSP[da[r]]);
    }
    pl_check_report *rep = NULL;
    assert_int_equal(pl_check(inst, sched, NULL, &rep), PL_OK);
    assert_int_equal((int)rep->violations.count, 0);
    pl_check_report_free(rep);

    /* the summary line of this allocation */
    pl_alloc_summary *sum = NULL;
    char line[256];
    assert_int_equal(pl_alloc_summarize(inst, sched, &sum), PL_OK);
    pl_alloc_summary_line(sum, line, sizeof line);
    int got[NH] = {0};
    for (int r = 0; r < NR; r++)
        got[pos_in(RES_PREF[r], NH, da[r])]++;
    char want[256], part[32];
    snprintf(want, sizeof want, "allocation: 5/5 BT posts filled (100%%), choices");
    for (int k = 0, n = 0; k < NH; k++) {
        if (!got[k])
            continue;
        snprintf(part, sizeof part, "%s %d%s %d", n++ ? "," : "", k + 1,
                 k == 0 ? "st" : k == 1 ? "nd" : "rd", got[k]);
        strcat(want, part);
    }
    strcat(want, ", unallocated 0");
    assert_string_equal(line, want);
    /* a short buffer is cut and NUL-terminated; the length is the full one */
    char small[12];
    assert_int_equal(pl_alloc_summary_line(sum, small, sizeof small), (int)strlen(line));
    assert_string_equal(small, "allocation:");
    pl_alloc_summary_free(sum);
    pl_schedule_free(sched);
    pl_instance_free(inst);
    pl_diags_free(&diags);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_textbook),
        cmocka_unit_test(test_random),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
