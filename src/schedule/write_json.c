/*
 * write_json.c — the schedule as JSON, exactly as format.md §4 shows it:
 * keys in the order of the example, two-space indentation, one placement per
 * line, reals that read back exactly.  The text is built in memory and
 * written at once, so the same schedule always gives the same bytes.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "instance/dates.h"
#include "schedule/schedule.h"
#include "util/strutil.h"

void pli_format_real(double v, char buf[32])
{
    if (!isfinite(v)) {
        strcpy(buf, "null");
        return;
    }
    if (v == 0.0) {
        strcpy(buf, "0.0"); /* also for -0.0 */
        return;
    }
    if (v == floor(v) && fabs(v) < 1e15) {
        snprintf(buf, 32, "%.1f", v);
        return;
    }
    snprintf(buf, 32, "%.15g", v);
    if (strtod(buf, NULL) != v)
        snprintf(buf, 32, "%.17g", v);
    /* "1e+20" is a JSON number already; make sure integral-looking text
     * without exponent or point stays a real for readers. */
    if (!strpbrk(buf, ".eEn"))
        strcat(buf, ".0");
}

/* Append s as a JSON string: quotes, backslashes and control characters
 * escaped; other bytes (UTF-8) copied as they are. */
static void put_string(pl_buf *b, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    pli_buf_append(b, "\"", 1);
    for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
        switch (*c) {
        case '"': pli_buf_append(b, "\\\"", 2); break;
        case '\\': pli_buf_append(b, "\\\\", 2); break;
        case '\n': pli_buf_append(b, "\\n", 2); break;
        case '\r': pli_buf_append(b, "\\r", 2); break;
        case '\t': pli_buf_append(b, "\\t", 2); break;
        case '\b': pli_buf_append(b, "\\b", 2); break;
        case '\f': pli_buf_append(b, "\\f", 2); break;
        default:
            if (*c < 0x20 || *c == 0x7f) {
                char u[7] = {'\\', 'u', '0', '0', hex[*c >> 4], hex[*c & 15], 0};
                pli_buf_append(b, u, 6);
            } else {
                pli_buf_append(b, (const char *)c, 1);
            }
        }
    }
    pli_buf_append(b, "\"", 1);
}

static void put_real(pl_buf *b, double v)
{
    char num[32];
    pli_format_real(v, num);
    pli_buf_puts(b, num);
}

static void put_key(pl_buf *b, const char *indent, const char *key)
{
    pli_buf_puts(b, indent);
    put_string(b, key);
    pli_buf_puts(b, ": ");
}

static void put_date(pl_buf *b, const pl_instance *inst, int p, bool last)
{
    int y, m, d;
    char date[11];
    if (last)
        pli_period_last_day(&inst->horizon, p, &y, &m, &d);
    else
        pli_period_first_day(&inst->horizon, p, &y, &m, &d);
    pli_format_date(y, m, d, date);
    put_string(b, date);
}

static void put_placements(pl_buf *b, const pl_schedule *s,
                           const pl_instance *inst)
{
    pli_buf_puts(b, "  \"placements\": [");
    for (size_t i = 0; i < s->n_rows; i++) {
        const pl_row *r = &s->rows[i];
        pli_buf_puts(b, i ? ",\n    {" : "\n    {");
        put_key(b, "", "trainee");
        put_string(b, r->trainee);
        put_key(b, ", ", "site");
        put_string(b, r->site);
        put_key(b, ", ", "rotation");
        put_string(b, r->rotation);
        pli_buf_printf(b, ", \"from\": %d, \"to\": %d", r->from, r->to);
        if (inst) {
            put_key(b, ", ", "start_date");
            put_date(b, inst, r->from, false);
            put_key(b, ", ", "end_date");
            put_date(b, inst, r->to, true);
        }
        if (r->supervisor) {
            put_key(b, ", ", "supervisor");
            put_string(b, r->supervisor);
        }
        pli_buf_puts(b, "}");
    }
    pli_buf_puts(b, s->n_rows ? "\n  ],\n" : "],\n");
}

static void put_pairs(pl_buf *b, const char *key, const pl_pair *pairs,
                      size_t n)
{
    put_key(b, "  ", key);
    pli_buf_puts(b, "{");
    for (size_t i = 0; i < n; i++) {
        pli_buf_puts(b, i ? ",\n    " : "\n    ");
        put_string(b, pairs[i].key);
        pli_buf_puts(b, ": ");
        put_string(b, pairs[i].value);
    }
    pli_buf_puts(b, n ? "\n  },\n" : "},\n");
}

static void put_unmet(pl_buf *b, const pl_schedule *s)
{
    pli_buf_puts(b, "  \"unmet\": [");
    for (size_t i = 0; i < s->n_unmet; i++) {
        const pl_unmet_row *u = &s->unmet[i];
        pli_buf_puts(b, i ? ",\n    {" : "\n    {");
        put_key(b, "", "trainee");
        put_string(b, u->trainee);
        put_key(b, ", ", "rotation");
        put_string(b, u->rotation);
        pli_buf_printf(b, ", \"missing\": %d", u->missing);
        if (u->why) {
            put_key(b, ", ", "why");
            put_string(b, u->why);
        }
        pli_buf_puts(b, "}");
    }
    pli_buf_puts(b, s->n_unmet ? "\n  ],\n" : "],\n");
}

