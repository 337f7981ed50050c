/*
 * write_text.c — the schedule as a table for people (--format text): a few
 * header lines, one line per row grouped by trainee, then the shortfalls, the
 * annual allocation (when the instance has home_choices; an allocation-only
 * schedule shows only that) and the non-zero cost terms.  Trainees,
 * supervisors, sites and rotations show their names when the instance gives
 * them (format.md 3.9 point 26).  Columns are
 * aligned by counting code points (emoji as two), so names with å, ä, ö
 * line up.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "instance/dates.h"
#include "schedule/schedule.h"
#include "util/strutil.h"

#define MAX_COLS 6

/* A table of owned strings, printed with columns padded to the widest. */
typedef struct table {
    char **cells; /* [n_rows * n_cols] */
    size_t n_rows, cap;
    int n_cols;
    bool failed;
} table;

/* Columns a string takes in a terminal: one per code point (continuation
 * bytes do not count), two for the pictographs of U+1F000-U+1FFFF (emoji
 * in people's names, UTF-8 F0 9F ..), which terminals draw double wide. */
static size_t width(const char *s)
{
    size_t w = 0;
    for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
        w += (*c & 0xC0) != 0x80;
        w += c[0] == 0xF0 && c[1] == 0x9F;
    }
    return w;
}

/* Add a row of n_cols strings (copied; NULL as empty). */
static void table_add(table *t, const char *const *cols)
{
    if (t->failed)
        return;
    if (t->n_rows == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 16;
        char **c = realloc(t->cells, cap * (size_t)t->n_cols * sizeof *c);
        if (!c) {
            t->failed = true;
            return;
        }
        t->cells = c;
        t->cap = cap;
    }
    char **row = t->cells + t->n_rows * (size_t)t->n_cols;
    for (int i = 0; i < t->n_cols; i++) {
        row[i] = pli_strdup(cols[i] ? cols[i] : "");
        if (!row[i])
            t->failed = true;
    }
    t->n_rows++;
}

static void table_print(pl_buf *b, table *t, const char *indent)
{
    size_t w[MAX_COLS] = {0};
    for (size_t r = 0; r < t->n_rows; r++)
        for (int c = 0; c < t->n_cols; c++) {
            const char *cell = t->cells[r * (size_t)t->n_cols + c];
            size_t cw = cell ? width(cell) : 0;
            if (cw > w[c])
                w[c] = cw;
        }
    for (size_t r = 0; r < t->n_rows; r++) {
        pli_buf_puts(b, indent);
        /* the last non-empty column ends the line (no trailing blanks) */
        int last = t->n_cols - 1;
        while (last > 0 && !*t->cells[r * (size_t)t->n_cols + last])
            last--;
        for (int c = 0; c <= last; c++) {
            const char *cell = t->cells[r * (size_t)t->n_cols + c];
            pli_buf_puts(b, cell ? cell : "");
            if (c < last)
                for (size_t k = (cell ? width(cell) : 0); k < w[c] + 2; k++)
                    pli_buf_append(b, " ", 1);
        }
        pli_buf_puts(b, "\n");
    }
}

static void table_free(table *t)
{
    for (size_t i = 0; i < t->n_rows * (size_t)t->n_cols; i++)
        free(t->cells[i]);
    free(t->cells);
    t->cells = NULL;
    t->n_rows = t->cap = 0;
}

static void number(double v, char buf[32])
{
    if (!isfinite(v))
        snprintf(buf, 32, "-");
    else
        snprintf(buf, 32, "%.10g", v == 0.0 ? 0.0 : v);
}

static const char *site_label(const pl_instance *inst, int s, const char *id)
{
    if (inst && s >= 0 && s < inst->n_sites && inst->sites[s].name)
        return inst->sites[s].name;
    return id ? id : "";
}

static const char *rotation_label(const pl_instance *inst, int r, const char *id)
{
    if (inst && r >= 0 && r < inst->n_rotations && inst->rotations[r].name)
        return inst->rotations[r].name;
    return id ? id : "";
}

/* People's names (format.md 3.9 point 26): the instance's name for a known
 * index, else the id as written in the schedule. */
static const char *trainee_label(const pl_instance *inst, int t, const char *id)
{
    if (inst && t >= 0 && t < inst->n_trainees)
        return pli_trainee_label(inst, t);
    return id ? id : "";
}

static const char *supervisor_label(const pl_instance *inst, int v, const char *id)
{
    if (inst && v >= 0 && v < inst->n_supervisors)
        return pli_supervisor_label(inst, v);
    return id ? id : "";
}

/* "3–5" and "2027-04-01 – 2027-06-30" into the buffers. */
static void span_text(const pl_instance *inst, int from, int to,
                      char periods[32], char dates[40])
{
    if (from == to)
        snprintf(periods, 32, "%d", from);
    else
        snprintf(periods, 32, "%d\u2013%d", from, to);
    dates[0] = '\0';
    if (inst) {
        int y, m, d;
        char a[11], z[11];
        pli_period_first_day(&inst->horizon, from, &y, &m, &d);
        pli_format_date(y, m, d, a);
        pli_period_last_day(&inst->horizon, to, &y, &m, &d);
        pli_format_date(y, m, d, z);
        snprintf(dates, 40, "%s \u2013 %s", a, z);
    }
}

