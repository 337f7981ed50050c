/*
 * csv.c — spreadsheets of a schedule (RFC 4180, CRLF line ends): the long
 * table placements.csv, one line per trainee-period, and the wide grid.csv,
 * one line per trainee and one column per period holding "site/rotation".
 * Ids keep their columns; people's names (format.md 3.9 point 26: the
 * `name`, else the id) are in the columns trainee_name and supervisor_name
 * of placements.csv and name of grid.csv.
 * The separator may be ';' for spreadsheets set up for Swedish, where ','
 * is the decimal comma; a UTF-8 byte order mark helps Excel read å ä ö.
 * A cell that begins with = + - @, a tab or a carriage return gets a ' in
 * front so that no spreadsheet takes it for a formula (OWASP, "CSV
 * injection").
 */
#include <stdio.h>
#include <string.h>

#include "instance/dates.h"
#include "report/report.h"
#include "util/strutil.h"

void pli_csv_put(FILE *f, const char *s, char sep)
{
    bool quote = strchr(s, sep) || strpbrk(s, "\"\r\n");
    const char *guard = pli_csv_formula_like(s) ? "'" : ""; /* not a formula */
    if (!quote) {
        fputs(guard, f);
        fputs(s, f);
        return;
    }
    fputc('"', f);
    fputs(guard, f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

static char separator(const pl_csv_options *o)
{
    return o && o->separator ? o->separator : ',';
}

static void begin(const pl_csv_options *o, FILE *f)
{
    if (o && o->bom)
        fputs("\xEF\xBB\xBF", f);
}

static void date_of(const pl_horizon *h, int p, bool last, char buf[11])
{
    int y, m, d;
    if (last)
        pli_period_last_day(h, p, &y, &m, &d);
    else
        pli_period_first_day(h, p, &y, &m, &d);
    pli_format_date(y, m, d, buf);
}

pl_status pli_csv_write_placements(const pl_plan *plan, const pl_csv_options *o,
                                  FILE *f)
{
    const pl_instance *inst = plan->inst;
    char sep = separator(o);
    begin(o, f);
    fprintf(f, "trainee%csite%crotation%cperiod%cstart_date%cend_date%csupervisor"
               "%ctrainee_name%csupervisor_name\r\n",
            sep, sep, sep, sep, sep, sep, sep, sep);
    for (int t = 0; t < plan->n_trainees; t++) {
        for (int p = 0; p < plan->length; p++) {
            int ri = plan->row_at[(size_t)t * (size_t)plan->length + (size_t)p];
            if (ri < 0)
                continue;
            const pl_row *row = &plan->sched->rows[ri];
            char first[11], last[11];
            date_of(&inst->horizon, p, false, first);
            date_of(&inst->horizon, p, true, last);
            pli_csv_put(f, inst->trainees[t].id, sep);
            fputc(sep, f);
            pli_csv_put(f, inst->sites[row->s].id, sep);
            fputc(sep, f);
            pli_csv_put(f, inst->rotations[row->r].id, sep);
            fprintf(f, "%c%d%c%s%c%s%c", sep, p, sep, first, sep, last, sep);
            pli_csv_put(f, row->supervisor ? row->supervisor : "", sep);
            fputc(sep, f);
            pli_csv_put(f, pli_trainee_label(inst, t), sep);
            fputc(sep, f);
            pli_csv_put(f, !row->supervisor ? ""
                          : row->sup >= 0 ? pli_supervisor_label(inst, row->sup)
                                          : row->supervisor,
                       sep);
            fputs("\r\n", f);
        }
    }
    return ferror(f) ? PL_ERR_IO : PL_OK;
}

pl_status pli_csv_write_grid(const pl_plan *plan, const pl_csv_options *o, FILE *f)
{
    const pl_instance *inst = plan->inst;
    char sep = separator(o);
    begin(o, f);
    fprintf(f, "trainee%cname", sep);
    for (int p = 0; p < plan->length; p++) {
        char first[11];
        date_of(&inst->horizon, p, false, first);
        fprintf(f, "%c%s", sep, first);
    }
    fputs("\r\n", f);
    for (int t = 0; t < plan->n_trainees; t++) {
        pli_csv_put(f, inst->trainees[t].id, sep);
        fputc(sep, f);
        pli_csv_put(f, pli_trainee_label(inst, t), sep);
        for (int p = 0; p < plan->length; p++) {
            int ri = plan->row_at[(size_t)t * (size_t)plan->length + (size_t)p];
            fputc(sep, f);
            if (ri < 0)
                continue;
            const pl_row *row = &plan->sched->rows[ri];
            char cell[2 * PL_MAX_ID_LENGTH + 2];
            snprintf(cell, sizeof cell, "%s/%s", inst->sites[row->s].id,
                     inst->rotations[row->r].id);
            pli_csv_put(f, cell, sep);
        }
        fputs("\r\n", f);
    }
    return ferror(f) ? PL_ERR_IO : PL_OK;
}
