/*
 * support_enum.h — brute-force optimum of a tiny instance, for tests.
 *
 * enum_optimum enumerates EVERY schedule of an instance (each trainee, each
 * period: nowhere or any (site, rotation) that the trainee's rules list and
 * that has capacity; each home choice or unallocated; each main supervisor or
 * none), builds it with pli_schedule_from_assignment (supervisors unnamed),
 * asks the independent checker pl_check whether it breaks a hard rule, and
 * keeps the cheapest one that does not (by the checker's recomputed cost).
 * No rule is re-implemented here: the only pruning is on violations found by
 * pl_check on part of the schedule (one trainee alone, then the first k
 * trainees), which is sound because every hard rule that couples trainees
 * (capacity, supervision, posts, mentees) can only get worse when trainees are
 * added.  Instances with stable allocation or site rankings are enumerated
 * without that pruning.  Only for instances of a few trainees and periods.
 */
#ifndef ENUM_SUPPORT_H
#define ENUM_SUPPORT_H

#include <stdbool.h>

#include "placera.h"
#include "schedule/schedule.h"

typedef struct enum_stats {
    long candidates;   /* per-trainee candidates kept after pruning (sum) */
    long checks;       /* pl_check calls */
    long complete;     /* complete schedules checked on the whole instance */
    long feasible;     /* of those, without violations */
} enum_stats;

/* Largest number of raw per-trainee candidates enum_optimum accepts. */
#define ENUM_MAX_CANDIDATES 2000000L

/*
 * The least cost of any schedule of `inst` without violations.  `reference`
 * (may be NULL) is passed to pl_check for `change`.  `prune` = false checks
 * every complete combination on the whole instance (slow; for cross-checks).
 * Returns PL_OK with *best_cost and *best (a schedule owned by the caller,
 * may pass best = NULL) when one exists, PL_ERR_INFEASIBLE when none does,
 * PL_ERR_LIMIT when the instance is too large to enumerate, or another error
 * of the library.  `stats` may be NULL.
 */
pl_status enum_optimum_ex(const pl_instance *inst, const pl_schedule *reference,
                          bool prune, double *best_cost, pl_schedule **best,
                          enum_stats *stats);

/* The same where the periods before keep_until must be as in `reference`
 * (pl_check_with's kept past). */
pl_status enum_optimum_kept(const pl_instance *inst, const pl_schedule *reference,
                            int keep_until, bool prune, double *best_cost,
                            pl_schedule **best, enum_stats *stats);

/* How many complete combinations enumeration without pruning would check:
 * the product over trainees of their raw candidate counts. */
double enum_raw_size(const pl_instance *inst);

/* enum_optimum_ex without reference, with pruning. */
pl_status enum_optimum(const pl_instance *inst, double *best_cost,
                       pl_schedule **best);

#endif /* ENUM_SUPPORT_H */
