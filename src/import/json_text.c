/*
 * json_text.c — small jansson helpers for the importers and the generator:
 * integral numbers as JSON integers, set/append that report failures as
 * pl_status, and the final dump in the project's layout.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "import/json_text.h"
#include "util/strutil.h"

pl_status pli_json_text(const json_t *root, char **text)
{
    char *dumped = json_dumps(root, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
    *text = NULL;
    if (!dumped)
        return PL_ERR_NOMEM;
    size_t n = strlen(dumped);
    char *out = realloc(dumped, n + 2);
    if (!out) {
        free(dumped);
        return PL_ERR_NOMEM;
    }
    out[n] = '\n';
    out[n + 1] = '\0';
    *text = out;
    return PL_OK;
}

json_t *pli_json_number(double value)
{
    if (isfinite(value) && value == floor(value) && fabs(value) < 9e15)
        return json_integer((json_int_t)value);
    return json_real(value);
}

pl_status pli_json_set(json_t *obj, const char *key, json_t *value)
{
    if (!value)
        return PL_ERR_NOMEM;
    return json_object_set_new(obj, key, value) == 0 ? PL_OK : PL_ERR_NOMEM;
}

pl_status pli_json_append(json_t *arr, json_t *value)
{
    if (!value)
        return PL_ERR_NOMEM;
    return json_array_append_new(arr, value) == 0 ? PL_OK : PL_ERR_NOMEM;
}
