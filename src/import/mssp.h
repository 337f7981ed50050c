/*
 * mssp.h — the Medical Student Scheduling Problem data as read from a .dzn
 * file (see docs/mssp.md), checked for shape, and its conversion to a
 * placera instance.  Arrays point into the pl_dzn they came from.
 */
#ifndef PL_MSSP_H
#define PL_MSSP_H

#include <jansson.h>

#include "import/dzn.h"
#include "placera.h"

typedef struct pl_mssp {
    int S, D, H, T, G;  /* students, disciplines, hospitals, periods, groups */
    int duration;       /* periods per internship */
    int max_disc;       /* MaxDiscPerHosp */
    const long *disc_group;  /* [D], 1-based group numbers */
    const long *stud_group;  /* [S*G] */
    const long *allowed;     /* [S*D] */
    const long *preceded;    /* [D*D]: [d*D+e] = 1 when e must come before d */
    const long *avail;       /* [S*T] */
    const long *ability;     /* [S*H*D] */
    const long *max_pos;     /* [H*D*T] */
    const long *min_pos;     /* [H*D*T] */
    const long *weight;      /* [S*4]: discipline, hospital, change, waiting */
    const long *pref_disc;   /* [S*D] */
    const long *pref_hosp;   /* [S*H] */
    const long *man_pref;    /* [D] */
} pl_mssp;

/* Check that `dzn` holds every MSSP item with the right shape and fill `m`
 * (pointers into dzn).  Problems go to `diags` naming `file`. */
pl_status pli_mssp_read(const pl_dzn *dzn, const char *file, pl_mssp *m, pl_diags *diags);

/* The instance name for a file: its base name without ".dzn".  Caller frees. */
char *pli_mssp_name(const char *file);

/* Build the placera/1 instance of `m`; *out is a new reference owned by the
 * caller. */
pl_status pli_mssp_to_json(const pl_mssp *m, const char *file, json_t **out);

#endif /* PL_MSSP_H */
