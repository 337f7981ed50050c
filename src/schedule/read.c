/*
 * read.c — read a schedule file (format.md §4) into a pl_schedule.
 *
 * The JSON is parsed strictly (duplicate keys are syntax errors with
 * line:column); unknown keys are errors except `x-*` and `$comment`; every
 * type is checked and reported with its JSON pointer (/placements/3/from).
 * Ids are resolved against the instance: an unknown id is an error, or, when
 * `lenient`, the entry is dropped with a warning (reference schedules of a
 * changed instance).  start_date / end_date are for people and ignored.  All
 * problems are reported, not only the first.
 */
#include <jansson.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "instance/json_read.h"
#include "schedule/schedule.h"
#include "util/json_hint.h"
#include "util/read_file.h"
#include "util/diag.h"
#include "util/strutil.h"

typedef struct reader {
    const pl_instance *inst;
    bool lenient;
    pl_jctx j; /* file, diagnostics, the JSON pointer of the value being
                * read, errors so far, PL_ERR_NOMEM once out of memory */
} reader;

typedef enum kind { K_TRAINEE, K_SITE, K_ROTATION, K_SUPERVISOR } kind;

static const char *kind_word[] = {"trainee", "site", "rotation", "supervisor"};

/* ---- paths and messages (through instance/json_read.h) ----------------- */

static void out_of_memory(reader *rd)
{
    rd->j.fatal = PL_ERR_NOMEM;
}

static const char *type_word(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER: return "an integer";
    case JSON_REAL: return "a number";
    case JSON_TRUE:
    case JSON_FALSE: return "a boolean";
    case JSON_NULL: return "null";
    }
    return "a value";
}

/* ---- typed getters: report at the current path, return success -------- */

static bool want_type(reader *rd, const json_t *v, bool ok, const char *what)
{
    if (!ok)
        pli_jreport(&rd->j, PL_SEV_ERROR, "must be %s, not %s", what, type_word(v));
    return ok;
}

static bool get_int(reader *rd, const json_t *v, int *out)
{
    if (!want_type(rd, v, json_is_integer(v), "an integer"))
        return false;
    json_int_t i = json_integer_value(v);
    if (i < INT_MIN || i > INT_MAX) {
        pli_jreport(&rd->j, PL_SEV_ERROR, "integer out of range");
        return false;
    }
    *out = (int)i;
    return true;
}

static bool get_real_or_null(reader *rd, const json_t *v, double *out)
{
    if (json_is_null(v)) {
        *out = NAN;
        return true;
    }
    if (!want_type(rd, v, json_is_number(v), "a number or null"))
        return false;
    *out = json_number_value(v);
    return true;
}

static bool get_real(reader *rd, const json_t *v, double *out)
{
    if (!want_type(rd, v, json_is_number(v), "a number"))
        return false;
    *out = json_number_value(v);
    return true;
}

static char *copy_string(reader *rd, const char *s)
{
    char *c = pli_strdup(s);
    if (!c)
        out_of_memory(rd);
    return c;
}

static int lookup(const pl_instance *inst, kind k, const char *id)
{
    switch (k) {
    case K_TRAINEE: return pli_instance_trainee_index(inst, id);
    case K_SITE: return pli_instance_site_index(inst, id);
    case K_ROTATION: return pli_instance_rotation_index(inst, id);
    case K_SUPERVISOR: return pli_instance_supervisor_index(inst, id);
    }
    return -1;
}

/* Resolve an id; unknown ids are errors, or warnings when lenient.  Sets
 * *drop when the entry must be dropped. */
static int resolve(reader *rd, kind k, const char *id, bool *drop)
{
    int i = lookup(rd->inst, k, id);
    if (i < 0) {
        pli_jreport(&rd->j, rd->lenient ? PL_SEV_WARNING : PL_SEV_ERROR,
                   "unknown %s \"%s\"%s", kind_word[k], id,
                   rd->lenient ? "; entry ignored" : "");
        *drop = true;
    }
    return i;
}

/* ---- fields of one entry ---------------------------------------------- */

