/*
 * eligible.h — format.md §3.1: where a trainee may be placed.
 *
 * Eligibility splits into a part that does not depend on the period (rule
 * present, rule's sites, at_home, areas, the site offering the rotation)
 * and the per-period part (trainee active, capacity above 0).  `home` is
 * the home site assumed for the trainee: its fixed home, one of its
 * home_choices, or -1 for none.
 */
#ifndef PL_ELIGIBLE_H
#define PL_ELIGIBLE_H

#include <stdbool.h>

#include "instance/instance.h"
#include "util/strutil.h"

/* The period-independent part of 3.1 for trainee t at (s, r) with `home`. */
bool pli_eligible_static(const pl_instance *inst, int t, int s, int r, int home);
/* The same for "some home the trainee may have": its fixed home, or any of
 * its home_choices (or none). */
bool pli_eligible_static_any(const pl_instance *inst, int t, int s, int r);
/* Full 3.1 in period p with `home`. */
bool pli_eligible(const pl_instance *inst, int t, int s, int r, int p, int home);
/* Full 3.1 in period p under the trainee's fixed home or any home choice. */
bool pli_eligible_any(const pl_instance *inst, int t, int s, int r, int p);

/* When trainee t may not be at (s, r) in period p (p < 0: in no period;
 * homes as pli_eligible_any), append the one condition of 3.1 that fails,
 * first in this order, in words to b and return true: inactive period,
 * rotation not required, not offered, no capacity, the rule's sites,
 * at_home, areas ("hc-heden is in area Luleå, not in saga's areas Kiruna,
 * Gällivare").  False (b untouched) when the cell is eligible. */
bool pli_why_not_eligible(const pl_instance *inst, int t, int s, int r, int p,
                         pl_buf *b);

/* format.md 2.7: position of trainee t in site s's ranking for t's program
 * (0 = best), or -1 when t is not on it or s ranks nobody of that program. */
int pli_site_rank(const pl_instance *inst, int s, int t);
/* Whether s may be t's home as far as rankings go: s ranks nobody of t's
 * program, or ranks t. */
bool pli_site_accepts(const pl_instance *inst, int s, int t);

#endif /* PL_ELIGIBLE_H */
