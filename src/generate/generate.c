/*
 * generate.c — `placera generate`: build a realistic Swedish-region
 * instance from a seed (docs/generator.md) and return it as JSON text.
 * Same parameters and seed, same bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "generate/emit.h"
#include "import/json_text.h"

void pl_generate_params_init(pl_generate_params *params)
{
    params->tier = PL_TIER_SMALL;
    params->trainees = params->sites = params->periods = 0;
    params->seed = 1;
}

static const char *const tier_name[] = {"small", "region", "national"};

pl_status pl_generate(const pl_generate_params *params, char **json, pl_diags *diags)
{
    static const int def[3][3] = {{20, 10, 12}, {300, 150, 24}, {3000, 1200, 24}};
    pl_status status = PL_OK;
    gen_world w;
    json_t *root = NULL, *x, *h, *rots, *sites, *sups, *progs, *trs, *wt;
    char name[128];

    memset(&w, 0, sizeof w);
    if (!params || !json || !diags)
        return PL_ERR_USAGE;
    *json = NULL;
    if ((int)params->tier < 0 || params->tier > PL_TIER_NATIONAL || params->trainees < 0 ||
        params->sites < 0 || params->periods < 0 || params->trainees > 100000 ||
        params->sites > 20000 || params->periods > 1000 || (params->sites && params->sites < 2)) {
        pl_diags_add(diags, PL_SEV_ERROR, NULL, 0, 0, NULL,
                     "sizes: 0 to 100000 trainees, 2 to 20000 sites, 1 to 1000 periods");
        return PL_ERR_USAGE;
    }
    int nt = params->trainees ? params->trainees : def[params->tier][0];
    int ns = params->sites ? params->sites : def[params->tier][1];
    w.length = params->periods ? params->periods : def[params->tier][2];
    w.start_year = 2027;
    w.start_month = 1;
    w.rng.state = params->seed;

    PL_TRY(pli_gen_geography(&w, ns));
    PL_TRY(pli_gen_trainees(&w, nt));

    if (!(root = json_object())) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    snprintf(name, sizeof name, "Generated %s (seed %llu)", tier_name[params->tier],
             params->seed);
    PL_TRY(pli_json_set(root, "format", json_string("placera/1")));
    PL_TRY(pli_json_set(root, "name", json_string(name)));
    PL_TRY(pli_json_set(root, "x-generator", x = json_object()));
    PL_TRY(pli_json_set(x, "tier", json_string(tier_name[params->tier])));
    PL_TRY(pli_json_set(x, "seed", json_integer((json_int_t)(params->seed & 0x7fffffffffffffffULL))));
    PL_TRY(pli_json_set(x, "trainees", json_integer(w.n_trainees)));
    PL_TRY(pli_json_set(x, "sites", json_integer(w.n_sites)));
    PL_TRY(pli_json_set(x, "regions", json_integer(w.n_regions)));
    PL_TRY(pli_json_set(x, "areas", json_integer(w.n_areas)));
    PL_TRY(pli_json_set(root, "horizon", h = json_object()));
    PL_TRY(pli_json_set(h, "start", json_string("2027-01")));
    PL_TRY(pli_json_set(h, "unit", json_string("month")));
    PL_TRY(pli_json_set(h, "length", json_integer(w.length)));
    PL_TRY(pli_json_set(h, "open_end", json_true()));
    PL_TRY(pli_json_set(root, "rotations", rots = json_object()));
    for (int r = 0; r < G_NROT; r++) {
        json_t *rot = json_object();
        PL_TRY(pli_json_set(rots, pli_gen_rotation_id[r], rot));
        PL_TRY(pli_json_set(rot, "name", json_string(pli_gen_rotation_name[r])));
    }
    PL_TRY(pli_json_set(root, "sites", sites = json_object()));
    PL_TRY(pli_json_set(root, "supervisors", sups = json_object()));
    PL_TRY(pli_gen_emit_sites(&w, sites, sups));
    PL_TRY(pli_json_set(root, "programs", progs = json_object()));
    PL_TRY(pli_gen_emit_programs(progs));
    PL_TRY(pli_json_set(root, "trainees", trs = json_object()));
    PL_TRY(pli_gen_emit_trainees(&w, trs));
    PL_TRY(pli_json_set(root, "weights", wt = json_object()));
    PL_TRY(pli_json_set(wt, "unmet", json_integer(1000)));
    PL_TRY(pli_json_set(wt, "unassigned", json_integer(100)));
    PL_TRY(pli_json_set(wt, "understaffed", json_integer(200)));
    PL_TRY(pli_json_set(wt, "site_change", json_integer(2)));
    PL_TRY(pli_json_set(wt, "preference", json_integer(1)));
    PL_TRY(pli_json_set(wt, "priority", json_integer(1)));
    PL_TRY(pli_json_text(root, json));
cleanup:
    if (status == PL_ERR_NOMEM)
        pl_diags_add(diags, PL_SEV_ERROR, NULL, 0, 0, NULL, "out of memory");
    json_decref(root);
    pli_gen_free(&w);
    return status;
}
