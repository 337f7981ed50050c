/*
 * ics.c — iCalendar (RFC 5545) text: TEXT escaping, line folding at 75
 * octets without splitting UTF-8 characters, CRLF line ends, and the
 * calendars of one trainee or one site with an all-day event per run.
 *
 * Output is deterministic: UIDs are derived from the instance name, the
 * trainee (and site) and the run's first period, and DTSTAMP is the start of
 * the horizon, so exporting the same schedule twice gives identical files.
 */
#include <stdio.h>
#include <string.h>

#include "report/report.h"

#define ICS_LINE_OCTETS 75

pl_status pli_ics_escape(pl_buf *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '\\': pli_buf_puts(b, "\\\\"); break;
        case ';': pli_buf_puts(b, "\\;"); break;
        case ',': pli_buf_puts(b, "\\,"); break;
        case '\n': pli_buf_puts(b, "\\n"); break;
        case '\r': break;
        default:
            /* Other control characters are not allowed in TEXT. */
            if ((unsigned char)*s < 0x20 || *s == 0x7f)
                pli_buf_puts(b, " ");
            else
                pli_buf_append(b, s, 1);
        }
    }
    return b->failed ? PL_ERR_NOMEM : PL_OK;
}

void pli_ics_write_line(FILE *f, const char *line, size_t len)
{
    size_t pos = 0, room = ICS_LINE_OCTETS;
    do {
        size_t cut = len - pos <= room ? len - pos : room;
        /* Back off to the start of a UTF-8 character. */
        while (cut > 0 && pos + cut < len &&
               ((unsigned char)line[pos + cut] & 0xC0) == 0x80)
            cut--;
        if (cut == 0) /* cannot happen with valid UTF-8; do not loop */
            cut = len - pos <= room ? len - pos : room;
        if (pos > 0)
            fputc(' ', f);
        fwrite(line + pos, 1, cut, f);
        fputs("\r\n", f);
        pos += cut;
        room = ICS_LINE_OCTETS - 1; /* continuation lines start with a space */
    } while (pos < len);
}

/* Write "NAME:value" with value escaped as TEXT. */
static void text_prop(FILE *f, pl_buf *b, const char *name, const char *value)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
    pli_buf_puts(b, name);
    pli_buf_puts(b, ":");
    pli_ics_escape(b, value);
    if (!b->failed)
        pli_ics_write_line(f, b->data, b->len);
}

/* A fixed line. */
static void fixed_line(FILE *f, const char *line)
{
    pli_ics_write_line(f, line, strlen(line));
}

/* A date property: `format` holds one %s for the date. */
static void date_prop(FILE *f, pl_buf *b, const char *format, const char *a)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
    pli_buf_printf(b, format, a);
    if (!b->failed)
        pli_ics_write_line(f, b->data, b->len);
}

static void calendar_begin(const pl_plan *plan, FILE *f, pl_buf *b,
                           const char *title)
{
    fixed_line(f, "BEGIN:VCALENDAR");
    fixed_line(f, "VERSION:2.0");
    fixed_line(f, "PRODID:-//placera//placera " PL_VERSION "//EN");
    fixed_line(f, "CALSCALE:GREGORIAN");
    fixed_line(f, "METHOD:PUBLISH");
    text_prop(f, b, "X-WR-CALNAME", title);
    (void)plan;
}

/* The supervisors named in a run's rows, distinct, in order, ", "-joined,
 * by name where given; returns how many. */
static int run_supervisors(const pl_plan *plan, const pl_run *run, pl_buf *out)
{
    int n = 0;
    for (size_t k = 0; k < run->n; k++) {
        const pl_row *row = &plan->sched->rows[plan->order[run->first + k]];
        if (!row->supervisor)
            continue;
        bool seen = false;
        for (size_t j = 0; j < k && !seen; j++) {
            const pl_row *o = &plan->sched->rows[plan->order[run->first + j]];
            seen = o->supervisor && !strcmp(o->supervisor, row->supervisor);
        }
        if (seen)
            continue;
        if (out->len)
            pli_buf_puts(out, ", ");
        pli_buf_puts(out, row->sup >= 0 ? pli_supervisor_label(plan->inst, row->sup)
                                       : row->supervisor);
        n++;
    }
    return n;
}

