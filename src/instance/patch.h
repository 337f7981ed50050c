/*
 * patch.h — the RFC 7396 JSON Merge Patch behind what-if scenarios
 * (format.md §5.1), exposed for pl_instance_load_patched and the tests.
 */
#ifndef PL_PATCH_H
#define PL_PATCH_H

#include <jansson.h>

/* MergePatch(target, patch) of RFC 7396, section 2.  `target` may be NULL
 * (absent) and is never modified.  Returns a new reference owned by the caller (it
 * may share unchanged members with `target` and `patch`), or NULL when an
 * allocation failed. */
json_t *pli_json_merge_patch(json_t *target, json_t *patch);

#endif /* PL_PATCH_H */