static void put_rows(pl_buf *b, const pl_schedule *s, const pl_instance *inst,
                     bool *failed)
{
    table t = {.n_cols = 6};
    const char *head[6] = {"trainee", "site", "rotation", "periods", "dates",
                           "supervisor"};
    table_add(&t, head);
    for (size_t i = 0; i < s->n_rows; i++) {
        const pl_row *r = &s->rows[i];
        char periods[32], dates[40];
        span_text(inst, r->from, r->to, periods, dates);
        bool same = i > 0 && strcmp(s->rows[i - 1].trainee, r->trainee) == 0;
        const char *cols[6] = {same ? "" : trainee_label(inst, r->t, r->trainee),
                               site_label(inst, r->s, r->site),
                               rotation_label(inst, r->r, r->rotation),
                               periods, dates,
                               r->supervisor ? supervisor_label(inst, r->sup, r->supervisor)
                                             : NULL};
        table_add(&t, cols);
    }
    table_print(b, &t, "");
    *failed |= t.failed;
    table_free(&t);
}

static void put_shortfalls(pl_buf *b, const pl_schedule *s,
                           const pl_instance *inst, bool *failed)
{
    if (s->n_unmet) {
        table t = {.n_cols = 4};
        pli_buf_puts(b, "\nunmet requirements:\n");
        for (size_t i = 0; i < s->n_unmet; i++) {
            const pl_unmet_row *u = &s->unmet[i];
            char miss[48];
            snprintf(miss, sizeof miss, "%d period%s missing", u->missing,
                     u->missing == 1 ? "" : "s");
            const char *cols[4] = {trainee_label(inst, u->t, u->trainee),
                                   rotation_label(inst, u->r, u->rotation), miss,
                                   u->why ? u->why : ""};
            table_add(&t, cols);
        }
        table_print(b, &t, "  ");
        *failed |= t.failed;
        table_free(&t);
    }
    if (s->n_unassigned) {
        table t = {.n_cols = 3};
        pli_buf_puts(b, "\nunassigned:\n");
        for (size_t i = 0; i < s->n_unassigned; i++) {
            const pl_span_row *u = &s->unassigned[i];
            char periods[32], dates[40];
            span_text(inst, u->from, u->to, periods, dates);
            const char *cols[3] = {trainee_label(inst, u->t, u->trainee), periods,
                                   dates};
            table_add(&t, cols);
        }
        table_print(b, &t, "  ");
        *failed |= t.failed;
        table_free(&t);
    }
    if (s->n_understaffed) {
        table t = {.n_cols = 6};
        pli_buf_puts(b, "\nunderstaffed:\n");
        for (size_t i = 0; i < s->n_understaffed; i++) {
            const pl_span_row *u = &s->understaffed[i];
            char periods[32], dates[40], miss[48];
            span_text(inst, u->from, u->to, periods, dates);
            snprintf(miss, sizeof miss, "%d missing", u->missing);
            const char *cols[6] = {site_label(inst, u->s, u->site),
                                   rotation_label(inst, u->r, u->rotation),
                                   periods, dates, miss, u->why ? u->why : ""};
            table_add(&t, cols);
        }
        table_print(b, &t, "  ");
        *failed |= t.failed;
        table_free(&t);
    }
}

/* The "allocation:" section (summary_alloc.c): posts filled per program
 * and per site, choices, and the unallocated with why.  Only when the
 * instance has home_choices. */
static void put_allocation(pl_buf *b, const pl_schedule *s,
                           const pl_instance *inst, bool *failed)
{
    pl_alloc_summary *sum = NULL;
    if (!inst || (s->status != PL_RESULT_OPTIMAL && s->status != PL_RESULT_FEASIBLE))
        return;
    if (pl_alloc_summarize(inst, s, &sum) != PL_OK) {
        *failed = true;
        return;
    }
    if (sum->applicants == 0) {
        pl_alloc_summary_free(sum);
        return;
    }
    char line[512];
    pl_alloc_summary_line(sum, line, sizeof line);
    pli_buf_printf(b, "\n%s\n", line);
    table t = {.n_cols = 4};
    const char *head[4] = {"site", "program", "posts", "filled"};
    table_add(&t, head);
    for (size_t i = 0; i < sum->n_sites; i++) {
        const pl_alloc_posts *p = &sum->sites[i];
        char posts[32], filled[48];
        if (p->offered < 0)
            snprintf(posts, sizeof posts, "no limit");
        else
            snprintf(posts, sizeof posts, "%d", p->offered);
        if (p->fixed)
            snprintf(filled, sizeof filled, "%d (%d fixed)", p->filled, p->fixed);
        else
            snprintf(filled, sizeof filled, "%d", p->filled);
        int si = pli_instance_site_index(inst, p->site);
        const char *cols[4] = {site_label(inst, si, p->site), p->program, posts, filled};
        table_add(&t, cols);
    }
    for (size_t i = 0; i < sum->n_programs; i++) {
        const pl_alloc_posts *p = &sum->programs[i];
        char posts[32], filled[48];
        snprintf(posts, sizeof posts, "%d", p->offered);
        if (p->offered > 0)
            snprintf(filled, sizeof filled, "%d (%d%%)", p->filled,
                     (int)(100.0 * p->filled / p->offered + 0.5));
        else
            snprintf(filled, sizeof filled, "%d", p->filled);
        const char *cols[4] = {"total", p->program, posts, filled};
        table_add(&t, cols);
    }
    table_print(b, &t, "  ");
    *failed |= t.failed;
    table_free(&t);
    if (sum->n_unallocated) {
        table u = {.n_cols = 3};
        pli_buf_puts(b, "\nunallocated:\n");
        for (size_t i = 0; i < sum->n_unallocated; i++) {
            const char *id = sum->unallocated[i].trainee;
            int ti = pli_instance_trainee_index(inst, id);
            const char *cols[3] = {trainee_label(inst, ti, id),
                                   sum->unallocated[i].program,
                                   pl_unallocated_reason_name(sum->unallocated[i].reason)};
            table_add(&u, cols);
        }
        table_print(b, &u, "  ");
        *failed |= u.failed;
        table_free(&u);
    }
    pl_alloc_summary_free(sum);
}

