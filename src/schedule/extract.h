/*
 * extract.h — from solved model values to a dense assignment and costs.
 */
#ifndef PL_EXTRACT_H
#define PL_EXTRACT_H

#include "model/model.h"
#include "schedule/schedule.h"

/* Fill `a` (already sized for the instance) with the placements in `values`
 * (one per model column), `costs` with the amount of each term, and
 * trainee_costs[n_trainees] with each trainee's cost (without fairness).
 * Supervisors are left at -1 (pli_name_supervisors names them). */
pl_status pli_extract(const pl_model *m, const double *values, pl_assignment *a,
                     pl_costs *costs, double *trainee_costs);

#endif /* PL_EXTRACT_H */
