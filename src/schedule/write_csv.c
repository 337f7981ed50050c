/*
 * write_csv.c — the schedule's rows as CSV for spreadsheets: one header line
 * `trainee,site,rotation,from,to,start_date,end_date,supervisor,trainee_name,
 * supervisor_name`, then one line per row; the last two are the people's
 * names, or their ids where no name is given (format.md 3.9.26).  Fields holding a comma, quote or line break are quoted as
 * RFC 4180 says (quotes doubled); one that begins with = + - @, a tab or a
 * carriage return gets a ' in front (no spreadsheet formula).  Lines end in
 * "\n".
 */
#include <stdio.h>
#include <string.h>

#include "instance/dates.h"
#include "schedule/schedule.h"
#include "util/strutil.h"

static void put_field(pl_buf *b, const char *s)
{
    const char *guard = pli_csv_formula_like(s) ? "'" : ""; /* not a formula */
    if (!strpbrk(s, ",\"\r\n")) {
        pli_buf_puts(b, guard);
        pli_buf_puts(b, s);
        return;
    }
    pli_buf_append(b, "\"", 1);
    pli_buf_puts(b, guard);
    for (const char *c = s; *c; c++) {
        if (*c == '"')
            pli_buf_append(b, "\"\"", 2);
        else
            pli_buf_append(b, c, 1);
    }
    pli_buf_append(b, "\"", 1);
}

/* A person for people: the name where given, else the id. */
static const char *person(const char *id, const char *name)
{
    return name && *name ? name : id;
}

/* Writes the table; the stream stays owned by the caller. */
pl_status pli_schedule_write_csv(const pl_schedule *s, const pl_instance *inst,
                                FILE *out)
{
    pl_status status = PL_OK;
    pl_buf b = {0};
    pli_buf_puts(&b, "trainee,site,rotation,from,to,start_date,end_date,supervisor,"
                     "trainee_name,supervisor_name\n");
    for (size_t i = 0; i < s->n_rows; i++) {
        const pl_row *r = &s->rows[i];
        char first[11] = "", last[11] = "";
        if (inst) {
            int y, m, d;
            pli_period_first_day(&inst->horizon, r->from, &y, &m, &d);
            pli_format_date(y, m, d, first);
            pli_period_last_day(&inst->horizon, r->to, &y, &m, &d);
            pli_format_date(y, m, d, last);
        }
        put_field(&b, r->trainee);
        pli_buf_puts(&b, ",");
        put_field(&b, r->site);
        pli_buf_puts(&b, ",");
        put_field(&b, r->rotation);
        pli_buf_printf(&b, ",%d,%d,%s,%s,", r->from, r->to, first, last);
        put_field(&b, r->supervisor ? r->supervisor : "");
        pli_buf_puts(&b, ",");
        put_field(&b, person(r->trainee, inst && r->t >= 0 ? inst->trainees[r->t].name : NULL));
        pli_buf_puts(&b, ",");
        put_field(&b, person(r->supervisor ? r->supervisor : "",
                             inst && r->sup >= 0 ? inst->supervisors[r->sup].name : NULL));
        pli_buf_puts(&b, "\n");
    }
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
