/*
 * test_solver_random.c — the solver against brute force on random tiny instances.
 *
 * For each seed of a fixed list a small xorshift generator builds a tiny
 * instance as JSON (random capacities and minimum staffing, one or two
 * supervisors per site with random availability, rotations, programs and
 * max_trainees, random rules, leave, preferences, priorities, weights,
 * sometimes completed / previous / pins / areas / homes / a reference
 * schedule / home_choices with posts, rankings and stability / main
 * supervisors), loads it with
 * pl_instance_load_string, solves it and enumerates it (support_enum).  The
 * solver must say optimal with the enumerated cost, or infeasible exactly
 * when enumeration finds nothing; its schedule must pass pl_check.  Every
 * 10th instance, when small enough, is also enumerated without pruning to
 * check the pruning.
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
#include <unistd.h>

#include "placera.h"
#include "model/model.h"
#include "schedule/schedule.h"
#include "solve/backend.h"
#include "support_enum.h"

/* Seeds 1..N_INSTANCES; the environment variable PLACERA_RANDOM_N (seeds
 * 1..N) may ask for more when hunting bugs. */
#define N_INSTANCES 300
#define TOLERANCE 1e-6


static int pick_of(rng *g, const int *values, int n)
{
    return values[rnd(g, 0, n - 1)];
}

static const char *ROT[] = {"a", "b"};
static const char *SITE[] = {"s1", "s2"};
static const char *TRN[] = {"t1", "t2", "t3"};
static const char *PROG[] = {"P", "Q"};

/* Build one random instance as JSON text (caller frees with free()).  For
 * about a quarter of the seeds *reference is also set: a random reference
 * schedule as JSON text (caller frees), else NULL. */
