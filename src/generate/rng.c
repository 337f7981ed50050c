/*
 * rng.c — splitmix64 (Steele, Lea, Flood 2014): the generator's only source
 * of randomness, so that a seed gives the same instance everywhere.
 */
#include "generate/gen.h"

uint64_t pli_rng_next(pl_rng *rng)
{
    uint64_t z = (rng->state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

int pli_rng_int(pl_rng *rng, int lo, int hi)
{
    if (hi <= lo)
        return lo;
    uint64_t span = (uint64_t)(hi - lo) + 1;
    return lo + (int)(pli_rng_next(rng) % span);
}

bool pli_rng_chance(pl_rng *rng, double p)
{
    return (double)(pli_rng_next(rng) >> 11) * (1.0 / 9007199254740992.0) < p;
}
