/*
 * mssp_json.c — the MSSP instance as a placera/1 instance, exactly as
 * /work/shared/benchmarks/mssp/MAPPING.md and docs/mssp.md describe: for
 * every schedule feasible in the MSSP model, minus the placera cost is the
 * MSSP score.  Ids: students s1.., disciplines d1.., hospitals h1.., one
 * supervisor sup-h1.. per hospital, one program "mssp".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/json_text.h"
#include "import/mssp.h"
#include "util/strutil.h"

#define BIG 1000000

static void id(char *buf, size_t size, char prefix, int i)
{
    snprintf(buf, size, "%c%d", prefix, i + 1);
}

/* An integer when every period has the same value, else the array. */
static json_t *per_period(const long *v, int T)
{
    bool same = true;
    for (int t = 1; t < T && same; t++)
        same = v[t] == v[0];
    if (same)
        return json_integer(v[0]);
    json_t *arr = json_array();
    for (int t = 0; arr && t < T; t++)
        if (json_array_append_new(arr, json_integer(v[t])) != 0) {
            json_decref(arr);
            return NULL;
        }
    return arr;
}

static pl_status add_sites(const pl_mssp *m, json_t *sites, json_t *sups)
{
    pl_status status = PL_OK;
    char hid[24], did[24], sid[32];
    for (int h = 0; h < m->H; h++) {
        json_t *site = json_object(), *cap = json_object();
        if (!site || !cap) {
            json_decref(site);
            json_decref(cap);
            return PL_ERR_NOMEM;
        }
        id(hid, sizeof hid, 'h', h);
        PL_TRY(pli_json_set(sites, hid, site));
        PL_TRY(pli_json_set(site, "capacity", cap));
        for (int d = 0; d < m->D; d++) {
            const long *mx = m->max_pos + ((size_t)h * m->D + d) * m->T;
            const long *mn = m->min_pos + ((size_t)h * m->D + d) * m->T;
            bool any = false, any_min = false;
            for (int t = 0; t < m->T; t++) {
                any |= mx[t] != 0 || mn[t] != 0;
                any_min |= mn[t] != 0;
            }
            if (!any)
                continue;
            id(did, sizeof did, 'd', d);
            if (!any_min) {
                PL_TRY(pli_json_set(cap, did, per_period(mx, m->T)));
            } else {
                json_t *obj = json_object();
                PL_TRY(pli_json_set(cap, did, obj));
                PL_TRY(pli_json_set(obj, "max", per_period(mx, m->T)));
                PL_TRY(pli_json_set(obj, "min", per_period(mn, m->T)));
            }
        }
        json_t *sup = json_object();
        snprintf(sid, sizeof sid, "sup-%s", hid);
        PL_TRY(pli_json_set(sups, sid, sup));
        PL_TRY(pli_json_set(sup, "site", json_string(hid)));
        PL_TRY(pli_json_set(sup, "max_trainees", json_integer(m->S)));
    }
cleanup:
    return status;
}

static pl_status add_rules(const pl_mssp *m, int s, json_t *tr)
{
    pl_status status = PL_OK;
    char did[24], hid[24];
    int D = m->D;
    json_t *req = json_object(), *choices = json_array();
    PL_TRY(pli_json_set(tr, "requirements", req));
    PL_TRY(pli_json_set(tr, "choices", choices));
    for (int d = 0; d < D; d++) {
        if (!m->allowed[(size_t)s * D + d])
            continue;
        json_t *rule = json_object();
        id(did, sizeof did, 'd', d);
        PL_TRY(pli_json_set(req, did, rule));
        PL_TRY(pli_json_set(rule, "min", json_integer(m->duration)));
        PL_TRY(pli_json_set(rule, "max", json_integer(m->duration)));
        PL_TRY(pli_json_set(rule, "block_min", json_integer(m->duration)));
        PL_TRY(pli_json_set(rule, "block_max", json_integer(m->duration)));
        int able = 0;
        for (int h = 0; h < m->H; h++)
            able += m->ability[((size_t)s * m->H + h) * D + d] != 0;
        if (able < m->H) {
            json_t *list = json_array();
            PL_TRY(pli_json_set(rule, "sites", list));
            for (int h = 0; h < m->H; h++)
                if (m->ability[((size_t)s * m->H + h) * D + d]) {
                    id(hid, sizeof hid, 'h', h);
                    PL_TRY(pli_json_append(list, json_string(hid)));
                }
        }
        json_t *after = NULL;
        for (int e = 0; e < D; e++) {
            if (e == d || !m->preceded[(size_t)d * D + e])
                continue;
            if (!after) {
                after = json_array();
                PL_TRY(pli_json_set(rule, "after", after));
            }
            id(did, sizeof did, 'd', e);
            PL_TRY(pli_json_append(after, json_string(did)));
        }
    }
    for (int g = 0; g < m->G; g++) {
        json_t *choice = json_object(), *rots = json_array();
        int n = 0;
        PL_TRY(pli_json_append(choices, choice));
        PL_TRY(pli_json_set(choice, "rotations", rots));
        PL_TRY(pli_json_set(choice, "pick", json_integer(m->stud_group[(size_t)s * m->G + g])));
        for (int d = 0; d < D; d++)
            if (m->disc_group[d] == g + 1 && m->allowed[(size_t)s * D + d]) {
                id(did, sizeof did, 'd', d);
                PL_TRY(pli_json_append(rots, json_string(did)));
                n++;
            }
        if (n == 0 && m->stud_group[(size_t)s * m->G + g] == 0)
            json_array_remove(choices, json_array_size(choices) - 1);
    }
cleanup:
    return status;
}

