/*
 * schedule.h — the in-memory form of a schedule (format.md §4).
 *
 * A schedule is what the solver produces and what `placera check` reads: rows
 * of (trainee, site, rotation, from..to, supervisor), the allocated homes and
 * main supervisors, the reported shortfalls and the cost broken down by term.
 * Rows keep the ids as written (so that a schedule naming unknown ids can
 * still be reported on) next to their resolved indices (-1 when unknown).
 *
 * The schedule owns every pointer in it; pl_schedule_free releases all.
 */
#ifndef PL_SCHEDULE_H
#define PL_SCHEDULE_H

#include <stdbool.h>

#include "instance/instance.h"
#include "placera.h"

typedef enum pl_result {
    PL_RESULT_OPTIMAL = 0,
    PL_RESULT_FEASIBLE = 1,
    PL_RESULT_INFEASIBLE = 2,
    PL_RESULT_NO_SOLUTION = 3
} pl_result;

typedef struct pl_row {
    char *trainee, *site, *rotation;
    char *supervisor;       /* NULL when the row names none */
    int t, s, r, sup;       /* resolved indices, -1 when unknown / not named */
    int from, to;           /* inclusive periods */
} pl_row;

typedef struct pl_pair {    /* trainee id → site or supervisor id */
    char *key, *value;
    int key_index, value_index; /* resolved, -1 when unknown */
} pl_pair;

typedef struct pl_unmet_row {
    char *trainee, *rotation;
    int t, r, missing;
    char *why;                /* in words (pl_schedule_explain), or NULL */
} pl_unmet_row;

typedef struct pl_span_row {  /* unassigned (site/rotation NULL) or understaffed */
    char *trainee;            /* unassigned: the trainee; understaffed: NULL */
    char *site, *rotation;    /* understaffed only */
    int t, s, r;
    int from, to, missing;    /* missing: understaffed only */
    char *why;                /* understaffed: in words, or NULL */
} pl_span_row;

typedef struct pl_named_value {
    char *id;
    int index;
    double value;
} pl_named_value;

struct pl_schedule {
    char *instance_name;
    pl_result status;
    bool has_cost;            /* cost/bound/gap/seconds were given */
    double cost, bound, gap, seconds;
    pl_row *rows;             size_t n_rows;
    pl_row *dropped;          size_t n_dropped; /* rows of a lenient load or a
                                 rebase left out for a site or rotation the
                                 instance lacks (ids kept, t resolved); a
                                 kept past must not lose them silently */
    pl_pair *homes;           size_t n_homes;
    pl_pair *mentors;         size_t n_mentors;
    pl_unmet_row *unmet;      size_t n_unmet;
    pl_span_row *unassigned;  size_t n_unassigned;
    pl_span_row *understaffed;size_t n_understaffed;
    bool has_costs;
    pl_costs costs;
    pl_named_value *trainee_costs; size_t n_trainee_costs;
    char **reasons;           size_t n_reasons;
    bool allocation_only;     /* solved with --allocation-only: no placements by
                                 design (not written; see pli_schedule_is_allocation_only) */
};

/*
 * A solution in dense form, as the solver extracts it: for each trainee and
 * period the (site, rotation, supervisor) or -1, plus homes and mentors.
 * Arrays are [n_trainees * length], index t * length + p.  The caller owns it.
 */
typedef struct pl_assignment {
    int n_trainees, length;
    int *site, *rotation, *supervisor;
    int *home;                /* [n_trainees] site or -1 */
    int *mentor;              /* [n_trainees] supervisor or -1 */
    bool *allocated;          /* [n_trainees]: false = has home_choices and no home */
} pl_assignment;

pl_status pli_assignment_init(pl_assignment *a, int n_trainees, int length);
void pli_assignment_free(pl_assignment *a);

/*
 * Build a schedule from a dense assignment: rows (split at supervisor
 * changes, merged where site, rotation and supervisor continue), homes,
 * mentors, and the unmet / unassigned / understaffed lists computed from the
 * instance.  `costs` and `trainee_costs` ([n_trainees]) come from the solver;
 * cost is their total.  *out belongs to the caller.
 */
pl_status pli_schedule_from_assignment(const pl_instance *inst,
                                      const pl_assignment *a, pl_result status,
                                      const pl_costs *costs,
                                      const double *trainee_costs, double bound,
                                      double gap, double seconds,
                                      pl_schedule **out);

/* An empty schedule with status infeasible or no_solution and these reasons
 * (copied). */
pl_status pli_schedule_failed(const pl_instance *inst, pl_result status,
                             const char *const *reasons, size_t n_reasons,
                             double seconds, pl_schedule **out);

/*
 * Name a supervisor for every placed trainee-period of `a` (a->supervisor is
 * overwritten): a maximum bipartite matching per site and period that gives
 * each trainee the supervisor in `wanted` ([n_trainees * length], -1 = no
 * wish; or NULL) and else keeps the supervisor of its previous period,
 * wherever possible.  Returns PL_ERR_INFEASIBLE if some period cannot be
 * matched.
 */
pl_status pli_name_supervisors(const pl_instance *inst, const int *wanted,
                              pl_assignment *a);

const char *pli_result_name(pl_result status);

/* Whether `s` is an allocation-only schedule (summary_alloc.c): the flag
 * above, or, for a schedule read back, no placements while the instance has
 * home_choices and the stated costs charge nothing for the empty periods. */
bool pli_schedule_is_allocation_only(const pl_schedule *s, const pl_instance *inst);

/* The writers behind pl_schedule_write_stream (write_json.c, write_text.c,
 * write_csv.c).  `inst` gives the dates; they write to `out` and return
 * PL_ERR_IO when the stream fails. */
pl_status pli_schedule_write_json(const pl_schedule *schedule,
                                 const pl_instance *inst, FILE *out);
pl_status pli_schedule_write_text(const pl_schedule *schedule,
                                 const pl_instance *inst, FILE *out);
pl_status pli_schedule_write_csv(const pl_schedule *schedule,
                                const pl_instance *inst, FILE *out);

/* A real as JSON: integral values as "1082.0", others in the shortest of
 * %.15g / %.17g that reads back exactly; NaN and infinities as "null".
 * buf needs 32 bytes. */
void pli_format_real(double value, char buf[32]);

#endif /* PL_SCHEDULE_H */