typedef struct field {
    const char *name;
    enum { F_ID, F_INT, F_DATE, F_OPT_ID, F_TEXT } type; /* F_TEXT: any string */
    kind k;
    bool required;
} field;

typedef struct entry {
    const char *ids[8];   /* by field position, NULL when absent */
    int index[8];         /* resolved ids, -1 when absent or unknown */
    int ints[8];
    bool has[8];          /* present with a good value */
    bool seen[8];         /* present at all */
    bool bad, drop;
} entry;

/* Read object `v` with the given fields (at most 8); values land in the
 * entry at the field's position. */
static void read_entry(reader *rd, const json_t *v, const field *fields,
                       int n_fields, entry *e)
{
    memset(e, 0, sizeof *e);
    for (int i = 0; i < 8; i++)
        e->index[i] = -1;
    if (!want_type(rd, v, json_is_object(v), "an object")) {
        e->bad = true;
        return;
    }
    const char *key;
    json_t *val;
    json_object_foreach((json_t *)v, key, val) {
        int f = 0;
        while (f < n_fields && strcmp(fields[f].name, key) != 0)
            f++;
        size_t old = pli_jpush(&rd->j, key);
        if (f == n_fields) {
            if (!pli_jfree_key(key)) {
                pli_jreport(&rd->j, PL_SEV_ERROR, "unknown key \"%s\"", key);
                e->bad = true;
            }
            pli_jpop(&rd->j, old);
            continue;
        }
        e->seen[f] = true;
        switch (fields[f].type) {
        case F_OPT_ID:
            if (json_is_null(val))
                break;
            /* fall through */
        case F_ID:
            if (!want_type(rd, val, json_is_string(val), "a string id")) {
                e->bad = true;
                break;
            }
            e->has[f] = true;
            e->ids[f] = json_string_value(val);
            if (fields[f].type == F_OPT_ID && rd->lenient &&
                lookup(rd->inst, fields[f].k, e->ids[f]) < 0) {
                /* a reference row outlives its supervisor: keep the
                 * placement, forget the name */
                pli_jreport(&rd->j, PL_SEV_WARNING, "unknown %s \"%s\"; name ignored",
                           kind_word[fields[f].k], e->ids[f]);
                e->ids[f] = NULL;
                e->index[f] = -1;
                break;
            }
            e->index[f] = resolve(rd, fields[f].k, e->ids[f], &e->drop);
            break;
        case F_INT:
            if (get_int(rd, val, &e->ints[f]))
                e->has[f] = true;
            else
                e->bad = true;
            break;
        case F_DATE:
            if (!want_type(rd, val, json_is_string(val), "a date string"))
                e->bad = true;
            break;
        case F_TEXT:
            if (!want_type(rd, val, json_is_string(val), "a string"))
                e->bad = true;
            else
                e->ids[f] = json_string_value(val);
            break;
        }
        pli_jpop(&rd->j, old);
    }
    for (int f = 0; f < n_fields; f++)
        if (fields[f].required && !e->seen[f]) {
            pli_jreport(&rd->j, PL_SEV_ERROR, "missing \"%s\"", fields[f].name);
            e->bad = true;
        }
}

/* Check from..to against the horizon; a bad range is an error, or dropped
 * with a warning when lenient. */
static bool check_range(reader *rd, int from, int to, bool *drop)
{
    int len = rd->inst->horizon.length;
    if (from < 0 || to < from || to >= len) {
        pli_jreport(&rd->j, rd->lenient ? PL_SEV_WARNING : PL_SEV_ERROR,
                   "periods %d to %d are not a range inside the horizon 0 to %d%s",
                   from, to, len - 1, rd->lenient ? "; entry ignored" : "");
        *drop = true;
        return false;
    }
    return true;
}

static void *grow(reader *rd, void *arr, size_t n, size_t elem)
{
    /* arrays are sized exactly to the JSON array, so this runs once */
    void *p = calloc(n ? n : 1, elem);
    (void)arr;
    if (!p)
        out_of_memory(rd);
    return p;
}

/* ---- the sections ------------------------------------------------------ */

