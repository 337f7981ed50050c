/*
 * json_text.h — helpers shared by the importers and the generator for
 * building JSON with jansson: numbers that stay integers when they are, and
 * the final text in the project's layout (one-space indent, keys in the
 * order they were added).
 */
#ifndef PL_JSON_TEXT_H
#define PL_JSON_TEXT_H

#include <jansson.h>

#include "placera.h"

/* Dump `root` as text (JSON_INDENT(1) | JSON_PRESERVE_ORDER, trailing
 * newline) into *text, owned by the caller (free()). */
pl_status pli_json_text(const json_t *root, char **text);

/* A new JSON number: an integer when `value` is integral, else a real. */
json_t *pli_json_number(double value);

/* Set obj[key] = value, taking the reference; PL_ERR_NOMEM when value is
 * NULL or the set fails. */
pl_status pli_json_set(json_t *obj, const char *key, json_t *value);

/* Append value to arr, taking the reference. */
pl_status pli_json_append(json_t *arr, json_t *value);

#endif /* PL_JSON_TEXT_H */
