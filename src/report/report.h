/*
 * report.h — what the report and export writers share (internal).
 *
 * A pl_plan is a schedule laid out for reading: for each trainee and period
 * the schedule row that places it there, the rows of each trainee in time
 * order, and the runs (maximal stretches of consecutive periods at the same
 * site and rotation, format.md 3.3) that timelines and calendars draw.  The
 * helpers below give people's names for ids, period labels, and HTML, iCalendar
 * and CSV text escaping.
 */
#ifndef PL_REPORT_H
#define PL_REPORT_H

#include <stddef.h>
#include <stdio.h>

#include "instance/instance.h"
#include "placera.h"
#include "schedule/schedule.h"
#include "util/strutil.h"

typedef struct pl_run {
    int t, s, r;
    int from, to;      /* inclusive periods */
    size_t first, n;   /* its rows: plan->order[first .. first + n) */
} pl_run;

typedef struct pl_plan {
    const pl_instance *inst;
    const pl_schedule *sched;
    int length, n_trainees;
    int *row_at;          /* [n_trainees * length]: schedule row index, or -1 */
    size_t *order;        /* row indices with a known trainee, site and rotation,
                             sorted by trainee then from */
    size_t n_order;
    pl_run *runs;         /* sorted by trainee then from */
    size_t n_runs;
    size_t *trainee_runs; /* [n_trainees + 1]: runs of t are [tr[t], tr[t+1]) */
    int *home;            /* [n_trainees]: home site (schedule's, else the
                             instance's), or -1 */
} pl_plan;

/* Lay out `sched` (rows with unknown ids or outside the horizon are
 * skipped; rows are clamped to it).  The plan borrows inst and sched and
 * owns its arrays: pli_plan_free. */
pl_status pli_plan_build(const pl_instance *inst, const pl_schedule *sched,
                        pl_plan *plan);
void pli_plan_free(pl_plan *plan);

/* Names for people: the `name` if given, else the id.  Borrowed from inst. */
const char *pli_site_label(const pl_instance *inst, int s);
const char *pli_rotation_label(const pl_instance *inst, int r);

/* "jan", "feb", ... (Swedish, lower case) for months 1..12. */
const char *pli_month_abbrev(int month);

/* A short label for period p: "jan 2027" for monthly periods, else the
 * first day as "4 jan 2027".  buf needs 24 bytes. */
void pli_period_label(const pl_horizon *h, int p, char buf[24]);

/* The day after the last day of period p, as YYYYMMDD (DTEND of an all-day
 * event), and the first day as YYYYMMDD.  buf needs 9 bytes. */
void pli_period_start_compact(const pl_horizon *h, int p, char buf[9]);
void pli_period_end_exclusive_compact(const pl_horizon *h, int p, char buf[9]);

/* HTML text with & < > " ' escaped, written to f. */
void pli_html_put(FILE *f, const char *s);

/* 64-bit FNV-1a of a string, for stable identifiers. */
unsigned long long pli_hash_text(const char *s);

/* --- iCalendar (RFC 5545) ------------------------------------------- */

/* Append s to b as a TEXT value: backslash, ';', ',' escaped, line breaks
 * as \n (CR dropped). */
pl_status pli_ics_escape(pl_buf *b, const char *s);

/* Write one content line (without line end) to f: folded so that no line
 * exceeds 75 octets (continuations start with one space, and a UTF-8
 * character is never split), each line ended by CRLF. */
void pli_ics_write_line(FILE *f, const char *line, size_t len);

/* The calendar of trainee t / of site s, to f.  Owned by the caller: f.
 * Returns PL_ERR_NOMEM or PL_ERR_IO on failure. */
pl_status pli_ics_write_trainee(const pl_plan *plan, int t, FILE *f);
pl_status pli_ics_write_site(const pl_plan *plan, int s, FILE *f);

/* --- CSV (RFC 4180) -------------------------------------------------- */

/* Write one field, quoted when it holds the separator, a quote or a line
 * break (quotes doubled). */
void pli_csv_put(FILE *f, const char *s, char sep);

pl_status pli_csv_write_placements(const pl_plan *plan, const pl_csv_options *o,
                                  FILE *f);
pl_status pli_csv_write_grid(const pl_plan *plan, const pl_csv_options *o,
                            FILE *f);

/* Create `dir` unless it exists (one level); adds a diagnostic on failure. */
pl_status pli_export_make_dir(const char *dir, pl_diags *diags);

/* --- HTML sections (html_*.c) ---------------------------------------- */

void pli_html_summary(const pl_plan *plan, FILE *f);
pl_status pli_html_timelines(const pl_plan *plan, const pl_report_options *o,
                            FILE *f);
void pli_html_occupancy(const pl_plan *plan, FILE *f);
/* "Why": every unmet requirement and understaffed period explained. */
pl_status pli_html_why(const pl_plan *plan, FILE *f);
pl_status pli_html_supervisor_load(const pl_plan *plan, FILE *f);
/* Colour of rotation r: "#rrggbb", and the text colour that reads on it. */
const char *pli_rotation_colour(int r);
const char *pli_rotation_ink(int r);
/* <thead> row of period labels for the HTML tables, after `first` header
 * cells given as HTML. */
void pli_html_period_head(const pl_plan *plan, FILE *f, const char *first);

#endif /* PL_REPORT_H */