static char *random_instance(uint64_t seed, char **reference)
{
    *reference = NULL;
    rng g = {seed * 0x9E3779B97F4A7C15ULL + 0x2545F4914F6CDD1DULL};
    for (int i = 0; i < 4; i++)
        rng_next(&g);
    /* Sizes: at most (1 + S*R)^L per-trainee candidates, kept near 250;
     * a third trainee only where that is below 100. */
    int L = rnd(&g, 3, 5);
    int R = rnd(&g, 1, 2);
    int S = rnd(&g, 1, 2);
    while ((L == 5 && S * R > 2) || (L == 4 && S * R > 3)) {
        if (S > 1)
            S--;
        else
            R--;
    }
    int T = 2;
    int raw = 1;
    for (int p = 0; p < L; p++)
        raw *= 1 + S * R;
    if (raw <= 100 && chance(&g, 50))
        T = 3;
    /* Allocation and main supervisors draw from their own stream, so the
     * rest of each instance does not depend on them. */
    rng g2 = {seed * 0xD1B54A32D192ED03ULL + 0x8CB92BA72F3D8DD7ULL};
    for (int i = 0; i < 4; i++)
        rng_next(&g2);
    bool alloc = chance(&g2, 20);
    /* Rankings and stability switch off the enumerator's pruning: only
     * where the full product stays small. */
    bool alloc_full = alloc && T == 2 && raw <= 64 && chance(&g2, 50);
    bool mentor = chance(&g2, 12);
    int NP = chance(&g, 25) ? 2 : 1;

    json_t *doc = json_object();
    json_object_set_new(doc, "format", json_string("placera/1"));
    json_object_set_new(doc, "name", json_sprintf("random-%llu", (unsigned long long)seed));
    json_t *h = json_object();
    json_object_set_new(h, "start", json_string("2027-01"));
    json_object_set_new(h, "unit", json_string("month"));
    json_object_set_new(h, "length", json_integer(L));
    if (chance(&g, 20))
        json_object_set_new(h, "open_end", json_true());
    json_object_set_new(doc, "horizon", h);

    json_t *rots = json_object();
    for (int r = 0; r < R; r++)
        json_object_set_new(rots, ROT[r], json_object());
    json_object_set_new(doc, "rotations", rots);

    /* Sites: which rotations each offers. */
    bool offers[2][2] = {{false}};
    json_t *sites = json_object();
    for (int s = 0; s < S; s++) {
        json_t *site = json_object();
        if (chance(&g, 30))
            json_object_set_new(site, "area", json_string(chance(&g, 50) ? "N" : "S"));
        if (chance(&g, 30))
            json_object_set_new(site, "priority", json_integer(rnd(&g, -2, 3)));
        json_t *cap = json_object();
        int n_off = 0;
        for (int r = 0; r < R; r++) {
            if (R == 2 && n_off == 1 && r == 1 && chance(&g, 20))
                continue;
            if (R == 2 && r == 0 && chance(&g, 15))
                continue;
            offers[s][r] = true;
            n_off++;
            json_t *mx;
            int want_min = chance(&g, 25) ? rnd(&g, 0, 1) : -1; /* -1: plain */
            int lo = want_min > 0 ? want_min : 0; /* the loader rejects min > max */
            if (chance(&g, 30)) {
                mx = json_array();
                for (int p = 0; p < L; p++)
                    json_array_append_new(mx, json_integer(rnd(&g, lo, 2)));
            } else {
                mx = json_integer(rnd(&g, 1, 2));
            }
            if (want_min >= 0) {
                json_t *o = json_object();
                json_object_set_new(o, "max", mx);
                json_object_set_new(o, "min", json_integer(want_min));
                json_object_set_new(cap, ROT[r], o);
            } else {
                json_object_set_new(cap, ROT[r], mx);
            }
        }
        if (n_off == 0) { /* offer at least one rotation */
            offers[s][R - 1] = true;
            json_object_set_new(cap, ROT[R - 1], json_integer(1));
        }
        json_object_set_new(site, "capacity", cap);
        if (alloc && chance(&g2, 50)) {
            json_t *po = json_object();
            json_object_set_new(po, PROG[0], json_integer(rnd(&g2, 0, 1)));
            json_object_set_new(site, "posts", po);
        }
        if (alloc_full && chance(&g2, 50)) {
            json_t *rk = json_object();
            json_t *lst = json_array();
            int first = rnd(&g2, 0, T - 1);
            json_array_append_new(lst, json_string(TRN[first]));
            if (chance(&g2, 60))
                json_array_append_new(lst, json_string(TRN[(first + 1) % T]));
            json_object_set_new(rk, PROG[0], lst);
            json_object_set_new(site, "ranking", rk);
        }
        json_object_set_new(sites, SITE[s], site);
    }
    json_object_set_new(doc, "sites", sites);

    json_t *sups = json_object();
    for (int s = 0; s < S; s++) {
        int nv = rnd(&g, 1, 2);
        for (int v = 0; v < nv; v++) {
            json_t *sv = json_object();
            json_object_set_new(sv, "site", json_string(SITE[s]));
            json_object_set_new(sv, "max_trainees", json_integer(rnd(&g, 1, 2)));
            if (mentor)
                json_object_set_new(sv, "mentees", json_integer(rnd(&g2, 0, 1)));
            if (chance(&g, 25)) {
                json_t *un = json_array();
                json_t *w = json_object();
                json_object_set_new(w, "from", json_integer(rnd(&g, 0, L - 1)));
                json_array_append_new(un, w);
                json_object_set_new(sv, "unavailable", un);
            }
            if (R == 2 && offers[s][0] && offers[s][1] && chance(&g, 25)) {
                json_t *rl = json_array();
                json_array_append_new(rl, json_string(ROT[rnd(&g, 0, 1)]));
                json_object_set_new(sv, "rotations", rl);
            }
            if (NP == 2 && chance(&g, 25)) {
                json_t *pl = json_array();
                json_array_append_new(pl, json_string(PROG[rnd(&g, 0, 1)]));
                json_object_set_new(sv, "programs", pl);
            }
            char id[16];
            snprintf(id, sizeof id, "%s-v%d", SITE[s], v);
            json_object_set_new(sups, id, sv);
        }
    }
    json_object_set_new(doc, "supervisors", sups);

    /* Programs, remembering each rule's max for completed/previous. */
    int rule_max[2][2];
    bool has_rule[2][2] = {{false}};
    json_t *progs = json_object();
    for (int q = 0; q < NP; q++) {
        json_t *prog = json_object();
        json_t *req = json_object();
        for (int r = 0; r < R; r++) {
            if (R == 2 && r == 1 && chance(&g, 15))
                continue;
            has_rule[q][r] = true;
            rule_max[q][r] = PL_UNLIMITED;
            json_t *rule = json_object();
            int mn = chance(&g, 60) ? rnd(&g, 1, 3) : 0;
            if (mn)
                json_object_set_new(rule, "min", json_integer(mn));
            if (chance(&g, 35)) {
                int mx = rnd(&g, mn > 1 ? mn : 1, L);
                rule_max[q][r] = mx;
                json_object_set_new(rule, "max", json_integer(mx));
            }
            int bmin = chance(&g, 30) ? 2 : 1;
            if (bmin > 1)
                json_object_set_new(rule, "block_min", json_integer(bmin));
            if (chance(&g, 25))
                json_object_set_new(rule, "block_max", json_integer(rnd(&g, bmin, 3)));
            if (r == 1 && has_rule[q][0] && chance(&g, 20)) {
                json_t *af = json_array();
                json_array_append_new(af, json_string(ROT[0]));
                json_object_set_new(rule, "after", af);
            }
            if (S == 2 && chance(&g, 10)) {
                json_t *sl = json_array();
                json_array_append_new(sl, json_string(SITE[rnd(&g, 0, 1)]));
                json_object_set_new(rule, "sites", sl);
            }
            if (chance(&g, 8))
                json_object_set_new(rule, "at_home", json_true());
            json_object_set_new(req, ROT[r], rule);
        }
        json_object_set_new(prog, "requirements", req);
        if (has_rule[q][0] && R == 2 && has_rule[q][1] && chance(&g, 15)) {
            json_t *chs = json_array();
            json_t *ch = json_object();
            json_t *rl = json_array();
            json_array_append_new(rl, json_string(ROT[0]));
            json_array_append_new(rl, json_string(ROT[1]));
            json_object_set_new(ch, "rotations", rl);
            json_object_set_new(ch, "pick", json_integer(1));
            json_array_append_new(chs, ch);
            json_object_set_new(prog, "choices", chs);
        }
        if (chance(&g, 15))
            json_object_set_new(prog, "max_per_site", json_integer(rnd(&g, 1, 3)));
        if (mentor && (q == 0 || chance(&g2, 50)))
            json_object_set_new(prog, "mentor", json_true());
        json_object_set_new(progs, PROG[q], prog);
    }
    json_object_set_new(doc, "programs", progs);

    json_t *trs = json_object();
    for (int t = 0; t < T; t++) {
        json_t *tr = json_object();
        int q = rnd(&g, 0, NP - 1);
        json_object_set_new(tr, "program", json_string(PROG[q]));
        if (chance(&g, 15))
            json_object_set_new(tr, "start", json_integer(1));
        if (chance(&g, 15))
            json_object_set_new(tr, "end", json_integer(L - 2));
        if (chance(&g, 25)) {
            json_t *un = json_array();
            json_t *w = json_object();
            json_object_set_new(w, "from", json_integer(rnd(&g, 0, L - 1)));
            json_array_append_new(un, w);
            json_object_set_new(tr, "unavailable", un);
        }
        bool wants_home = chance(&g, 50);
        int home = rnd(&g, 0, S - 1);
        if (alloc && chance(&g2, 60)) {
            json_t *hc = json_array();
            int first = rnd(&g2, 0, S - 1);
            json_array_append_new(hc, json_string(SITE[first]));
            if (S == 2 && chance(&g2, 50))
                json_array_append_new(hc, json_string(SITE[1 - first]));
            json_object_set_new(tr, "home_choices", hc);
        } else if (wants_home) {
            json_object_set_new(tr, "home", json_string(SITE[home]));
        }
        if (chance(&g, 15)) {
            json_t *ar = json_array();
            json_array_append_new(ar, json_string(chance(&g, 50) ? "N" : "S"));
            json_object_set_new(tr, "areas", ar);
        }
        if (chance(&g, 50)) {
            json_t *pr = json_object();
            json_t *ps = json_object();
            json_t *prr = json_object();
            for (int s = 0; s < S; s++)
                if (chance(&g, 50))
                    json_object_set_new(ps, SITE[s], json_integer(rnd(&g, -3, 5)));
            for (int r = 0; r < R; r++)
                if (chance(&g, 50))
                    json_object_set_new(prr, ROT[r], json_integer(rnd(&g, -3, 5)));
            json_object_set_new(pr, "sites", ps);
            json_object_set_new(pr, "rotations", prr);
            json_object_set_new(tr, "preferences", pr);
        }
        int r0 = rnd(&g, 0, R - 1);
        int comp = 0;
        if (has_rule[q][r0] && chance(&g, 15) && rule_max[q][r0] >= 1) {
            comp = 1;
            json_t *c = json_object();
            json_object_set_new(c, ROT[r0], json_integer(1));
            json_object_set_new(tr, "completed", c);
        }
        int s0 = rnd(&g, 0, S - 1);
        if (has_rule[q][r0] && offers[s0][r0] && chance(&g, 15) &&
            rule_max[q][r0] >= comp + 1) {
            int per = rnd(&g, 1, 2);
            if (rule_max[q][r0] != PL_UNLIMITED && per > rule_max[q][r0] - comp)
                per = rule_max[q][r0] - comp;
            json_t *pv = json_object();
            json_object_set_new(pv, "site", json_string(SITE[s0]));
            json_object_set_new(pv, "rotation", json_string(ROT[r0]));
            json_object_set_new(pv, "periods", json_integer(per));
            json_object_set_new(tr, "previous", pv);
        }
        if (chance(&g, 12)) {
            json_t *fx = json_array();
            json_t *f = json_object();
            int kind = rnd(&g, 0, 3);
            if (kind == 0 || kind == 1)
                json_object_set_new(f, "site", json_string(SITE[rnd(&g, 0, S - 1)]));
            if (kind == 0 || kind == 2)
                json_object_set_new(f, "rotation", json_string(ROT[r0]));
            json_object_set_new(f, "from", json_integer(rnd(&g, 0, L - 1)));
            json_array_append_new(fx, f);
            json_object_set_new(tr, "fixed", fx);
        }
        if (chance(&g, 20)) {
            static const int un_w[] = {0, 10, 100, 300};
            json_t *w = json_object();
            json_object_set_new(w, "unassigned", json_integer(pick_of(&g, un_w, 4)));
            if (chance(&g, 50))
                json_object_set_new(w, "preference", json_integer(rnd(&g, -1, 3)));
            json_object_set_new(tr, "weights", w);
        }
        json_object_set_new(trs, TRN[t], tr);
    }
    json_object_set_new(doc, "trainees", trs);

    static const int unmet_w[] = {0, 10, 100, 1000};
    static const int unas_w[] = {-20, 0, 50, 100, 150};
    static const int under_w[] = {0, 10, 500};
    static const int idle_w[] = {-5, 0, 5, 50};
    static const int sc_w[] = {0, 0, 10, 30};
    static const int fair_w[] = {0, 0, 1, 2};
    json_t *w = json_object();
    json_object_set_new(w, "unmet", json_integer(pick_of(&g, unmet_w, 4)));
    json_object_set_new(w, "unassigned", json_integer(pick_of(&g, unas_w, 5)));
    json_object_set_new(w, "understaffed", json_integer(pick_of(&g, under_w, 3)));
    json_object_set_new(w, "idle", json_integer(pick_of(&g, idle_w, 4)));
    json_object_set_new(w, "site_change", json_integer(pick_of(&g, sc_w, 4)));
    json_object_set_new(w, "preference", json_integer(rnd(&g, -1, 3)));
    json_object_set_new(w, "priority", json_integer(rnd(&g, -1, 3)));
    json_object_set_new(w, "fairness", json_integer(pick_of(&g, fair_w, 4)));
    if (alloc) {
        static const int unal_w[] = {50, 500, 10000};
        json_object_set_new(w, "unallocated", json_integer(pick_of(&g2, unal_w, 3)));
        json_object_set_new(w, "rank", json_integer(rnd(&g2, 0, 20)));
        if (alloc_full && chance(&g2, 60)) {
            json_t *al = json_object();
            json_object_set_new(al, "stable", json_true());
            json_object_set_new(doc, "allocation", al);
        }
    }
    if (mentor)
        json_object_set_new(w, "no_mentor", json_integer(chance(&g2, 50) ? 30 : 1000));
    json_object_set_new(doc, "weights", w);

    if (chance(&g, 25)) {
        static const int change_w[] = {0, 10, 30};
        json_object_set_new(w, "change", json_integer(pick_of(&g, change_w, 3)));
        json_t *sch = json_object();
        json_object_set_new(sch, "format", json_string("placera-schedule/1"));
        json_object_set_new(sch, "status", json_string("feasible"));
        json_t *rows = json_array();
        for (int t = 0; t < T; t++)
            for (int p = 0; p < L; p++) {
                int s = rnd(&g, 0, S - 1), r = rnd(&g, 0, R - 1);
                if (!offers[s][r] || chance(&g, 30))
                    continue;
                json_t *row = json_object();
                json_object_set_new(row, "trainee", json_string(TRN[t]));
                json_object_set_new(row, "site", json_string(SITE[s]));
                json_object_set_new(row, "rotation", json_string(ROT[r]));
                json_object_set_new(row, "from", json_integer(p));
                json_object_set_new(row, "to", json_integer(p));
                json_array_append_new(rows, row);
            }
        json_object_set_new(sch, "placements", rows);
        *reference = json_dumps(sch, JSON_INDENT(1));
        json_decref(sch);
    }

    char *text = json_dumps(doc, JSON_COMPACT);
    json_decref(doc);
    return text;
}

