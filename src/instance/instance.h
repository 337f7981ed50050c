/*
 * instance.h — the resolved, validated form of an instance (format.md §2).
 *
 * The loader (load.c / validate.c) turns the JSON document into this struct:
 * every id is replaced by an index, every time by a period number, every
 * window is cut to the horizon, every default is filled in, and each
 * trainee's rules are the program's rules merged with the trainee's own
 * overrides (§2.6).  Everything downstream (model builder, checker, writers)
 * reads only this struct and never the JSON.
 *
 * Conventions: indices are 0-based ints; -1 means "none"; PL_UNLIMITED means
 * "no upper bound".  Per-period arrays have horizon.length entries.  The
 * instance owns every pointer in it; pl_instance_free releases all of it.
 */
#ifndef PL_INSTANCE_H
#define PL_INSTANCE_H

#include <limits.h>
#include <stdbool.h>

#include "placera.h"

#define PL_UNLIMITED INT_MAX

/* Hard size limits checked before anything large is allocated. */
#define PL_MAX_PERIODS 1000
#define PL_MAX_ID_LENGTH 64
/* Products that size the per-period arrays of the loaded instance: above
 * them the instance is refused before they are allocated (validate_top.c). */
#define PL_MAX_TRAINEE_PERIODS 10000000.0 /* trainees x periods */
#define PL_MAX_SITE_PERIODS 10000000.0    /* sites x rotations x periods */
#define PL_MAX_TRAINEE_SITES 50000000.0   /* trainees x sites */
/* The largest |weight|, |preference| and |priority|: their products summed
 * over every trainee-period stay far from overflow (json_read.c). */
#define PL_MAX_MAGNITUDE 1e9

typedef enum pl_unit { PL_UNIT_MONTH = 0, PL_UNIT_WEEK = 1, PL_UNIT_DAY = 2 } pl_unit;

typedef struct pl_horizon {
    int year, month, day; /* civil date on which period 0 starts */
    pl_unit unit;
    int step;             /* units per period, >= 1 */
    int length;           /* number of periods, 1..PL_MAX_PERIODS */
    bool open_end;
} pl_horizon;

/* The weights of format.md §2.9, top level or merged per trainee. */
typedef struct pl_weights {
    double unmet, unassigned, understaffed, idle, site_change, preference,
        priority, change, fairness, unallocated, rank, no_mentor;
} pl_weights;

/* One requirement rule (program or merged trainee rule) for one rotation. */
typedef struct pl_rule {
    bool present;     /* the rotation is in the requirements (may be placed) */
    int min;          /* periods, soft; default 0 */
    int max;          /* periods, hard; PL_UNLIMITED by default */
    int block_min;    /* default 1 */
    int block_max;    /* PL_UNLIMITED by default */
    bool *sites;      /* [n_sites] allowed sites, or NULL = all sites */
    bool at_home;     /* only at the trainee's home */
    int *after;       /* rotation indices that must come before */
    int n_after;
} pl_rule;

typedef struct pl_choice {
    int *rotations; /* rotation indices, distinct */
    int n_rotations;
    int pick;       /* exactly this many of them are done */
} pl_choice;

typedef struct pl_rotation {
    char *id;
    char *name; /* NULL when not given */
} pl_rotation;

typedef struct pl_site {
    char *id;
    char *name;        /* NULL when not given */
    int area;          /* index into instance->areas, or -1 */
    double priority;   /* default 0 */
    bool *offers;      /* [n_rotations]: rotation is a key of `capacity` */
    int *cap_max;      /* [n_rotations * length], index r * length + p; 0 where not offered */
    int *cap_min;      /* [n_rotations * length]; 0 where not offered; as
                          given, so it may exceed cap_max: whoever uses it
                          caps it at cap_max (format.md 3.9 point 25) */
    int *posts;        /* [n_programs]: home posts per program, -1 = no limit */
    int **ranking;     /* [n_programs]: trainee indices best first, or NULL = no ranking */
    int *n_ranking;    /* [n_programs] */
} pl_site;