static void read_placements(reader *rd, const json_t *v, pl_schedule *s)
{
    static const field fields[] = {
        {"trainee", F_ID, K_TRAINEE, true},   {"site", F_ID, K_SITE, true},
        {"rotation", F_ID, K_ROTATION, true}, {"supervisor", F_OPT_ID, K_SUPERVISOR, false},
        {"from", F_INT, 0, true},             {"to", F_INT, 0, false},
        {"start_date", F_DATE, 0, false},     {"end_date", F_DATE, 0, false},
    };
    if (!want_type(rd, v, json_is_array(v), "an array"))
        return;
    size_t n = json_array_size(v);
    if (!(s->rows = grow(rd, NULL, n, sizeof *s->rows)) ||
        !(s->dropped = grow(rd, NULL, n, sizeof *s->dropped)))
        return;
    for (size_t i = 0; i < n; i++) {
        entry e;
        size_t old = pli_jpush_index(&rd->j, i);
        read_entry(rd, json_array_get(v, i), fields, 8, &e);
        if (e.has[4]) {
            int from = e.ints[4], to = e.has[5] ? e.ints[5] : from;
            if (!check_range(rd, from, to, &e.drop))
                e.bad |= !rd->lenient;
            bool gone = e.drop && !e.bad && e.index[0] >= 0 &&
                        (e.index[1] < 0 || e.index[2] < 0) && from >= 0 &&
                        from <= to; /* a site or rotation gone: remembered */
            if ((!e.bad && !e.drop) || gone) {
                pl_row *r = gone ? &s->dropped[s->n_dropped++] : &s->rows[s->n_rows++];
                r->trainee = copy_string(rd, e.ids[0]);
                r->site = copy_string(rd, e.ids[1]);
                r->rotation = copy_string(rd, e.ids[2]);
                r->supervisor = e.ids[3] ? copy_string(rd, e.ids[3]) : NULL;
                r->t = e.index[0];
                r->s = e.index[1];
                r->r = e.index[2];
                r->sup = e.index[3];
                r->from = from;
                r->to = to;
            }
        }
        pli_jpop(&rd->j, old);
    }
}

static void read_pairs(reader *rd, const json_t *v, kind value_kind,
                       pl_pair **out, size_t *n_out)
{
    if (!want_type(rd, v, json_is_object(v), "an object"))
        return;
    if (!(*out = grow(rd, NULL, json_object_size(v), sizeof **out)))
        return;
    const char *key;
    json_t *val;
    json_object_foreach((json_t *)v, key, val) {
        size_t old = pli_jpush(&rd->j, key);
        bool drop = false;
        if (want_type(rd, val, json_is_string(val), "a string id")) {
            int ki = resolve(rd, K_TRAINEE, key, &drop);
            int vi = resolve(rd, value_kind, json_string_value(val), &drop);
            if (!drop) {
                pl_pair *p = &(*out)[(*n_out)++];
                p->key = copy_string(rd, key);
                p->value = copy_string(rd, json_string_value(val));
                p->key_index = ki;
                p->value_index = vi;
            }
        }
        pli_jpop(&rd->j, old);
    }
}

static void read_unmet(reader *rd, const json_t *v, pl_schedule *s)
{
    static const field fields[] = {
        {"trainee", F_ID, K_TRAINEE, true},
        {"rotation", F_ID, K_ROTATION, true},
        {"missing", F_INT, 0, true},
        {"why", F_TEXT, 0, false},
    };
    if (!want_type(rd, v, json_is_array(v), "an array"))
        return;
    size_t n = json_array_size(v);
    if (!(s->unmet = grow(rd, NULL, n, sizeof *s->unmet)))
        return;
    for (size_t i = 0; i < n; i++) {
        entry e;
        size_t old = pli_jpush_index(&rd->j, i);
        read_entry(rd, json_array_get(v, i), fields, 4, &e);
        if (!e.bad && !e.drop) {
            pl_unmet_row *u = &s->unmet[s->n_unmet++];
            if (e.ids[3])
                u->why = copy_string(rd, e.ids[3]);
            u->trainee = copy_string(rd, e.ids[0]);
            u->rotation = copy_string(rd, e.ids[1]);
            u->t = e.index[0];
            u->r = e.index[1];
            u->missing = e.ints[2];
        }
        pli_jpop(&rd->j, old);
    }
}

