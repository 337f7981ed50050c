/*
 * validate.h — internal interface between the loader (load.c, patch.c) and
 * the validator, which is split by section of format.md §2 into
 * validate_*.c.  The validator fills a pl_instance from a parsed document,
 * collecting every problem into the diagnostics with its JSON pointer.
 */
#ifndef PL_VALIDATE_H
#define PL_VALIDATE_H

#include <jansson.h>
#include <stdbool.h>

#include "instance/instance.h"
#include "instance/json_read.h"
#include "instance/lookup.h"

typedef struct pl_loader {
    pl_jctx j;
    pl_instance *inst;
    bool horizon_ok;   /* the horizon is valid: periods can be computed */
    pl_strmap areas;   /* area name → index; keys are inst->areas strings */
    int areas_cap;
    unsigned broken;   /* bit per collection (PL_COLL_*) that is not an object */
    /* Streamed trainees (load_stream.c): when `spans` is set, the document's
     * "trainees" holds only the ids (null values) and trainee i is parsed
     * from text[spans[i].start .. +length] when it is validated. */
    const char *text;
    const struct pl_span *spans;
    bool slice_failed; /* a trainee's text did not parse: redo it whole */
} pl_loader;

typedef struct pl_span {
    size_t start, length;
} pl_span;

enum { PL_COLL_ROTATIONS = 1, PL_COLL_SITES = 2, PL_COLL_SUPERVISORS = 4,
       PL_COLL_PROGRAMS = 8, PL_COLL_TRAINEES = 16 };

/* Validate `root` (any JSON value) into a new instance.  `file` names the
 * document in messages.  PL_OK: *out owned by the caller, warnings may have
 * been added.  PL_ERR_INVALID: *out NULL, every problem in `diags`. */
pl_status pli_instance_from_json(json_t *root, const char *file,
                                pl_instance **out, pl_diags *diags);
/* The same with streamed trainees (text and spans as in pl_loader).
 * PL_ERR_SYNTAX when a trainee's text did not parse (nothing added to
 * `diags` then: the caller parses the whole text to report it). */
pl_status pli_instance_from_json_streamed(json_t *root, const char *file,
                                         const char *text, const pl_span *spans,
                                         pl_instance **out, pl_diags *diags);
/* load_stream.c: parse `text` and validate it, streaming the trainees of a
 * large file one at a time so that their JSON is never all in memory. */
pl_status pli_instance_load_text(const char *text, size_t length, const char *name,
                                pl_instance **out, pl_diags *diags);

/* load.c: read and parse a JSON file / text (syntax errors with line and
 * column; empty files, byte order marks, directories and unreadable files
 * refused).  On PL_OK *out is a new reference owned by the caller. */
pl_status pli_json_read_file(const char *path, json_t **out, pl_diags *diags);
pl_status pli_json_parse_text(const char *text, size_t length, const char *name,
                             json_t **out, pl_diags *diags);

/* validate_top.c: the whole document, section by section. */
void pli_validate_document(pl_loader *L, json_t *root);

/* validate_horizon.c: the horizon and every time value. */
void pli_validate_horizon(pl_loader *L, json_t *h);
/* A period number or date at the current path → period (may be outside). */
bool pli_vtime(pl_loader *L, const json_t *v, long *out);
/* {"from", "to"} at the current path; from <= to. */
bool pli_vrange(pl_loader *L, json_t *v, long *from, long *to);
/* Member `key` of `obj`, a list of ranges: clear available[p] inside them.
 * A range without "to" gets a warning (one period; `supervisor`: suggest
 * "end"). */
void pli_vunavailable(pl_loader *L, json_t *obj, const char *key, bool *available,
                     bool supervisor);
/* Members "start" and "end" of `obj` (a trainee's or a supervisor's
 * window, format.md 2.4, 2.6), cut to the horizon into *start and *end;
 * inside[p] is cleared outside them.  Left as they are when a value is
 * bad (the error is reported) or the horizon is. */
void pli_vwindow(pl_loader *L, json_t *obj, int *start, int *end, bool *inside);
/* A time that must lie inside the horizon (pins). */
bool pli_vtime_inside(pl_loader *L, const json_t *v, int *out);

/* validate_weights.c */
void pli_validate_weights(pl_loader *L, json_t *w, pl_weights *out, bool trainee);
void pli_validate_allocation(pl_loader *L, json_t *a);

/* validate_ids.c: allocate every collection and index it by id. */
void pli_collect_ids(pl_loader *L, json_t *root);
/* Resolve an id value at the current path; -1 with an error if unknown. */
int pli_vref(pl_loader *L, const json_t *v, const char *kind,
            int (*lookup)(const pl_instance *, const char *));
/* A list of distinct ids into a bool[n] mask; false on error. */
bool pli_vref_set(pl_loader *L, json_t *arr, const char *kind,
                 int (*lookup)(const pl_instance *, const char *), bool *mask);
int pli_intern_area(pl_loader *L, const char *name);

/* validate_rotations.c / _sites.c / _supervisors.c / _programs.c / _trainees.c */
void pli_validate_rotations(pl_loader *L, json_t *obj);
/* Member "name" of `obj` (any text) into *out (owned; replaced). */
void pli_vname(pl_loader *L, json_t *obj, char **out);
void pli_validate_sites(pl_loader *L, json_t *obj);
void pli_validate_supervisors(pl_loader *L, json_t *obj);
void pli_validate_programs(pl_loader *L, json_t *obj);
void pli_validate_trainees(pl_loader *L, json_t *obj);

/* validate_rules.c: requirement rules and choices (programs and trainees). */
void pli_rule_defaults(pl_rule *r);
void pli_rule_release(pl_rule *r);
pl_status pli_rule_copy(pl_rule *dst, const pl_rule *src, int n_sites);
/* Apply the fields of rule object `obj` (at the current path) onto `r`;
 * allow_null: a null field returns to its default (trainee overrides). */
void pli_vrule_fields(pl_loader *L, json_t *obj, pl_rule *r, int rotation,
                     bool allow_null);
/* min <= max, block_min <= block_max (reported at the current path). */
void pli_vrule_check(pl_loader *L, const pl_rule *r);
void pli_vchoices(pl_loader *L, json_t *arr, pl_choice **out, int *n);
pl_status pli_choices_copy(pl_choice **dst, int *n_dst, const pl_choice *src, int n);
void pli_choices_release(pl_choice *c, int n);

/* warnings.c: problems that do not stop loading. */
void pli_instance_warnings(pl_loader *L);

#endif /* PL_VALIDATE_H */
