/*
 * diag.h — for the library's own wrappers around pl_diags_add that format
 * a message first (the validator's pli_jerror, the schedule reader, the
 * checker): they pass the format they used as the message's kind, so that
 * "at most PL_DIAG_KIND_MAX of one kind" counts per message template.
 */
#ifndef PL_DIAG_H
#define PL_DIAG_H

#include "placera.h"

/* Append `message` (copied and made safe to print like every message) as
 * one of kind `kind` (a format string; NULL: the kind is worked out from
 * the text). */
pl_status pli_diags_add_kind(pl_diags *diags, const char *kind, pl_severity severity,
                            const char *file, int line, int column,
                            const char *path, const char *message);

#endif /* PL_DIAG_H */
