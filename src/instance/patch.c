/*
 * patch.c — what-if scenarios (format.md §5.1): apply an RFC 7396 JSON Merge
 * Patch to the base instance and validate the result.  Messages about the
 * patched document name the scenario file; the scenario's own `name`
 * replaces the instance's name (it is just another key of the patch).
 */
#include <string.h>

#include "instance/patch.h"
#include "instance/validate.h"

json_t *pl_json_merge_patch(json_t *target, json_t *patch)
{
    if (!json_is_object(patch))
        return json_incref(patch);
    json_t *result = json_is_object(target) ? json_copy(target) : json_object();
    if (!result)
        return NULL;
    const char *key;
    json_t *v;
    json_object_foreach(patch, key, v) {
        if (json_is_null(v)) {
            json_object_del(result, key);
            continue;
        }
        json_t *merged = pl_json_merge_patch(json_object_get(result, key), v);
        if (!merged || json_object_set_new(result, key, merged) != 0) {
            json_decref(result);
            return NULL;
        }
    }
    return result;
}

pl_status pl_instance_load_patched(const char *base_path,
                                   const char *scenario_path,
                                   pl_instance **out, pl_diags *diags)
{
    pl_status status = PL_OK;
    json_t *base = NULL, *patch = NULL, *doc = NULL;
    char b[96];

    *out = NULL;
    if (!base_path || !scenario_path || !diags)
        return PL_ERR_USAGE;
    PL_TRY(pl_json_read_file(base_path, &base, diags));
    PL_TRY(pl_json_read_file(scenario_path, &patch, diags));
    if (!json_is_object(patch)) {
        if (pl_diags_add(diags, PL_SEV_ERROR, scenario_path, 0, 0, "",
                         "a scenario must be a JSON object (a merge patch), got %s",
                         pl_jdescribe(patch, b)) != PL_OK)
            status = PL_ERR_NOMEM;
        else
            status = PL_ERR_INVALID;
        goto cleanup;
    }
    doc = pl_json_merge_patch(base, patch);
    if (!doc) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    status = pl_instance_from_json(doc, scenario_path, out, diags);
cleanup:
    json_decref(base);
    json_decref(patch);
    json_decref(doc);
    return status;
}