/* Every seed solved with `method`; with the decomposition the bound it
 * reports must also never be above the enumerated optimum. */
static void run_random(pl_method method)
{
    int feasible = 0, infeasible = 0, invalid = 0, cross = 0, with_reference = 0;
    int failures = 0; /* instances where the solver disagrees (all reported) */
    int proven = 0;
    char dir[] = "/tmp/placera-random-XXXXXX";
    assert_non_null(mkdtemp(dir));
    int n_instances = N_INSTANCES;
    const char *env = getenv("PLACERA_RANDOM_N");
    if (env && atoi(env) > 0)
        n_instances = atoi(env);
    for (uint64_t seed = 1; seed <= (uint64_t)n_instances; seed++) {
        char *ref_text = NULL;
        char *text = random_instance(seed, &ref_text);
        assert_non_null(text);
        pl_diags diags;
        pl_diags_init(&diags);
        pl_instance *inst = NULL;
        pl_status st = pl_instance_load_string(text, strlen(text), "random", &inst, &diags);
        if (st != PL_OK) {
            /* The generator avoids invalid combinations; any left are a bug
             * in the generator or the loader. */
            fprintf(stderr, "seed %llu: not loaded: %s\n%s\n",
                    (unsigned long long)seed, pl_strerror(st), text);
            pl_diags_print(&diags, stderr);
            invalid++;
            free(text);
            free(ref_text);
            pl_diags_free(&diags);
            continue;
        }
        pl_diags_clear(&diags);

        pl_schedule *ref = NULL;
        if (ref_text) {
            char path[600];
            snprintf(path, sizeof path, "%s/reference.json", dir);
            FILE *f = fopen(path, "w");
            assert_non_null(f);
            fputs(ref_text, f);
            fclose(f);
            st = pl_schedule_load(path, inst, true, &ref, &diags);
            if (st != PL_OK) {
                fprintf(stderr, "seed %llu: reference not loaded: %s\n%s\n",
                        (unsigned long long)seed, pl_strerror(st), ref_text);
                pl_diags_print(&diags, stderr);
            }
            assert_int_equal(st, PL_OK);
            remove(path);
            with_reference++;
            pl_diags_clear(&diags);
        }

        double ecost = 0;
        enum_stats stats;
        pl_status est = enum_optimum_ex(inst, ref, true, &ecost, NULL, &stats);
        if (est != PL_OK && est != PL_ERR_INFEASIBLE)
            fprintf(stderr, "seed %llu: enumeration failed: %s\n%s\n",
                    (unsigned long long)seed, pl_strerror(est), text);
        assert_true(est == PL_OK || est == PL_ERR_INFEASIBLE);

        if (seed % 10 == 0 && enum_raw_size(inst) <= 50000) {
            double c2 = 0;
            pl_status est2 = enum_optimum_ex(inst, ref, false, &c2, NULL, NULL);
            {
                cross++;
                if (est2 != est || (est == PL_OK && fabs(c2 - ecost) > TOLERANCE))
                    fprintf(stderr, "seed %llu: pruned enumeration %s %.6f, full %s %.6f\n%s\n",
                            (unsigned long long)seed, pl_strerror(est), ecost,
                            pl_strerror(est2), c2, text);
                assert_int_equal(est2, est);
                if (est == PL_OK)
                    assert_true(fabs(c2 - ecost) <= TOLERANCE);
            }
        }

        pl_params params;
        pl_params_init(&params);
        params.time_limit = 20;
        params.reference = ref;
        params.method = method;
        pl_schedule *sched = NULL;
        st = pl_solve(inst, &params, &sched, &diags);
        bool ok = true;
        if (est == PL_ERR_INFEASIBLE) {
            infeasible++;
            if (st != PL_ERR_INFEASIBLE) {
                fprintf(stderr, "seed %llu: enumeration finds no schedule, solver says %s (cost %.6f)\n%s\n",
                        (unsigned long long)seed, pl_strerror(st),
                        sched ? pl_schedule_cost(sched) : NAN, text);
                ok = false;
            }
        } else {
            feasible++;
            /* both methods prove optimality (the decomposition by its
             * bound, or, where the master's optimum is fractional, by the
             * compact branch-and-bound it hands its schedule to) */
            bool status_ok = st == PL_OK && strcmp(pl_schedule_status(sched), "optimal") == 0;
            if (status_ok && strcmp(pl_schedule_status(sched), "optimal") == 0)
                proven++;
            if (!status_ok || fabs(pl_schedule_cost(sched) - ecost) > TOLERANCE) {
                fprintf(stderr, "seed %llu: enumerated optimum %.6f, solver %s %s cost %.6f\n%s\n",
                        (unsigned long long)seed, ecost, pl_strerror(st),
                        sched ? pl_schedule_status(sched) : "-",
                        sched ? pl_schedule_cost(sched) : NAN, text);
                pl_diags_print(&diags, stderr);
                ok = false;
            } else if (!isnan(sched->bound) && sched->bound > ecost + TOLERANCE) {
                fprintf(stderr, "seed %llu: bound %.6f above the enumerated optimum %.6f\n%s\n",
                        (unsigned long long)seed, sched->bound, ecost, text);
                ok = false;
            } else {
                pl_check_report *rep = NULL;
                assert_int_equal(pl_check(inst, sched, ref, &rep), PL_OK);
                if (rep->violations.count || rep->mismatches.count ||
                    fabs(rep->cost - ecost) > TOLERANCE) {
                    fprintf(stderr, "seed %llu: solver schedule fails the check (cost %.6f)\n%s\n",
                            (unsigned long long)seed, rep->cost, text);
                    pl_diags_print(&rep->violations, stderr);
                    pl_diags_print(&rep->mismatches, stderr);
                    ok = false;
                }
                pl_check_report_free(rep);
            }
        }
        pl_schedule_free(sched);
        pl_schedule_free(ref);
        free(ref_text);
        pl_instance_free(inst);
        pl_diags_free(&diags);
        free(text);
        if (!ok)
            failures++;
    }
    rmdir(dir);
    printf("random (%s): %d instances, %d feasible, %d infeasible, %d not loaded, "
           "%d with a reference schedule, %d cross-checked without pruning, "
           "%d proven optimal, %d where the solver is wrong\n",
           method == PL_METHOD_DECOMPOSITION   ? "decomposition"
           : method == PL_METHOD_BRANCH_PRICE ? "branch-and-price"
                                              : "compact",
           n_instances, feasible, infeasible, invalid, with_reference, cross, proven, failures);
    assert_int_equal(failures, 0);
    assert_int_equal(invalid, 0);
    assert_true(feasible >= n_instances / 4);
}

