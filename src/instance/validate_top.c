/*
 * validate_top.c — the top level of an instance document: allowed keys,
 * `format`, `name`, and the order in which the sections are validated
 * (horizon and ids first, so that every later reference can be resolved
 * whatever the order of the keys in the file).
 */
#include <stdlib.h>
#include <string.h>

#include "instance/validate.h"
#include "util/strutil.h"

static const char *const top_keys[] = {
    "format", "name", "horizon", "rotations", "sites", "supervisors",
    "programs", "trainees", "weights", "allocation", NULL};

static void section(pl_loader *L, json_t *root, const char *key,
                    void (*fn)(pl_loader *, json_t *))
{
    json_t *v = json_object_get(root, key);
    if (L->j.fatal != PL_OK)
        return; /* out of memory: later sections would read half-built ones */
    if (!v || !json_is_object(v))
        return; /* absent: empty; not an object: reported by pli_collect_ids */
    size_t m = pli_jpush(&L->j, key);
    fn(L, v);
    pli_jpop(&L->j, m);
}

/* Refuse an instance whose per-period arrays would be huge, before they
 * are allocated: one error per product over its limit (instance.h). */
static bool too_large(pl_loader *L)
{
    const pl_instance *inst = L->inst;
    double T = inst->horizon.length > 0 ? inst->horizon.length : 1;
    double nt = inst->n_trainees, ns = inst->n_sites, nr = inst->n_rotations;
    bool refused = false;
    size_t m = pli_jpush(&L->j, "trainees");
    if (nt * T > PL_MAX_TRAINEE_PERIODS) {
        pli_jerror(&L->j, "%.0f trainees over %.0f periods make %.0f trainee-periods, "
                         "more than placera's limit of %.0f; split the instance "
                         "(by program or region) or shorten the horizon",
                  nt, T, nt * T, PL_MAX_TRAINEE_PERIODS);
        refused = true;
    }
    if (nt * ns > PL_MAX_TRAINEE_SITES) {
        pli_jerror(&L->j, "%.0f trainees and %.0f sites make %.0f trainee-site pairs, "
                         "more than placera's limit of %.0f; split the instance "
                         "(by program or region)",
                  nt, ns, nt * ns, PL_MAX_TRAINEE_SITES);
        refused = true;
    }
    pli_jpop(&L->j, m);
    if (ns * nr * T > PL_MAX_SITE_PERIODS) {
        m = pli_jpush(&L->j, "sites");
        pli_jerror(&L->j, "%.0f sites, %.0f rotations and %.0f periods make %.0f "
                         "capacity cells, more than placera's limit of %.0f; "
                         "split the instance or shorten the horizon",
                  ns, nr, T, ns * nr * T, PL_MAX_SITE_PERIODS);
        pli_jpop(&L->j, m);
        refused = true;
    }
    return refused;
}

void pli_validate_document(pl_loader *L, json_t *root)
{
    pl_instance *inst = L->inst;
    pl_jctx *c = &L->j;
    char b[96];

    pli_jcheck_keys(c, root, top_keys);

    json_t *format = json_object_get(root, "format");
    if (!format) {
        pli_jmissing(c, "format", "must be \"placera/1\"");
    } else if (!json_is_string(format) ||
               strcmp(json_string_value(format), "placera/1")) {
        size_t m = pli_jpush(c, "format");
        pli_jerror(c, "must be \"placera/1\", got %s", pli_jdescribe(format, b));
        pli_jpop(c, m);
    }

    json_t *name = json_object_get(root, "name");
    const char *name_text = "";
    if (name) {
        size_t m = pli_jpush(c, "name");
        pli_jstring(c, name, &name_text);
        pli_jpop(c, m);
    }
    if (!(inst->name = pli_strdup(name_text)))
        c->fatal = PL_ERR_NOMEM;

    json_t *horizon = json_object_get(root, "horizon");
    if (!horizon) {
        pli_jmissing(c, "horizon", "start, unit and length of the plan");
    } else {
        size_t m = pli_jpush(c, "horizon");
        pli_validate_horizon(L, horizon);
        pli_jpop(c, m);
    }

    pli_weights_defaults(&inst->weights);
    json_t *w = json_object_get(root, "weights");
    if (w) {
        size_t m = pli_jpush(c, "weights");
        pli_validate_weights(L, w, &inst->weights, false);
        pli_jpop(c, m);
    }
    json_t *a = json_object_get(root, "allocation");
    if (a) {
        size_t m = pli_jpush(c, "allocation");
        pli_validate_allocation(L, a);
        pli_jpop(c, m);
    }

    pli_collect_ids(L, root);
    if (c->fatal != PL_OK || too_large(L))
        return;
    section(L, root, "rotations", pli_validate_rotations);
    section(L, root, "sites", pli_validate_sites);
    section(L, root, "supervisors", pli_validate_supervisors);
    section(L, root, "programs", pli_validate_programs);
    section(L, root, "trainees", pli_validate_trainees);
}

pl_status pli_instance_from_json(json_t *root, const char *file,
                                pl_instance **out, pl_diags *diags)
{
    return pli_instance_from_json_streamed(root, file, NULL, NULL, out, diags);
}

pl_status pli_instance_from_json_streamed(json_t *root, const char *file,
                                         const char *text, const pl_span *spans,
                                         pl_instance **out, pl_diags *diags)
{
    pl_status status = PL_OK;
    pl_loader L;
    char b[96];
    size_t keep = diags->count;

    *out = NULL;
    memset(&L, 0, sizeof L);
    L.text = text;
    L.spans = spans;
    pli_jctx_init(&L.j, file, diags);
    if (!json_is_object(root)) {
        pli_jerror(&L.j, "an instance must be a JSON object, got %s",
                  pli_jdescribe(root, b));
        status = L.j.fatal != PL_OK ? L.j.fatal : PL_ERR_INVALID;
        goto cleanup;
    }
    L.inst = calloc(1, sizeof *L.inst);
    if (!L.inst || !(L.inst->source = pli_strdup(file))) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    pli_validate_document(&L, root);
    if (L.slice_failed) {
        pl_diags_truncate(diags, keep);
        status = PL_ERR_SYNTAX;
        goto cleanup;
    }
    if (L.j.fatal != PL_OK) {
        status = L.j.fatal;
        goto cleanup;
    }
    if (L.j.errors > 0) {
        status = PL_ERR_INVALID;
        goto cleanup;
    }
    pli_instance_warnings(&L);
    if (L.j.fatal != PL_OK) {
        status = L.j.fatal;
        goto cleanup;
    }
    *out = L.inst;
    L.inst = NULL;
cleanup:
    pl_instance_free(L.inst);
    pli_strmap_free(&L.areas);
    pli_jctx_free(&L.j);
    return status;
}
