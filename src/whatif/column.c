/*
 * column.c — the what-if column: initialising, releasing, marking a
 * scenario invalid, and the cost terms by name (whatif.h).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/strutil.h"
#include "whatif/whatif.h"

static const struct {
    const char *name;
    size_t offset;
} terms[PL_WHATIF_N_TERMS] = {
    {"unmet", offsetof(pl_costs, unmet)},
    {"unassigned", offsetof(pl_costs, unassigned)},
    {"idle", offsetof(pl_costs, idle)},
    {"site_change", offsetof(pl_costs, site_change)},
    {"preference", offsetof(pl_costs, preference)},
    {"change", offsetof(pl_costs, change)},
    {"rank", offsetof(pl_costs, rank)},
    {"unallocated", offsetof(pl_costs, unallocated)},
    {"no_mentor", offsetof(pl_costs, no_mentor)},
    {"understaffed", offsetof(pl_costs, understaffed)},
    {"priority", offsetof(pl_costs, priority)},
    {"fairness", offsetof(pl_costs, fairness)},
};

const char *pli_whatif_term_name(int i)
{
    return terms[i].name;
}

double *pli_whatif_term(pl_costs *costs, int i)
{
    return (double *)(void *)((char *)costs + terms[i].offset);
}

double pli_whatif_term_value(const pl_costs *costs, int i)
{
    return *(const double *)(const void *)((const char *)costs + terms[i].offset);
}

void pl_whatif_column_init(pl_whatif_column *c)
{
    memset(c, 0, sizeof *c);
    c->cost = c->bound = c->seconds = NAN;
}

void pl_whatif_column_clear(pl_whatif_column *c)
{
    if (!c)
        return;
    free(c->label);
    free(c->file);
    free(c->name);
    free(c->status);
    for (size_t i = 0; i < c->n_errors; i++)
        free(c->errors[i]);
    free(c->errors);
    for (size_t i = 0; i < c->n_sites; i++)
        free(c->sites[i].site);
    free(c->sites);
    for (size_t i = 0; i < c->n_moves; i++) {
        free(c->moves[i].trainee);
        free(c->moves[i].trainee_name);
        free(c->moves[i].when);
        free(c->moves[i].before);
        free(c->moves[i].after);
        free(c->moves[i].before_site);
        free(c->moves[i].before_rotation);
        free(c->moves[i].after_site);
        free(c->moves[i].after_rotation);
    }
    free(c->moves);
    pl_whatif_column_init(c);
}

pl_status pl_whatif_column_invalid(pl_whatif_column *c, const char *label,
                                   const char *file, const pl_diags *diags)
{
    pl_status status = PL_OK;
    pl_whatif_column_clear(c);
    if (!(c->label = pli_strdup(label ? label : "")) ||
        !(c->file = pli_strdup(file ? file : "")) ||
        !(c->status = pli_strdup("invalid"))) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    if (diags && diags->count) {
        if (!(c->errors = calloc(diags->count, sizeof *c->errors))) {
            status = PL_ERR_NOMEM;
            goto cleanup;
        }
        for (size_t i = 0; i < diags->count; i++) {
            if (diags->items[i].severity != PL_SEV_ERROR)
                continue;
            int n = pl_diag_format(&diags->items[i], NULL, 0);
            char *text = malloc((size_t)(n > 0 ? n : 0) + 1);
            if (!text) {
                status = PL_ERR_NOMEM;
                goto cleanup;
            }
            pl_diag_format(&diags->items[i], text, (size_t)(n > 0 ? n : 0) + 1);
            c->errors[c->n_errors++] = text;
        }
    }
cleanup:
    return status;
}