static void test_random(void **state)
{
    (void)state;
    run_random(PL_METHOD_COMPACT);
}

static void test_random_decomposition(void **state)
{
    (void)state;
    run_random(PL_METHOD_DECOMPOSITION);
}

/* Branch-and-price alone (no compact model, no search) proves every
 * optimum that enumeration finds. */
static void test_random_branch_price(void **state)
{
    (void)state;
    run_random(PL_METHOD_BRANCH_PRICE);
}

static char *identical_trainees(uint64_t seed);

/* The model of instance text (its instance in *inst), or NULL when the
 * text does not load (the generator's rare invalid combinations). */
static pl_model *build_model(const char *text, pl_instance **inst, pl_diags *diags)
{
    if (pl_instance_load_string(text, strlen(text), "random", inst, diags) != PL_OK)
        return NULL;
    pl_build_options opt;
    pl_model *m = NULL;
    pli_build_options_init(&opt);
    assert_int_equal(pli_model_build(*inst, &opt, &m), PL_OK);
    return m;
}

/* A progress callback that interrupts the solve at the first line that
 * shows open nodes (the tree has branched). */
static void stop_in_tree(const pl_progress *pr, void *user)
{
    if (pr->open_nodes >= 1)
        *(volatile sig_atomic_t *)user = 1;
}

