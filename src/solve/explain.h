/*
 * explain.h — say why an instance has no schedule.
 */
#ifndef PL_EXPLAIN_H
#define PL_EXPLAIN_H

#include "model/model.h"
#include "placera.h"
#include "schedule/schedule.h"

/* Find which trainee, site or rule family makes `inst` infeasible by
 * solving relaxations (one trainee at a time, one rule family at a time),
 * and return reasons in planners' words.  `kept` (may be NULL) gives the
 * reference and keep_until of a re-plan whose past is kept; its other
 * fields are ignored.  *reasons (an array of owned strings) belongs to the
 * caller; free each and the array. */
pl_status pli_explain_infeasible(const pl_instance *inst,
                                const pl_build_options *kept, double time_limit,
                                char ***reasons, size_t *n_reasons);

#endif /* PL_EXPLAIN_H */
