/*
 * whatif.h — internal helpers shared by the what-if files (src/whatif):
 * the cost terms by name, in the order of format.md §4.
 */
#ifndef PL_WHATIF_H
#define PL_WHATIF_H

#include <stddef.h>

#include "placera.h"

#define PL_WHATIF_N_TERMS 12

/* The name of cost term i (0 <= i < PL_WHATIF_N_TERMS), e.g. "unmet". */
const char *pli_whatif_term_name(int i);
/* Term i of `costs` (a pointer into it). */
double *pli_whatif_term(pl_costs *costs, int i);
double pli_whatif_term_value(const pl_costs *costs, int i);

#endif /* PL_WHATIF_H */
