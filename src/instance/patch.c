/*
 * patch.c — what-if scenarios (format.md §5.1): apply an RFC 7396 JSON Merge
 * Patch to the base instance and validate the result.  Messages about the
 * patched document name the scenario file; the scenario's own `name`
 * replaces the instance's name (it is just another key of the patch).
 * Several scenarios apply in order (`placera patch`).  When the patched
 * instance is invalid because the scenario names an id the base lacks (a
 * typo makes the merge patch add a new supervisor instead of changing
 * one), a note says so and names the closest id.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "instance/patch.h"
#include "instance/validate.h"

/* A shallow copy of an object that fails as a whole (jansson's json_copy
 * ignores a member it could not add, which would drop it silently). */
static json_t *copy_object(json_t *object)
{
    json_t *copy = json_object();
    const char *key;
    json_t *v;
    if (!copy)
        return NULL;
    json_object_foreach(object, key, v) {
        if (json_object_set(copy, key, v) != 0) {
            json_decref(copy);
            return NULL;
        }
    }
    return copy;
}

json_t *pli_json_merge_patch(json_t *target, json_t *patch)
{
    if (!json_is_object(patch))
        return json_incref(patch);
    json_t *result = json_is_object(target) ? copy_object(target) : json_object();
    if (!result)
        return NULL;
    const char *key;
    json_t *v;
    json_object_foreach(patch, key, v) {
        if (json_is_null(v)) {
            json_object_del(result, key);
            continue;
        }
        json_t *merged = pli_json_merge_patch(json_object_get(result, key), v);
        if (!merged || json_object_set_new(result, key, merged) != 0) {
            json_decref(result);
            return NULL;
        }
    }
    return result;
}

/* Edit distance of two short ids (for "did you mean"), capped at 64. */
static size_t distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b), row[65];
    if (n > 64 || m > 64)
        return 64;
    for (size_t j = 0; j <= m; j++)
        row[j] = j;
    for (size_t i = 1; i <= n; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= m; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[m];
}

static bool has_error_under(const pl_diags *diags, size_t from, const char *prefix)
{
    size_t n = strlen(prefix);
    for (size_t i = from; i < diags->count; i++) {
        const char *p = diags->items[i].path;
        if (diags->items[i].severity == PL_SEV_ERROR && p && !strncmp(p, prefix, n) &&
            (p[n] == '\0' || p[n] == '/'))
            return true;
    }
    return false;
}

/* The cause behind errors about a thing the scenario adds without meaning
 * to: an id of a keyed collection that the base lacks (usually a typo, so
 * the patch creates a new supervisor without a site instead of changing
 * one).  A note per such id with errors under it, naming the closest id of
 * the base. */
static pl_status explain_new_ids(json_t *base, json_t *patch, const char *file,
                                 const pl_diags *diags, size_t first, pl_diags *out)
{
    static const char *const collections[] = {"rotations", "sites", "supervisors",
                                              "programs", "trainees"};
    static const char *const kinds[] = {"rotation", "site", "supervisor", "program",
                                        "trainee"};
    for (size_t c = 0; c < sizeof collections / sizeof collections[0]; c++) {
        json_t *pc = json_object_get(patch, collections[c]);
        json_t *bc = json_object_get(base, collections[c]);
        const char *id, *other;
        json_t *v, *w;
        if (!json_is_object(pc))
            continue;
        json_object_foreach(pc, id, v) {
            char prefix[128];
            if (json_is_null(v) || (json_is_object(bc) && json_object_get(bc, id)))
                continue;
            snprintf(prefix, sizeof prefix, "/%s/%s", collections[c], id);
            if (!has_error_under(diags, first, prefix))
                continue;
            const char *best = NULL;
            size_t best_d = 64;
            if (json_is_object(bc))
                json_object_foreach(bc, other, w) {
                    size_t d = distance(id, other);
                    if (d < best_d) {
                        best_d = d;
                        best = other;
                    }
                }
            pl_status st;
            if (best && best_d <= 2)
                st = pl_diags_add(out, PL_SEV_NOTE, file, 0, 0, prefix,
                                  "the base has no %s '%s', so the scenario adds a new one "
                                  "instead of changing one (did you mean '%s'?)",
                                  kinds[c], id, best);
            else
                st = pl_diags_add(out, PL_SEV_NOTE, file, 0, 0, prefix,
                                  "the base has no %s '%s', so the scenario adds a new one, "
                                  "which needs everything a %s needs",
                                  kinds[c], id, kinds[c]);
            if (st != PL_OK)
                return st;
        }
    }
    return PL_OK;
}