static void put_spans(pl_buf *b, const char *key, const pl_span_row *rows,
                      size_t n, bool understaffed)
{
    put_key(b, "  ", key);
    pli_buf_puts(b, "[");
    for (size_t i = 0; i < n; i++) {
        const pl_span_row *r = &rows[i];
        pli_buf_puts(b, i ? ",\n    {" : "\n    {");
        if (understaffed) {
            put_key(b, "", "site");
            put_string(b, r->site ? r->site : "");
            put_key(b, ", ", "rotation");
            put_string(b, r->rotation ? r->rotation : "");
            pli_buf_printf(b, ", \"from\": %d, \"to\": %d, \"missing\": %d",
                          r->from, r->to, r->missing);
            if (r->why) {
                put_key(b, ", ", "why");
                put_string(b, r->why);
            }
            pli_buf_puts(b, "}");
        } else {
            put_key(b, "", "trainee");
            put_string(b, r->trainee ? r->trainee : "");
            pli_buf_printf(b, ", \"from\": %d, \"to\": %d}", r->from, r->to);
        }
    }
    pli_buf_puts(b, n ? "\n  ],\n" : "],\n");
}

static void put_costs(pl_buf *b, const pl_costs *c)
{
    const struct { const char *name; double value; } terms[] = {
        {"unmet", c->unmet}, {"unassigned", c->unassigned}, {"idle", c->idle},
        {"site_change", c->site_change}, {"preference", c->preference},
        {"change", c->change}, {"rank", c->rank},
        {"unallocated", c->unallocated}, {"no_mentor", c->no_mentor},
        {"understaffed", c->understaffed}, {"priority", c->priority},
        {"fairness", c->fairness},
    };
    pli_buf_puts(b, "  \"costs\": {");
    for (size_t i = 0; i < sizeof terms / sizeof terms[0]; i++) {
        pli_buf_puts(b, i ? ",\n    " : "\n    ");
        put_key(b, "", terms[i].name);
        put_real(b, terms[i].value);
    }
    pli_buf_puts(b, "\n  }");
}

static void put_trainee_costs(pl_buf *b, const pl_schedule *s)
{
    pli_buf_puts(b, "  \"trainee_costs\": {");
    for (size_t i = 0; i < s->n_trainee_costs; i++) {
        pli_buf_puts(b, i ? ",\n    " : "\n    ");
        put_key(b, "", s->trainee_costs[i].id);
        put_real(b, s->trainee_costs[i].value);
    }
    pli_buf_puts(b, s->n_trainee_costs ? "\n  }" : "}");
}

static void put_reasons(pl_buf *b, const pl_schedule *s)
{
    pli_buf_puts(b, "  \"reasons\": [");
    for (size_t i = 0; i < s->n_reasons; i++) {
        pli_buf_puts(b, i ? ",\n    " : "\n    ");
        put_string(b, s->reasons[i]);
    }
    pli_buf_puts(b, s->n_reasons ? "\n  ]" : "]");
}

/* Writes the whole document; the stream stays owned by the caller. */
pl_status pli_schedule_write_json(const pl_schedule *s, const pl_instance *inst,
                                 FILE *out)
{
    pl_status status = PL_OK;
    pl_buf b = {0};
    bool failed = s->status == PL_RESULT_INFEASIBLE ||
                  s->status == PL_RESULT_NO_SOLUTION;

    pli_buf_puts(&b, "{\n");
    put_key(&b, "  ", "format");
    put_string(&b, "placera-schedule/1");
    put_key(&b, ",\n  ", "instance");
    put_string(&b, s->instance_name ? s->instance_name : "");
    put_key(&b, ",\n  ", "status");
    put_string(&b, pli_result_name(s->status));
    put_key(&b, ",\n  ", "cost");
    put_real(&b, s->has_cost ? s->cost : NAN);
    put_key(&b, ",\n  ", "bound");
    put_real(&b, s->has_cost ? s->bound : NAN);
    put_key(&b, ",\n  ", "gap");
    put_real(&b, s->has_cost ? s->gap : NAN);
    put_key(&b, ",\n  ", "seconds");
    put_real(&b, isfinite(s->seconds) ? s->seconds : 0.0);
    pli_buf_puts(&b, ",\n");
    put_placements(&b, s, inst);
    put_pairs(&b, "homes", s->homes, s->n_homes);
    put_pairs(&b, "mentors", s->mentors, s->n_mentors);
    put_unmet(&b, s);
    put_spans(&b, "unassigned", s->unassigned, s->n_unassigned, false);
    put_spans(&b, "understaffed", s->understaffed, s->n_understaffed, true);
    /* the lists above end in ",\n"; the tail decides the last comma */
    if (s->has_costs) {
        put_costs(&b, &s->costs);
        pli_buf_puts(&b, ",\n");
        put_trainee_costs(&b, s);
    } else if (!b.failed && b.len >= 2) {
        b.len -= 2; /* drop the ",\n" after understaffed */
        b.data[b.len] = '\0';
    }
    if (failed || s->n_reasons) {
        pli_buf_puts(&b, ",\n");
        put_reasons(&b, s);
    }
    pli_buf_puts(&b, "\n}\n");
    if (b.failed) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    if (fwrite(b.data, 1, b.len, out) != b.len || fflush(out) != 0 ||
        ferror(out))
        status = PL_ERR_IO;
cleanup:
    pli_buf_free(&b);
    return status;
}
