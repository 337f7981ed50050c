/*
 * emit.h — turning the generator's world (gen.h) into placera/1 JSON:
 * sites and supervisors and programmes (emit_world.c), trainees
 * (emit_trainees.c).  Random choices made while emitting (leave,
 * preferences) draw from the world's PRNG in a fixed order.
 */
#ifndef PL_GEN_EMIT_H
#define PL_GEN_EMIT_H

#include <jansson.h>

#include "generate/gen.h"

typedef struct pl_gen_rule {
    bool present;
    int min, max, block_min; /* max -1 = unlimited */
    bool at_home;
} pl_gen_rule;

/* The programme templates (docs/programs.md). */
extern const pl_gen_rule pli_gen_rules[P_NPROG][G_NROT];

bool pli_gen_summer(const gen_world *w, int p);
/* "YYYY-MM" of period p. */
void pli_gen_month_text(const gen_world *w, int p, char buf[16]);
/* Add `unavailable` to person: a July or August month with probability
 * summer_p each year, parental leave of lo..hi months with parental_p.
 * off (may be NULL, [length]) is set true for each period of leave. */
pl_status pli_gen_leave(gen_world *w, json_t *person, double summer_p, double parental_p,
                       int lo, int hi, bool *off);

pl_status pli_gen_emit_sites(gen_world *w, json_t *sites, json_t *supervisors);
pl_status pli_gen_emit_programs(json_t *programs);
pl_status pli_gen_emit_trainees(gen_world *w, json_t *trainees);

#endif /* PL_GEN_EMIT_H */