/* How solve_model runs: interrupted in the tree, or with a gap. */
typedef struct tree_run {
    bool interrupt_in_tree;
    double gap;
} tree_run;

/* One model solved by `method`, with the witness (NULL: none). */
static pl_backend_result solve_model_run(const pl_model *m, pl_method method,
                                         const double *witness, double witness_cost,
                                         const pli_tuning *tune, tree_run run)
{
    pl_params params;
    pl_params_init(&params);
    params.time_limit = 20;
    params.method = method;
    params.gap = run.gap;
    volatile sig_atomic_t stop = 0;
    if (run.interrupt_in_tree) {
        params.interrupt = &stop;
        params.progress = stop_in_tree;
        params.progress_user = (void *)&stop;
    }
    pl_backend_result res;
    pl_diags diags;
    pl_diags_init(&diags);
    assert_int_equal(pli_backend_solve_witness(m, &params, pli_clock_seconds(), witness,
                                               witness_cost, tune, &res, &diags),
                     PL_OK);
    pl_diags_free(&diags);
    return res;
}

static pl_backend_result solve_model(const pl_model *m, pl_method method,
                                     const double *witness, double witness_cost,
                                     const pli_tuning *tune)
{
    return solve_model_run(m, method, witness, witness_cost, tune, (tree_run){false, 0.0});
}

