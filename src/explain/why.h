/*
 * why.h — why a requirement is unmet or a site understaffed, in planners'
 * words, computed from the instance and the schedule alone (so that every
 * command that has both, solve, report and a later rescore, gives the same
 * words).  Internal: the public entry is pl_schedule_explain (placera.h).
 *
 * The kinds, tried in this order for an unmet requirement (t, r):
 *   - no site lets t do r at all (the one failing condition of 3.1);
 *   - t's active periods come in runs that cannot hold r's blocks;
 *   - t's pins take the periods r would need;
 *   - an `after` rule leaves too little time after the rotations it names;
 *   - t's other placements take the time (named: a choice, a pin, a rule);
 *   - in t's free periods no eligible site has room: full, closed, or no
 *     qualified supervisor available (the binding sites and periods named);
 *   - where there is room, the free periods are too short for r's blocks.
 * For an understaffed (s, r, periods): no eligible trainee is active then;
 * no qualified supervisor is available or their max_trainees is too small;
 * the trainees who may work there are placed elsewhere (named).
 */
#ifndef PL_WHY_H
#define PL_WHY_H

#include "instance/instance.h"
#include "placera.h"
#include "schedule/schedule.h"

typedef struct pl_why pl_why;

/* Lay out `sched` for explaining (borrowed: both must outlive *out). */
pl_status pli_why_new(const pl_instance *inst, const pl_schedule *sched, pl_why **out);
void pli_why_free(pl_why *w);

/* The explanation of one unmet / understaffed item: an owned string, or
 * NULL with *status PL_ERR_NOMEM (NULL with PL_OK: the item names unknown
 * ids and cannot be explained). */
char *pli_why_unmet(pl_why *w, const pl_unmet_row *u, pl_status *status);
char *pli_why_understaffed(pl_why *w, const pl_span_row *u, pl_status *status);

#endif /* PL_WHY_H */
