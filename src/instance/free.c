/*
 * free.c — pl_instance_free: release a resolved instance and everything it
 * owns.  Safe on partly filled instances (the loader frees those on error).
 */
#include <stdlib.h>

#include "instance/lookup.h"
#include "instance/validate.h"

void pli_rule_release(pl_rule *r)
{
    free(r->sites);
    free(r->after);
    r->sites = NULL;
    r->after = NULL;
    r->n_after = 0;
}

void pli_choices_release(pl_choice *c, int n)
{
    for (int i = 0; c && i < n; i++)
        free(c[i].rotations);
    free(c);
}

static void free_rules(pl_rule *rules, int n)
{
    for (int i = 0; rules && i < n; i++)
        pli_rule_release(&rules[i]);
    free(rules);
}

void pl_instance_free(pl_instance *inst)
{
    if (!inst)
        return;
    int nr = inst->n_rotations, np = inst->n_programs;
    for (int i = 0; inst->rotations && i < nr; i++) {
        free(inst->rotations[i].id);
        free(inst->rotations[i].name);
    }
    free(inst->rotations);
    for (int i = 0; inst->sites && i < inst->n_sites; i++) {
        pl_site *s = &inst->sites[i];
        free(s->id);
        free(s->name);
        free(s->offers);
        free(s->cap_max);
        free(s->cap_min);
        free(s->posts);
        for (int g = 0; s->ranking && g < np; g++)
            free(s->ranking[g]);
        free(s->ranking);
        free(s->n_ranking);
    }
    free(inst->sites);
    for (int i = 0; inst->supervisors && i < inst->n_supervisors; i++) {
        pl_supervisor *u = &inst->supervisors[i];
        free(u->id);
        free(u->name);
        free(u->rotations);
        free(u->programs);
        free(u->available);
    }
    free(inst->supervisors);
    for (int i = 0; inst->programs && i < np; i++) {
        pl_program *g = &inst->programs[i];
        free(g->id);
        free_rules(g->rules, nr);
        pli_choices_release(g->choices, g->n_choices);
    }
    free(inst->programs);
    for (int i = 0; inst->trainees && i < inst->n_trainees; i++) {
        pl_trainee *t = &inst->trainees[i];
        free(t->id);
        free(t->name);
        free(t->active);
        free(t->home_choices);
        free(t->areas);
        free_rules(t->rules, nr);
        pli_choices_release(t->choices, t->n_choices);
        free(t->completed);
        free(t->pref_site);
        free(t->pref_rotation);
        free(t->fixed);
    }
    free(inst->trainees);
    for (int i = 0; inst->areas && i < inst->n_areas; i++)
        free(inst->areas[i]);
    free(inst->areas);
    pli_instance_index_free(inst->index);
    free(inst->source);
    free(inst->name);
    free(inst);
}
