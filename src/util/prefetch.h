/*
 * prefetch.h — ask the processor for memory that a loop will read next.
 *
 * Loading a large instance walks 135,000 trainees whose arrays are separate
 * allocations, each a cache miss; asking for the next trainee's arrays
 * while the current one is read hides most of that (benchmarks/README.md,
 * "Loading").  Without GCC builtins it does nothing.
 */
#ifndef PL_PREFETCH_H
#define PL_PREFETCH_H

#include <stddef.h>

static inline void pl_prefetch(const void *p, size_t bytes)
{
#if defined(__GNUC__)
    for (size_t off = 0; off < bytes; off += 64)
        __builtin_prefetch((const char *)p + off);
#else
    (void)p;
    (void)bytes;
#endif
}

#endif /* PL_PREFETCH_H */