/* One VEVENT for `run`; for_site selects the site calendar's wording. */
static pl_status write_event(const pl_plan *plan, const pl_run *run, bool for_site,
                             FILE *f, pl_buf *b)
{
    const pl_instance *inst = plan->inst;
    const pl_trainee *tr = &inst->trainees[run->t];
    pl_buf text = {0}, sups = {0};
    char start[9], end[9], stamp[9], hash[17], from[16];
    pl_status status = PL_OK;

    pli_period_start_compact(&inst->horizon, run->from, start);
    pli_period_end_exclusive_compact(&inst->horizon, run->to, end);
    pli_period_start_compact(&inst->horizon, 0, stamp);
    snprintf(hash, sizeof hash, "%016llx", pli_hash_text(inst->name ? inst->name : ""));
    snprintf(from, sizeof from, "%d", run->from);
    int n_sups = run_supervisors(plan, run, &sups);

    fixed_line(f, "BEGIN:VEVENT");
    b->len = 0;
    if (for_site)
        pli_buf_printf(b, "UID:placera-%s-site-%s-%s-p%s@placera", hash,
                      inst->sites[run->s].id, tr->id, from);
    else
        pli_buf_printf(b, "UID:placera-%s-trainee-%s-p%s@placera", hash, tr->id, from);
    if (!b->failed)
        pli_ics_write_line(f, b->data, b->len);
    date_prop(f, b, "DTSTAMP:%sT000000Z", stamp);
    date_prop(f, b, "DTSTART;VALUE=DATE:%s", start);
    date_prop(f, b, "DTEND;VALUE=DATE:%s", end);
    if (for_site)
        pli_buf_printf(&text, "%s: %s", pli_trainee_label(inst, run->t),
                      pli_rotation_label(inst, run->r));
    else
        pli_buf_printf(&text, "%s @ %s", pli_rotation_label(inst, run->r),
                      pli_site_label(inst, run->s));
    text_prop(f, b, "SUMMARY", text.data ? text.data : "");
    text_prop(f, b, "LOCATION", pli_site_label(inst, run->s));
    text.len = 0;
    if (text.data)
        text.data[0] = '\0';
    if (for_site)
        pli_buf_printf(&text, "Trainee: %s (%s)\n", pli_trainee_label(inst, run->t),
                      inst->programs[tr->program].id);
    if (sups.len)
        pli_buf_printf(&text, "Supervisor%s: %s", n_sups > 1 ? "s" : "",
                      sups.data);
    else
        pli_buf_puts(&text, "Supervisor: not named");
    text_prop(f, b, "DESCRIPTION", text.data ? text.data : "");
    fixed_line(f, "TRANSP:TRANSPARENT");
    fixed_line(f, "END:VEVENT");
    if (text.failed || sups.failed || b->failed)
        status = PL_ERR_NOMEM;
    pli_buf_free(&text);
    pli_buf_free(&sups);
    return status;
}

static pl_status finish(FILE *f, pl_buf *b, pl_status status)
{
    if (status == PL_OK) {
        fixed_line(f, "END:VCALENDAR");
        if (b->failed)
            status = PL_ERR_NOMEM;
        else if (ferror(f))
            status = PL_ERR_IO;
    }
    pli_buf_free(b);
    return status;
}

pl_status pli_ics_write_trainee(const pl_plan *plan, int t, FILE *f)
{
    pl_buf b = {0}, title = {0};
    pl_status status = PL_OK;
    const pl_instance *inst = plan->inst;
    pli_buf_printf(&title, "%s – %s", pli_trainee_label(inst, t),
                  inst->name && inst->name[0] ? inst->name : "placera");
    calendar_begin(plan, f, &b, title.data ? title.data : "");
    if (title.failed)
        status = PL_ERR_NOMEM;
    pli_buf_free(&title);
    for (size_t i = plan->trainee_runs[t]; status == PL_OK && i < plan->trainee_runs[t + 1]; i++)
        status = write_event(plan, &plan->runs[i], false, f, &b);
    return finish(f, &b, status);
}

pl_status pli_ics_write_site(const pl_plan *plan, int s, FILE *f)
{
    pl_buf b = {0}, title = {0};
    pl_status status = PL_OK;
    const pl_instance *inst = plan->inst;
    pli_buf_printf(&title, "%s – %s", pli_site_label(inst, s),
                  inst->name && inst->name[0] ? inst->name : "placera");
    calendar_begin(plan, f, &b, title.data ? title.data : "");
    if (title.failed)
        status = PL_ERR_NOMEM;
    pli_buf_free(&title);
    for (size_t i = 0; status == PL_OK && i < plan->n_runs; i++)
        if (plan->runs[i].s == s)
            status = write_event(plan, &plan->runs[i], true, f, &b);
    return finish(f, &b, status);
}
