/*
 * support_rng.h — a small deterministic xorshift generator for the
 * randomized tests (test_solver_random, test_allocation): the same seed
 * gives the same instances on every run.
 */
#ifndef PL_SUPPORT_RNG_H
#define PL_SUPPORT_RNG_H

#include <stdbool.h>
#include <stdint.h>

typedef struct rng {
    uint64_t s; /* state; any non-zero seed */
} rng;

uint64_t rng_next(rng *g);
/* Uniform in [lo, hi]. */
int rnd(rng *g, int lo, int hi);
/* True with probability pct / 100. */
bool chance(rng *g, int pct);

#endif
