/*
 * mssp_read.c — find the MSSP items in a parsed .dzn file and check their
 * shapes (docs/mssp.md lists them), so the conversion can index freely.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/mssp.h"
#include "util/strutil.h"

static bool get_int(const pl_dzn *dzn, const char *file, const char *name, int lo, int *out,
                    pl_diags *diags)
{
    const pl_dzn_var *v = pli_dzn_find(dzn, name);
    if (!v) {
        pl_diags_add(diags, PL_SEV_ERROR, file, 0, 0, NULL, "missing the integer %s", name);
        return false;
    }
    if (v->kind != PL_DZN_INT || v->data[0] < lo || v->data[0] > 100000) {
        pl_diags_add(diags, PL_SEV_ERROR, file, v->line, v->column, NULL,
                     "%s must be an integer from %d to 100000", name, lo);
        return false;
    }
    *out = (int)v->data[0];
    return true;
}

/* An array of `nd` dimensions with the given extents. */
static const long *get_array(const pl_dzn *dzn, const char *file, const char *name, int nd,
                             const int *extent, pl_diags *diags)
{
    const pl_dzn_var *v = pli_dzn_find(dzn, name);
    if (!v) {
        pl_diags_add(diags, PL_SEV_ERROR, file, 0, 0, NULL, "missing the array %s", name);
        return NULL;
    }
    bool ok = v->kind == PL_DZN_ARRAY && v->ndims == nd;
    for (int i = 0; ok && i < nd; i++)
        ok = v->hi[i] - v->lo[i] + 1 == extent[i];
    if (!ok) {
        char shape[64] = "";
        size_t at = 0;
        for (int i = 0; i < nd; i++)
            at += (size_t)snprintf(shape + at, sizeof shape - at, "%s%d", i ? " x " : "",
                                   extent[i]);
        pl_diags_add(diags, PL_SEV_ERROR, file, v->line, v->column, NULL,
                     "%s must be a %d-D array of %s values", name, nd, shape);
        return NULL;
    }
    return v->data;
}

pl_status pli_mssp_read(const pl_dzn *dzn, const char *file, pl_mssp *m, pl_diags *diags)
{
    bool ok = true;
    memset(m, 0, sizeof *m);
    ok &= get_int(dzn, file, "Students", 1, &m->S, diags);
    ok &= get_int(dzn, file, "Disciplines", 1, &m->D, diags);
    ok &= get_int(dzn, file, "Hospitals", 1, &m->H, diags);
    ok &= get_int(dzn, file, "Horizon", 1, &m->T, diags);
    ok &= get_int(dzn, file, "Groups", 1, &m->G, diags);
    ok &= get_int(dzn, file, "Duration", 1, &m->duration, diags);
    ok &= get_int(dzn, file, "MaxDiscPerHosp", 0, &m->max_disc, diags);
    if (!ok)
        return PL_ERR_INVALID;
    if (m->T > 1000) {
        pl_diags_add(diags, PL_SEV_ERROR, file, 0, 0, NULL,
                     "Horizon %d is above placera's 1000 periods", m->T);
        return PL_ERR_INVALID;
    }
    int d[] = {m->D}, sg[] = {m->S, m->G}, sd[] = {m->S, m->D}, dd[] = {m->D, m->D},
        st[] = {m->S, m->T}, shd[] = {m->S, m->H, m->D}, hdt[] = {m->H, m->D, m->T},
        s4[] = {m->S, 4}, sh[] = {m->S, m->H};
    ok &= (m->disc_group = get_array(dzn, file, "DiscGroup", 1, d, diags)) != NULL;
    ok &= (m->stud_group = get_array(dzn, file, "StudDiscGroup", 2, sg, diags)) != NULL;
    ok &= (m->allowed = get_array(dzn, file, "AllowedDisc", 2, sd, diags)) != NULL;
    ok &= (m->preceded = get_array(dzn, file, "Precededby", 2, dd, diags)) != NULL;
    ok &= (m->avail = get_array(dzn, file, "Availability", 2, st, diags)) != NULL;
    ok &= (m->ability = get_array(dzn, file, "Ability", 3, shd, diags)) != NULL;
    ok &= (m->max_pos = get_array(dzn, file, "MaxPosHosp", 3, hdt, diags)) != NULL;
    ok &= (m->min_pos = get_array(dzn, file, "MinPosHosp", 3, hdt, diags)) != NULL;
    ok &= (m->weight = get_array(dzn, file, "WeightPref", 2, s4, diags)) != NULL;
    ok &= (m->pref_disc = get_array(dzn, file, "PrefStudDisc", 2, sd, diags)) != NULL;
    ok &= (m->pref_hosp = get_array(dzn, file, "PrefStudHosp", 2, sh, diags)) != NULL;
    ok &= (m->man_pref = get_array(dzn, file, "ManPref", 1, d, diags)) != NULL;
    if (!ok)
        return PL_ERR_INVALID;
    for (int i = 0; i < m->D; i++)
        if (m->disc_group[i] < 1 || m->disc_group[i] > m->G) {
            pl_diags_add(diags, PL_SEV_ERROR, file, 0, 0, NULL,
                         "DiscGroup[%d] = %ld is not a group from 1 to %d", i + 1,
                         m->disc_group[i], m->G);
            return PL_ERR_INVALID;
        }
    return PL_OK;
}

char *pli_mssp_name(const char *file)
{
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;
    size_t n = strlen(base);
    if (n > 4 && !strcmp(base + n - 4, ".dzn"))
        n -= 4;
    return pli_asprintf("%.*s", (int)n, base);
}