/* Apply the scenario file to *doc (replaced by the merged document). */
static pl_status apply(json_t **doc, const char *scenario_path, json_t **patch_out,
                       pl_diags *diags)
{
    pl_status status = PL_OK;
    json_t *patch = NULL, *merged = NULL;
    char b[96];
    PL_TRY(pli_json_read_file(scenario_path, &patch, diags));
    if (!json_is_object(patch)) {
        if (pl_diags_add(diags, PL_SEV_ERROR, scenario_path, 0, 0, "",
                         "a scenario must be a JSON object (a merge patch), got %s",
                         pli_jdescribe(patch, b)) != PL_OK)
            status = PL_ERR_NOMEM;
        else
            status = PL_ERR_INVALID;
        goto cleanup;
    }
    merged = pli_json_merge_patch(*doc, patch);
    if (!merged) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    json_decref(*doc);
    *doc = merged;
    *patch_out = patch;
    patch = NULL;
cleanup:
    json_decref(patch);
    return status;
}

pl_status pl_instance_patch(const char *base_path, const char *const *scenarios,
                            size_t n, char **json, pl_instance **out,
                            pl_diags *diags)
{
    pl_status status = PL_OK;
    json_t *base = NULL, *doc = NULL, *patch = NULL;
    pl_instance *inst = NULL;
    const char *file = n > 0 ? scenarios[n - 1] : base_path;

    if (json)
        *json = NULL;
    if (out)
        *out = NULL;
    if (!base_path || (n > 0 && !scenarios) || !diags)
        return PL_ERR_USAGE;
    PL_TRY(pli_json_read_file(base_path, &base, diags));
    doc = json_incref(base);
    for (size_t i = 0; i < n; i++) {
        json_t *before = json_incref(doc);
        json_decref(patch);
        patch = NULL;
        status = apply(&doc, scenarios[i], &patch, diags);
        if (status != PL_OK) {
            json_decref(before);
            goto cleanup;
        }
        if (i + 1 < n) {
            json_decref(before);
            continue;
        }
        /* the last scenario: written out before validating (which may
         * release parts of the document as it goes), validated, and new
         * ids explained against what it was applied to */
        if (json && !(*json = json_dumps(doc, JSON_INDENT(2)))) {
            json_decref(before);
            status = PL_ERR_NOMEM;
            goto cleanup;
        }
        size_t first = diags->count;
        status = pli_instance_from_json(doc, file, &inst, diags);
        if (status == PL_ERR_INVALID)
            status = explain_new_ids(before, patch, file, diags, first, diags) == PL_OK
                         ? PL_ERR_INVALID : PL_ERR_NOMEM;
        json_decref(before);
        PL_TRY(status);
    }
    if (n == 0) {
        if (json && !(*json = json_dumps(doc, JSON_INDENT(2)))) {
            status = PL_ERR_NOMEM;
            goto cleanup;
        }
        PL_TRY(pli_instance_from_json(doc, file, &inst, diags));
    }
    if (out) {
        *out = inst;
        inst = NULL;
    }
cleanup:
    if (status != PL_OK && json) {
        free(*json);
        *json = NULL;
    }
    pl_instance_free(inst);
    json_decref(base);
    json_decref(doc);
    json_decref(patch);
    return status;
}

pl_status pl_instance_load_patched(const char *base_path,
                                   const char *scenario_path,
                                   pl_instance **out, pl_diags *diags)
{
    if (!base_path || !scenario_path || !diags || !out)
        return PL_ERR_USAGE;
    return pl_instance_patch(base_path, &scenario_path, 1, NULL, out, diags);
}
