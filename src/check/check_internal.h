/*
 * check_internal.h — shared state of the independent checker (placera check).
 *
 * The checker re-derives everything of format.md section 3 from the resolved
 * instance and the schedule's rows, without any code of the model builder.
 * pl_check (check.c) first turns the rows into a dense grid (grid.c): for
 * each trainee and period the site, rotation and named supervisor, plus each
 * trainee's effective home and main supervisor.  Each rule family then reads
 * that grid and appends violations in planners' words; costs.c recomputes the
 * objective.  Everything here is internal to src/check.
 */
#ifndef PL_CHECK_INTERNAL_H
#define PL_CHECK_INTERNAL_H

#include <stdbool.h>

#include "instance/instance.h"
#include "placera.h"
#include "schedule/schedule.h"

/* Supervisor cell value for a row that names a supervisor that is not valid
 * at all (unknown id): reported once, then treated as unnamed. */
#define PL_CHECK_NO_SUP (-1)

typedef struct pl_check_grid {
    int n_trainees, length;
    int *site;        /* [n_trainees * length], -1 = not placed */
    int *rotation;    /* [n_trainees * length] */
    int *supervisor;  /* [n_trainees * length], -1 = none named */
    int *row;         /* [n_trainees * length]: schedule row index, -1 */
} pl_check_grid;

typedef struct pl_check_ctx {
    const pl_instance *inst;
    const pl_schedule *sched;
    const char *file;        /* schedule path for messages, or NULL */
    pl_check_grid grid;
    int *home;               /* [n_trainees]: effective home (fixed or allocated), -1 */
    bool *unallocated;       /* [n_trainees]: has home_choices and no home */
    int *mentor;             /* [n_trainees]: main supervisor named, -1 */
    int *home_row;           /* [n_trainees]: index into sched->homes, -1 */
    int *mentor_row;         /* [n_trainees]: index into sched->mentors, -1 */
    pl_check_report *report;
    const pl_schedule *reference; /* `change` is measured against it, or NULL */
    int keep_until;          /* periods before it must be as in the reference */
} pl_check_ctx;

static inline int pl_cell(const pl_check_ctx *c, int t, int p)
{
    return t * c->grid.length + p;
}

/* grid.c: rows → grid; unknown ids, bad ranges and overlaps are violations.
 * Also resolves homes (with their violations) and mentors. */
pl_status pli_check_grid_build(const pl_instance *inst, const pl_schedule *sched,
                              pl_check_ctx *c);
/* A grid from a reference schedule: rows with unknown ids are ignored, and
 * the first row wins where rows overlap.  Caller frees with
 * pli_check_grid_free. */
pl_status pli_check_grid_reference(const pl_instance *inst,
                                  const pl_schedule *ref, pl_check_grid *out);
void pli_check_grid_free(pl_check_grid *g);

/* One function per rule family; each appends to c->report->violations. */
pl_status pli_check_eligibility(pl_check_ctx *c);
pl_status pli_check_capacity(pl_check_ctx *c);
pl_status pli_check_supervision(pl_check_ctx *c);
pl_status pli_check_blocks(pl_check_ctx *c);
pl_status pli_check_amounts(pl_check_ctx *c);
pl_status pli_check_order(pl_check_ctx *c);
pl_status pli_check_choices(pl_check_ctx *c);
pl_status pli_check_pins(pl_check_ctx *c);
pl_status pli_check_allocation(pl_check_ctx *c);
pl_status pli_check_mentors(pl_check_ctx *c);
/* kept.c: the periods before keep_until are the reference's. */
pl_status pli_check_kept(pl_check_ctx *c);
/* costs.c: fill report->costs, cost, trainee_costs (`change` against
 * c->reference from c->keep_until on); then, unless `stated` is false,
 * compare with the schedule's stated costs (mismatches). */
pl_status pli_check_costs(pl_check_ctx *c, bool stated);

/* describe.c: message helpers. */
/* Append a violation (severity error) with a JSON pointer path (may be NULL). */
pl_status pli_check_violation(pl_check_ctx *c, const char *path,
                             const char *format, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* "period 3 (2027-04)" or "periods 2 to 3 (2027-03 to 2027-04)" into buf;
 * dates are YYYY-MM for monthly horizons of step 1, else first/last days. */
void pli_check_span(const pl_check_ctx *c, int from, int to, char *buf,
                   size_t size);
/* Periods a trainee has in rotation r: completed + previous-in-r + placed. */
int pli_check_done(const pl_check_ctx *c, int t, int r);
/* Number of placed periods of trainee t in rotation r. */
int pli_check_placed(const pl_check_ctx *c, int t, int r);
/* Id helpers that never return NULL. */
const char *pli_check_site_id(const pl_check_ctx *c, int s);
const char *pli_check_rot_id(const pl_check_ctx *c, int r);

#endif /* PL_CHECK_INTERNAL_H */