static void put_costs(pl_buf *b, const pl_schedule *s, bool *failed)
{
    const pl_costs *c = &s->costs;
    const struct { const char *name; double value; } terms[] = {
        {"unmet", c->unmet}, {"unassigned", c->unassigned}, {"idle", c->idle},
        {"site_change", c->site_change}, {"preference", c->preference},
        {"change", c->change}, {"rank", c->rank},
        {"unallocated", c->unallocated}, {"no_mentor", c->no_mentor},
        {"understaffed", c->understaffed}, {"priority", c->priority},
        {"fairness", c->fairness},
    };
    table t = {.n_cols = 2};
    char num[32];
    pli_buf_puts(b, "\ncosts:\n");
    for (size_t i = 0; i < sizeof terms / sizeof terms[0]; i++) {
        if (terms[i].value == 0.0)
            continue;
        number(terms[i].value, num);
        const char *cols[2] = {terms[i].name, num};
        table_add(&t, cols);
    }
    number(pl_costs_total(c), num);
    const char *total[2] = {"total", num};
    table_add(&t, total);
    table_print(b, &t, "  ");
    *failed |= t.failed;
    table_free(&t);
}

/* Writes the report; the stream stays owned by the caller. */
pl_status pli_schedule_write_text(const pl_schedule *s, const pl_instance *inst,
                                 FILE *out)
{
    pl_status status = PL_OK;
    pl_buf b = {0};
    bool failed = false;
    char cost[32], bound[32], gap[32], secs[32];

    number(s->has_cost ? s->cost : NAN, cost);
    number(s->has_cost ? s->bound : NAN, bound);
    number(s->has_cost ? s->gap : NAN, gap);
    snprintf(secs, sizeof secs, "%.2f", isfinite(s->seconds) ? s->seconds : 0.0);
    pli_buf_printf(&b, "instance: %s\n", s->instance_name ? s->instance_name : "");
    pli_buf_printf(&b, "status:   %s\n", pli_result_name(s->status));
    pli_buf_printf(&b, "cost:     %s  (bound %s, gap %s, %s s)\n", cost, bound,
                  gap, secs);
    for (size_t i = 0; i < s->n_reasons; i++)
        pli_buf_printf(&b, "reason:   %s\n", s->reasons[i]);
    if (s->n_homes) {
        pli_buf_puts(&b, "homes:   ");
        for (size_t i = 0; i < s->n_homes; i++)
            pli_buf_printf(&b, " %s=%s%s",
                          trainee_label(inst, s->homes[i].key_index, s->homes[i].key),
                          s->homes[i].value, i + 1 < s->n_homes ? "," : "");
        pli_buf_puts(&b, "\n");
    }
    if (s->n_mentors) {
        pli_buf_puts(&b, "mentors: ");
        for (size_t i = 0; i < s->n_mentors; i++)
            pli_buf_printf(&b, " %s=%s%s",
                          trainee_label(inst, s->mentors[i].key_index, s->mentors[i].key),
                          supervisor_label(inst, s->mentors[i].value_index,
                                           s->mentors[i].value),
                          i + 1 < s->n_mentors ? "," : "");
        pli_buf_puts(&b, "\n");
    }
    pli_buf_puts(&b, "\n");
    if (inst && pli_schedule_is_allocation_only(s, inst))
        pli_buf_puts(&b, "allocation only: homes and main supervisors, no placements\n");
    else {
        put_rows(&b, s, inst, &failed);
        put_shortfalls(&b, s, inst, &failed);
    }
    put_allocation(&b, s, inst, &failed);
    if (s->has_costs)
        put_costs(&b, s, &failed);
    if (failed || b.failed) {
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