static void read_spans(reader *rd, const json_t *v, bool understaffed,
                       pl_span_row **out, size_t *n_out)
{
    static const field unassigned_fields[] = {
        {"trainee", F_ID, K_TRAINEE, true},
        {"from", F_INT, 0, true},
        {"to", F_INT, 0, false},
    };
    static const field understaffed_fields[] = {
        {"site", F_ID, K_SITE, true},
        {"rotation", F_ID, K_ROTATION, true},
        {"missing", F_INT, 0, true},
        {"from", F_INT, 0, true},
        {"to", F_INT, 0, false},
        {"why", F_TEXT, 0, false},
    };
    if (!want_type(rd, v, json_is_array(v), "an array"))
        return;
    size_t n = json_array_size(v);
    if (!(*out = grow(rd, NULL, n, sizeof **out)))
        return;
    for (size_t i = 0; i < n; i++) {
        entry e;
        size_t old = pli_jpush_index(&rd->j, i);
        if (understaffed)
            read_entry(rd, json_array_get(v, i), understaffed_fields, 6, &e);
        else
            read_entry(rd, json_array_get(v, i), unassigned_fields, 3, &e);
        int from = 0, to = 0;
        /* from / to are fields 1, 2 (unassigned) or 3, 4 (understaffed) */
        int fi = understaffed ? 3 : 1;
        if (e.has[fi]) {
            from = e.ints[fi];
            to = e.has[fi + 1] ? e.ints[fi + 1] : from;
            if (!check_range(rd, from, to, &e.drop))
                e.bad |= !rd->lenient;
        }
        if (!e.bad && !e.drop) {
            pl_span_row *sp = &(*out)[(*n_out)++];
            sp->t = sp->s = sp->r = -1;
            sp->from = from;
            sp->to = to;
            if (understaffed) {
                sp->site = copy_string(rd, e.ids[0]);
                sp->rotation = copy_string(rd, e.ids[1]);
                sp->s = e.index[0];
                sp->r = e.index[1];
                sp->missing = e.ints[2];
                if (e.ids[5])
                    sp->why = copy_string(rd, e.ids[5]);
            } else {
                sp->trainee = copy_string(rd, e.ids[0]);
                sp->t = e.index[0];
            }
        }
        pli_jpop(&rd->j, old);
    }
}

static void read_costs(reader *rd, const json_t *v, pl_schedule *s)
{
    pl_costs *c = &s->costs;
    struct { const char *name; double *value; } terms[] = {
        {"unmet", &c->unmet}, {"unassigned", &c->unassigned}, {"idle", &c->idle},
        {"site_change", &c->site_change}, {"preference", &c->preference},
        {"change", &c->change}, {"rank", &c->rank},
        {"unallocated", &c->unallocated}, {"no_mentor", &c->no_mentor},
        {"understaffed", &c->understaffed}, {"priority", &c->priority},
        {"fairness", &c->fairness},
    };
    if (json_is_null(v))
        return;
    if (!want_type(rd, v, json_is_object(v), "an object"))
        return;
    s->has_costs = true;
    const char *key;
    json_t *val;
    json_object_foreach((json_t *)v, key, val) {
        size_t old = pli_jpush(&rd->j, key);
        size_t i = 0, n = sizeof terms / sizeof terms[0];
        while (i < n && strcmp(terms[i].name, key) != 0)
            i++;
        if (i < n)
            get_real(rd, val, terms[i].value);
        else if (!pli_jfree_key(key))
            pli_jreport(&rd->j, PL_SEV_ERROR, "unknown cost term \"%s\"", key);
        pli_jpop(&rd->j, old);
    }
}

