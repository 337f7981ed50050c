/*
 * clock.h — monotonic time in seconds, for time limits everywhere (the
 * model builder's deadline, the solver's phases).
 */
#ifndef PL_CLOCK_H
#define PL_CLOCK_H

/* Seconds on a monotonic clock (CLOCK_MONOTONIC): only differences mean
 * anything. */
double pli_clock_seconds(void);

#endif /* PL_CLOCK_H */
