/*
 * gen.h — the generator's world before it becomes JSON: a seeded PRNG,
 * regions cut into areas, hospitals and vårdcentraler, programmes, and
 * trainees with their plans (docs/generator.md, docs/programs.md).
 * Everything is built deterministically from the seed.
 */
#ifndef PL_GEN_H
#define PL_GEN_H

#include <stdbool.h>
#include <stdint.h>

#include "placera.h"

/* splitmix64: small, fast, and the same on every platform. */
typedef struct pl_rng {
    uint64_t state;
} pl_rng;

uint64_t pli_rng_next(pl_rng *rng);
/* Uniform in [lo, hi] (inclusive). */
int pli_rng_int(pl_rng *rng, int lo, int hi);
/* True with probability p. */
bool pli_rng_chance(pl_rng *rng, double p);

enum { G_IM, G_SU, G_EM, G_OR, G_PSY, G_PC, G_NROT };
enum { P_AT, P_BT, P_STPSY, P_STORT, P_INTRO, P_NPROG };

extern const char *const pli_gen_rotation_id[G_NROT];
extern const char *const pli_gen_rotation_name[G_NROT];
extern const char *const pli_gen_program_id[P_NPROG];

#define G_MAX_PLAN 72

typedef struct gen_site {
    char id[64];
    char name[96];
    int area, region;
    bool hospital, county;
    bool offers[G_NROT];
    int *demand;          /* [G_NROT * length]: planned trainees per period */
    int cap[G_NROT];      /* outside the summer */
    int min[G_NROT];      /* wanted staffing outside the summer */
} gen_site;

typedef struct gen_area {
    char id[24];
    char name[48];
    int region;
    int hospital;         /* its hospital site */
    int county;           /* the county hospital of its region */
    int first_vc, n_vc;   /* its vårdcentraler: sites first_vc .. first_vc + n_vc - 1 */
} gen_area;

typedef struct gen_trainee {
    char id[32];
    int program;
    int home, area;
    int length;           /* programme months in all */
    int done;             /* months done before the horizon */
    int start;            /* first period in the horizon */
    int months;           /* programme months inside the horizon */
    signed char plan[G_MAX_PLAN]; /* rotation of each programme month */
    int plan_site[G_MAX_PLAN];    /* where the plan would place it (for capacity) */
} gen_trainee;

typedef struct gen_world {
    pl_rng rng;
    int length;           /* months */
    int start_year, start_month;
    int n_regions;
    int n_areas;
    gen_area *areas;
    int n_sites;
    gen_site *sites;
    int n_trainees;
    gen_trainee *trainees;
} gen_world;

/* Regions, areas, hospitals and vårdcentraler (geography.c). */
pl_status pli_gen_geography(gen_world *w, int n_sites);
/* Trainees with their plans and the demand they put on sites (trainees.c). */
pl_status pli_gen_trainees(gen_world *w, int n_trainees);
/* The calendar month (1..12) of period p. */
int pli_gen_month(const gen_world *w, int p);
void pli_gen_free(gen_world *w);

#endif /* PL_GEN_H */