static void read_trainee_costs(reader *rd, const json_t *v, pl_schedule *s)
{
    if (json_is_null(v))
        return;
    if (!want_type(rd, v, json_is_object(v), "an object"))
        return;
    if (!(s->trainee_costs = grow(rd, NULL, json_object_size(v),
                                  sizeof *s->trainee_costs)))
        return;
    const char *key;
    json_t *val;
    json_object_foreach((json_t *)v, key, val) {
        size_t old = pli_jpush(&rd->j, key);
        bool drop = false;
        double d;
        if (get_real(rd, val, &d)) {
            int t = resolve(rd, K_TRAINEE, key, &drop);
            if (!drop) {
                pl_named_value *nv = &s->trainee_costs[s->n_trainee_costs++];
                nv->id = copy_string(rd, key);
                nv->index = t;
                nv->value = d;
            }
        }
        pli_jpop(&rd->j, old);
    }
}

static void read_reasons(reader *rd, const json_t *v, pl_schedule *s)
{
    if (!want_type(rd, v, json_is_array(v), "an array"))
        return;
    size_t n = json_array_size(v);
    if (!(s->reasons = grow(rd, NULL, n, sizeof *s->reasons)))
        return;
    for (size_t i = 0; i < n; i++) {
        json_t *r = json_array_get(v, i);
        size_t old = pli_jpush_index(&rd->j, i);
        if (want_type(rd, r, json_is_string(r), "a string"))
            s->reasons[s->n_reasons++] = copy_string(rd, json_string_value(r));
        pli_jpop(&rd->j, old);
    }
}

static void read_status(reader *rd, const json_t *v, pl_schedule *s)
{
    if (!want_type(rd, v, json_is_string(v), "a string"))
        return;
    const char *w = json_string_value(v);
    for (int k = PL_RESULT_OPTIMAL; k <= PL_RESULT_NO_SOLUTION; k++)
        if (strcmp(w, pli_result_name((pl_result)k)) == 0) {
            s->status = (pl_result)k;
            return;
        }
    pli_jreport(&rd->j, PL_SEV_ERROR,
               "unknown status \"%s\" (optimal, feasible, infeasible or no_solution)", w);
}

static void read_root(reader *rd, const json_t *root, pl_schedule *s)
{
    bool seen_format = false, seen_status = false, seen_placements = false;
    const char *key;
    json_t *v;
    if (!want_type(rd, root, json_is_object(root), "an object"))
        return;
    json_object_foreach((json_t *)root, key, v) {
        size_t old = pli_jpush(&rd->j, key);
        if (strcmp(key, "format") == 0) {
            seen_format = true;
            if (want_type(rd, v, json_is_string(v), "a string") &&
                strcmp(json_string_value(v), "placera-schedule/1") != 0)
                pli_jreport(&rd->j, PL_SEV_ERROR,
                           "format must be \"placera-schedule/1\", not \"%s\"",
                           json_string_value(v));
        } else if (strcmp(key, "instance") == 0) {
            if (want_type(rd, v, json_is_string(v), "a string")) {
                free(s->instance_name);
                s->instance_name = copy_string(rd, json_string_value(v));
            }
        } else if (strcmp(key, "status") == 0) {
            seen_status = true;
            read_status(rd, v, s);
        } else if (strcmp(key, "cost") == 0) {
            if (get_real_or_null(rd, v, &s->cost) && !json_is_null(v))
                s->has_cost = true;
        } else if (strcmp(key, "bound") == 0) {
            if (get_real_or_null(rd, v, &s->bound) && !json_is_null(v))
                s->has_cost = true;
        } else if (strcmp(key, "gap") == 0) {
            if (get_real_or_null(rd, v, &s->gap) && !json_is_null(v))
                s->has_cost = true;
        } else if (strcmp(key, "seconds") == 0) {
            get_real_or_null(rd, v, &s->seconds);
        } else if (strcmp(key, "placements") == 0) {
            seen_placements = true;
            read_placements(rd, v, s);
        } else if (strcmp(key, "homes") == 0) {
            read_pairs(rd, v, K_SITE, &s->homes, &s->n_homes);
        } else if (strcmp(key, "mentors") == 0) {
            read_pairs(rd, v, K_SUPERVISOR, &s->mentors, &s->n_mentors);
        } else if (strcmp(key, "unmet") == 0) {
            read_unmet(rd, v, s);
        } else if (strcmp(key, "unassigned") == 0) {
            read_spans(rd, v, false, &s->unassigned, &s->n_unassigned);
        } else if (strcmp(key, "understaffed") == 0) {
            read_spans(rd, v, true, &s->understaffed, &s->n_understaffed);
        } else if (strcmp(key, "costs") == 0) {
            read_costs(rd, v, s);
        } else if (strcmp(key, "trainee_costs") == 0) {
            read_trainee_costs(rd, v, s);
        } else if (strcmp(key, "reasons") == 0) {
            read_reasons(rd, v, s);
        } else if (!pli_jfree_key(key)) {
            pli_jreport(&rd->j, PL_SEV_ERROR, "unknown key \"%s\"", key);
        }
        pli_jpop(&rd->j, old);
    }
    if (!seen_format)
        pli_jreport(&rd->j, PL_SEV_ERROR, "missing 'format' (\"placera-schedule/1\")");
    if (!seen_status)
        pli_jreport(&rd->j, PL_SEV_ERROR, "missing 'status'");
    if (!seen_placements)
        pli_jreport(&rd->j, PL_SEV_ERROR, "missing 'placements'");
}