/* Where the tree branches, a stop inside it (Ctrl-C) keeps a schedule no
 * better than the optimum and a bound no worse, flagged interrupted; and
 * --gap 5 % stops it with the bound within 5 % of the schedule's cost. */
static void test_tree_limits(void **state)
{
    (void)state;
    int stopped = 0, gapped = 0, failures = 0;
    for (uint64_t seed = 1; seed <= N_INSTANCES && stopped < 12; seed++) {
        char *text = identical_trainees(seed);
        pl_diags diags;
        pl_diags_init(&diags);
        pl_instance *inst = NULL;
        pl_model *m = text ? build_model(text, &inst, &diags) : NULL;
        if (!m)
            goto next;
        pl_backend_result full = solve_model(m, PL_METHOD_BRANCH_PRICE, NULL, 0, NULL);
        free(full.values);
        if (full.outcome != PL_OUTCOME_OPTIMAL || full.nodes < 3)
            goto next;
        double opt_cost = full.objective, tol = 1e-6 * (1.0 + fabs(opt_cost));
        pl_backend_result r = solve_model_run(m, PL_METHOD_BRANCH_PRICE, NULL, 0, NULL,
                                              (tree_run){true, 0.0});
        stopped++;
        if (!r.interrupted || r.nodes > full.nodes || (r.values && r.objective < opt_cost - tol) ||
            (!isnan(r.bound) && r.bound > opt_cost + tol)) {
            fprintf(stderr, "seed %llu: interrupted in the tree: %d, %ld of %ld nodes, "
                            "cost %.6f bound %.6f, optimum %.6f\n",
                    (unsigned long long)seed, r.interrupted, r.nodes, full.nodes, r.objective,
                    r.bound, opt_cost);
            failures++;
        }
        free(r.values);
        r = solve_model_run(m, PL_METHOD_BRANCH_PRICE, NULL, 0, NULL, (tree_run){false, 0.05});
        gapped++;
        if (!r.values || r.nodes > full.nodes || r.objective < opt_cost - tol ||
            r.bound > opt_cost + tol ||
            (r.objective - r.bound) > 0.05 * fabs(r.objective) + tol) {
            fprintf(stderr, "seed %llu: --gap 0.05: %ld of %ld nodes, cost %.6f bound %.6f, "
                            "optimum %.6f\n",
                    (unsigned long long)seed, r.nodes, full.nodes, r.objective, r.bound,
                    opt_cost);
            failures++;
        }
        free(r.values);
    next:
        pli_model_free(m);
        pl_instance_free(inst);
        pl_diags_free(&diags);
        free(text);
    }
    printf("tree limits: %d stopped in the tree, %d with --gap 0.05, %d wrong\n", stopped,
           gapped, failures);
    assert_int_equal(failures, 0);
    assert_true(stopped >= 5);
}

