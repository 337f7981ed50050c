/*
 * support_rng.c — the xorshift generator of the randomized tests.
 */
#include "support_rng.h"

uint64_t rng_next(rng *g)
{
    uint64_t x = g->s;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    g->s = x;
    return x;
}

int rnd(rng *g, int lo, int hi)
{
    return lo + (int)(rng_next(g) % (uint64_t)(hi - lo + 1));
}

bool chance(rng *g, int pct)
{
    return rnd(g, 0, 99) < pct;
}