/* Read the whole file into memory (util/read_file.h); *text belongs to the
 * caller. */
static pl_status slurp(const char *path, char **text, size_t *length,
                       pl_diags *diags)
{
    pl_read_words words;
    pli_read_words_init(&words);
    words.cannot_open = "cannot open the schedule";
    words.cannot_read = "cannot read the schedule";
    return pli_read_file(path, &words, text, length, diags);
}

pl_status pl_schedule_load_string(const char *text, size_t length,
                                  const char *name, const pl_instance *instance,
                                  bool lenient, pl_schedule **out,
                                  pl_diags *diags)
{
    pl_status status = PL_OK;
    json_t *root = NULL;
    json_error_t err;
    pl_schedule *s = NULL;
    reader rd = {instance, lenient, {0}};

    if (out)
        *out = NULL;
    if (!text || !name || !instance || !out || !diags)
        return PL_ERR_USAGE;
    root = json_loadb(text, length, JSON_REJECT_DUPLICATES, &err);
    if (!root) {
        const char *hint = pli_json_syntax_hint(text, length, (size_t)err.position);
        if (pl_diags_add(diags, PL_SEV_ERROR, name, err.line > 0 ? err.line : 1,
                         err.column > 0 ? err.column : 1, NULL, "%s%s%s%s",
                         err.text, hint ? " (" : "", hint ? hint : "",
                         hint ? ")" : "") != PL_OK)
            status = PL_ERR_NOMEM;
        else
            status = PL_ERR_SYNTAX;
        goto cleanup;
    }
    if (!(s = calloc(1, sizeof *s)) || !(s->instance_name = pli_strdup(""))) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    s->cost = s->bound = s->gap = NAN;
    s->seconds = 0.0;
    pli_jctx_init(&rd.j, name, diags);
    if (!rd.j.path.data) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    read_root(&rd, root, s);
    if (rd.j.fatal != PL_OK) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    if (rd.j.errors) {
        status = PL_ERR_INVALID;
        goto cleanup;
    }
    if (!isfinite(s->seconds))
        s->seconds = 0.0;
    *out = s;
    s = NULL;
cleanup:
    pl_schedule_free(s);
    json_decref(root);
    pli_jctx_free(&rd.j);
    return status;
}

pl_status pl_schedule_load(const char *path, const pl_instance *instance,
                           bool lenient, pl_schedule **out, pl_diags *diags)
{
    pl_status status = PL_OK;
    char *text = NULL;
    size_t length = 0;

    if (out)
        *out = NULL;
    if (!path || !instance || !out || !diags)
        return PL_ERR_USAGE;
    PL_TRY(slurp(path, &text, &length, diags));
    status = pl_schedule_load_string(text, length, path, instance, lenient, out,
                                     diags);
cleanup:
    free(text);
    return status;
}