typedef struct pl_supervisor {
    char *id;
    char *name;        /* for people (any text), NULL when not given */
    int site;
    bool *rotations;   /* [n_rotations]: covers it (default: the site's capacity keys) */
    bool *programs;    /* [n_programs]: qualified for it (default: all) */
    int max_trainees;  /* default 1 */
    int mentees;       /* default 0 */
    int start, end;    /* the window cut to the horizon (default 0 .. length-1;
                          start > end when never inside it) */
    bool *available;   /* [length]: inside start..end and not unavailable */
} pl_supervisor;

typedef struct pl_program {
    char *id;
    pl_rule *rules;    /* [n_rotations]; rules[r].present says whether r is required */
    pl_choice *choices;
    int n_choices;
    int max_per_site;  /* PL_UNLIMITED by default */
    bool mentor;       /* default false */
} pl_program;

typedef struct pl_fixed {
    int site;     /* -1 = any site */
    int rotation; /* -1 = any rotation */
    int from, to; /* inclusive, inside the horizon */
} pl_fixed;

typedef struct pl_previous {
    int site, rotation; /* -1 when there is no previous placement */
    int periods;        /* 0 when there is no previous placement */
} pl_previous;

typedef struct pl_trainee {
    char *id;
    char *name;           /* for people (any text), NULL when not given */
    int program;
    int start, end;       /* cut to the horizon; start > end when never inside it */
    bool *active;         /* [length]: between start and end and not unavailable */
    int home;             /* site index, or -1 (unknown or allocated) */
    int *home_choices;    /* site indices, most wanted first */
    int n_home_choices;
    bool has_home_choices;/* home_choices was given (then home == -1) */
    int *areas;           /* area indices (instance->areas) */
    int n_areas;
    bool has_areas;       /* `areas` was given: restrict sites to these areas */
    pl_rule *rules;       /* [n_rotations]: program rules merged with overrides */
    pl_choice *choices;   /* merged: the trainee's list, or the program's */
    int n_choices;
    int max_per_site;     /* merged; PL_UNLIMITED by default */
    bool mentor;          /* merged */
    int *completed;       /* [n_rotations], default 0 */
    pl_previous previous;
    double *pref_site;    /* [n_sites], default 0 */
    double *pref_rotation;/* [n_rotations], default 0 */
    pl_fixed *fixed;
    int n_fixed;
    int mentor_id;        /* supervisor index, or -1 */
    pl_weights weights;   /* top-level weights with the trainee's overrides */
} pl_trainee;

struct pl_instance {
    char *source;         /* file name used in messages */
    char *name;           /* the instance's `name`, or "" */
    pl_horizon horizon;
    int n_rotations;
    pl_rotation *rotations;
    int n_sites;
    pl_site *sites;
    int n_supervisors;
    pl_supervisor *supervisors;
    int n_programs;
    pl_program *programs;
    int n_trainees;
    pl_trainee *trainees;
    int n_areas;
    char **areas;         /* distinct area names from sites and trainees */
    pl_weights weights;   /* top level, defaults filled in */
    bool stable;          /* allocation.stable */
    struct pl_instance_index *index; /* private hash tables by id (lookup.c), or NULL */
};

/* Lookups by id: index or -1.  Linear or hashed; fine for any size. */
int pli_instance_rotation_index(const pl_instance *inst, const char *id);
int pli_instance_site_index(const pl_instance *inst, const char *id);
int pli_instance_supervisor_index(const pl_instance *inst, const char *id);
int pli_instance_program_index(const pl_instance *inst, const char *id);
int pli_instance_trainee_index(const pl_instance *inst, const char *id);

/* Names for people (format.md 3.9 point 26): the `name` of trainee t /
 * supervisor v when given, else its id; "?" for an index out of range.
 * Borrowed from inst. */
const char *pli_trainee_label(const pl_instance *inst, int t);
const char *pli_supervisor_label(const pl_instance *inst, int v);

/* The default weights of format.md §2.9. */
void pli_weights_defaults(pl_weights *w);

/* Capacity of (site, rotation) in period p. */
static inline int pl_cap_max(const pl_instance *inst, int s, int r, int p)
{
    return inst->sites[s].cap_max[r * inst->horizon.length + p];
}
static inline int pl_cap_min(const pl_instance *inst, int s, int r, int p)
{
    return inst->sites[s].cap_min[r * inst->horizon.length + p];
}

#endif /* PL_INSTANCE_H */
