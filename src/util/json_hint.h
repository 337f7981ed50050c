/*
 * json_hint.h — a plain hint for the common slips behind a JSON syntax
 * error: a trailing comma, a comment, single quotes.  Shared by the
 * instance and scenario loader (src/instance/load.c) and the schedule
 * reader (src/schedule/read.c), which add it to jansson's message.
 */
#ifndef PL_JSON_HINT_H
#define PL_JSON_HINT_H

#include <stddef.h>

/* The hint for a syntax error that the parser reported at byte `position`
 * of `text` (jansson's json_error_t.position: just past the first
 * character of the token it could not take), or NULL when the error is
 * none of the slips:
 *   a } or ] after a comma    "remove the comma before } or ]"
 *   // or a slash-star comment "JSON has no comments; use a \"$comment\" key"
 *   a single quote             "JSON strings use double quotes" */
const char *pli_json_syntax_hint(const char *text, size_t length, size_t position);

#endif /* PL_JSON_HINT_H */