/* The tree never cuts off an optimum: the compact model's optimal
 * schedule of each random instance (without a reference) is followed down
 * every branch of branch-and-price, and no node that admits it may be
 * pruned with a bound above its cost.  Enough instances must branch for
 * this to mean something.  With `tune` the tree runs under other
 * tunables. */
/* The random instance of `seed` with every trainee a copy of the first
 * (an intake of identical trainees: twins for the tree); NULL when it has
 * a reference schedule. */
static char *identical_trainees(uint64_t seed)
{
    char *ref_text = NULL;
    char *text = random_instance(seed, &ref_text);
    json_t *doc = json_loads(text, 0, NULL);
    free(text);
    text = NULL;
    json_t *trainees = json_object_get(doc, "trainees");
    json_t *first = json_object_get(trainees, "t1");
    if (!ref_text && first) {
        const char *key;
        json_t *value;
        void *tmp;
        json_object_foreach_safe(trainees, tmp, key, value) {
            if (strcmp(key, "t1") != 0)
                json_object_set_new(trainees, key, json_deep_copy(first));
        }
        text = json_dumps(doc, JSON_COMPACT);
    }
    json_decref(doc);
    free(ref_text);
    return text;
}

static void run_tree(const pli_tuning *tune, const char *label, bool twins)
{
    int solved = 0, branched = 0, failures = 0;
    long nodes = 0, group = 0;
    for (uint64_t seed = 1; seed <= N_INSTANCES; seed++) {
        char *ref_text = NULL;
        char *text = twins ? identical_trainees(seed) : random_instance(seed, &ref_text);
        if (!text)
            continue;
        pl_diags diags;
        pl_diags_init(&diags);
        pl_instance *inst = NULL;
        pl_model *m = ref_text ? NULL : build_model(text, &inst, &diags);
        if (!m)
            goto next;
        pl_backend_result c = solve_model(m, PL_METHOD_COMPACT, NULL, 0, NULL);
        if (c.outcome != PL_OUTCOME_OPTIMAL) {
            free(c.values);
            goto next;
        }
        double *w = calloc((size_t)m->n_cols + 2, sizeof *w);
        assert_non_null(w);
        for (int j = 0; j < m->n_cols; j++)
            w[j + 1] = c.values[j];
        pl_backend_result b = solve_model(m, PL_METHOD_BRANCH_PRICE, w, c.objective, tune);
        solved++;
        nodes += b.nodes;
        group += b.group_branches;
        branched += b.nodes > 0;
        if (b.outcome != PL_OUTCOME_OPTIMAL || fabs(b.objective - c.objective) > TOLERANCE ||
            b.witness_cut != 0) {
            fprintf(stderr, "seed %llu: compact optimum %.6f; branch-and-price %d cost %.6f, "
                            "%ld nodes, %ld cut the optimum off\n%s\n",
                    (unsigned long long)seed, c.objective, (int)b.outcome, b.objective,
                    b.nodes, b.witness_cut, text);
            failures++;
        }
        free(w);
        free(c.values);
        free(b.values);
    next:
        pli_model_free(m);
        pl_instance_free(inst);
        pl_diags_free(&diags);
        free(ref_text);
        free(text);
    }
    printf("tree (%s%s): %d instances, %d branched (%ld nodes, %ld on groups of twins), "
           "%d where the tree is wrong\n",
           label, twins ? ", identical trainees" : "", solved, branched, nodes, group, failures);
    assert_int_equal(failures, 0);
    assert_true(solved >= N_INSTANCES / 4);
    assert_true(branched >= 5);
    if (twins && !(tune && tune->tree_group_rows == 0))
        assert_true(group >= 5);
}

static void test_tree_keeps_the_optimum(void **state)
{
    (void)state;
    run_tree(NULL, "defaults", false);
    run_tree(NULL, "defaults", true);
}

/* The same with the pool emptied of unused schedules before every node,
 * no group rows (twins branched one by one), dives of one node, no
 * restricted master MIP before the tree (the tree finds every schedule),
 * and placement cells branched on first. */
static void test_tree_stressed(void **state)
{
    (void)state;
    pli_tuning tune;
    pli_tuning_init(&tune);
    tune.tree_pool_columns = 0;
    tune.tree_group_rows = 0;
    tune.tree_dive_depth = 1;
    tune.tree_share = 1.0;
    tune.tree_prefer_cells = 1;
    run_tree(&tune, "stressed", false);
    run_tree(&tune, "stressed", true);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_random),
        cmocka_unit_test(test_random_decomposition),
        cmocka_unit_test(test_random_branch_price),
        cmocka_unit_test(test_tree_keeps_the_optimum),
        cmocka_unit_test(test_tree_stressed),
        cmocka_unit_test(test_tree_limits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