static pl_status add_trainee(const pl_mssp *m, int s, json_t *trainees)
{
    pl_status status = PL_OK;
    char sid[24], did[24], hid[24];
    const long *w = m->weight + (size_t)s * 4;
    json_t *tr = json_object();
    id(sid, sizeof sid, 's', s);
    PL_TRY(pli_json_set(trainees, sid, tr));
    PL_TRY(pli_json_set(tr, "program", json_string("mssp")));
    PL_TRY(pli_json_set(tr, "start", json_integer(0)));
    json_t *unav = json_array();
    PL_TRY(pli_json_set(tr, "unavailable", unav));
    for (int t = 0; t < m->T;) {
        if (m->avail[(size_t)s * m->T + t]) {
            t++;
            continue;
        }
        int from = t;
        while (t < m->T && !m->avail[(size_t)s * m->T + t])
            t++;
        json_t *range = json_object();
        PL_TRY(pli_json_append(unav, range));
        PL_TRY(pli_json_set(range, "from", json_integer(from)));
        PL_TRY(pli_json_set(range, "to", json_integer(t - 1)));
    }
    PL_TRY(add_rules(m, s, tr));
    json_t *prefs = json_object(), *ps = json_object(), *pr = json_object();
    PL_TRY(pli_json_set(tr, "preferences", prefs));
    PL_TRY(pli_json_set(prefs, "sites", ps));
    PL_TRY(pli_json_set(prefs, "rotations", pr));
    for (int h = 0; h < m->H; h++) {
        id(hid, sizeof hid, 'h', h);
        double v = (double)(w[1] * m->pref_hosp[(size_t)s * m->H + h]) / m->duration;
        PL_TRY(pli_json_set(ps, hid, pli_json_number(v)));
    }
    for (int d = 0; d < m->D; d++) {
        if (!m->allowed[(size_t)s * m->D + d])
            continue;
        id(did, sizeof did, 'd', d);
        double v = (double)(w[0] * m->pref_disc[(size_t)s * m->D + d] + m->man_pref[d]) /
                   m->duration;
        PL_TRY(pli_json_set(pr, did, pli_json_number(v)));
    }
    json_t *weights = json_object();
    PL_TRY(pli_json_set(tr, "weights", weights));
    PL_TRY(pli_json_set(weights, "site_change", json_integer(-w[2])));
    PL_TRY(pli_json_set(weights, "idle", json_integer(-w[3])));
cleanup:
    return status;
}

pl_status pli_mssp_to_json(const pl_mssp *m, const char *file, json_t **out)
{
    pl_status status = PL_OK;
    char did[24];
    char *name = pli_mssp_name(file);
    const char *base = strrchr(file, '/');
    json_t *root = json_object(), *x, *horizon, *rots, *sites, *sups, *progs, *prog, *trs, *w;

    *out = NULL;
    if (!root || !name) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    PL_TRY(pli_json_set(root, "format", json_string("placera/1")));
    PL_TRY(pli_json_set(root, "name", json_string(name)));
    PL_TRY(pli_json_set(root, "x-mssp", x = json_object()));
    PL_TRY(pli_json_set(x, "source", json_string(base ? base + 1 : file)));
    PL_TRY(pli_json_set(x, "score", json_string("MSSP score (maximize sum SatTot + min SatTot) "
                                               "= -cost")));
    PL_TRY(pli_json_set(x, "students", json_integer(m->S)));
    PL_TRY(pli_json_set(x, "disciplines", json_integer(m->D)));
    PL_TRY(pli_json_set(x, "hospitals", json_integer(m->H)));
    PL_TRY(pli_json_set(x, "duration", json_integer(m->duration)));
    PL_TRY(pli_json_set(root, "horizon", horizon = json_object()));
    PL_TRY(pli_json_set(horizon, "start", json_string("2024-01-01")));
    PL_TRY(pli_json_set(horizon, "unit", json_string("week")));
    PL_TRY(pli_json_set(horizon, "step", json_integer(1)));
    PL_TRY(pli_json_set(horizon, "length", json_integer(m->T)));
    PL_TRY(pli_json_set(root, "rotations", rots = json_object()));
    for (int d = 0; d < m->D; d++) {
        id(did, sizeof did, 'd', d);
        PL_TRY(pli_json_set(rots, did, json_object()));
    }
    PL_TRY(pli_json_set(root, "sites", sites = json_object()));
    PL_TRY(pli_json_set(root, "supervisors", sups = json_object()));
    PL_TRY(add_sites(m, sites, sups));
    PL_TRY(pli_json_set(root, "programs", progs = json_object()));
    PL_TRY(pli_json_set(progs, "mssp", prog = json_object()));
    PL_TRY(pli_json_set(prog, "requirements", json_object()));
    PL_TRY(pli_json_set(prog, "max_per_site", json_integer((json_int_t)m->max_disc * m->duration)));
    PL_TRY(pli_json_set(root, "trainees", trs = json_object()));
    for (int s = 0; s < m->S; s++)
        PL_TRY(add_trainee(m, s, trs));
    PL_TRY(pli_json_set(root, "weights", w = json_object()));
    PL_TRY(pli_json_set(w, "unmet", json_integer(BIG)));
    PL_TRY(pli_json_set(w, "understaffed", json_integer(BIG)));
    PL_TRY(pli_json_set(w, "unassigned", json_integer(0)));
    PL_TRY(pli_json_set(w, "preference", json_integer(1)));
    PL_TRY(pli_json_set(w, "fairness", json_integer(1)));
    PL_TRY(pli_json_set(w, "priority", json_integer(0)));
    *out = root;
    root = NULL;
cleanup:
    json_decref(root);
    free(name);
    return status;
}
