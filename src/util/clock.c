/*
 * clock.c — pli_clock_seconds: the one clock that time limits are measured
 * on.
 */
#include <time.h>

#include "util/clock.h"

double pli_clock_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}
