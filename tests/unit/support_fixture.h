/*
 * support_fixture.h — hand-built instances for the schedule tests.
 */
#ifndef PL_SUPPORT_FIXTURE_H
#define PL_SUPPORT_FIXTURE_H

#include <stdbool.h>

#include "schedule/schedule.h"

/* A small instance built by hand: month periods from 2027-01, rotations
 * r0.., sites s0.. offering every rotation with capacity 2, supervisors v0..
 * at s0 covering everything (max 1, always available), one program P
 * requiring every rotation, trainees t0.. active throughout.  Released with
 * pl_instance_free. */
pl_instance *fx_make(int length, int nr, int ns, int nv, int nt);
char *fx_id(const char *prefix, int i);
bool *fx_bools(int n, bool v);
pl_rule *fx_rules(int nr);
/* Place trainee t at (s, r) with supervisor v in periods from..to. */
void fx_place(pl_assignment *a, int t, int s, int r, int v, int from, int to);

#endif
