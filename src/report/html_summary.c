/*
 * html_summary.c — the report's opening section: status, cost and its terms,
 * how much of the trainees' active time is placed, the fill rate of home
 * posts (when the instance has posts), and the unmet, unassigned and
 * understaffed counts, plus the reasons when there is no schedule.
 */
#include <math.h>
#include <stdio.h>

#include "instance/dates.h"
#include "report/report.h"

static void card(FILE *f, const char *cls, const char *value, const char *label)
{
    fprintf(f, "<div class=\"card %s\"><b>", cls);
    pli_html_put(f, value);
    fputs("</b><span>", f);
    pli_html_put(f, label);
    fputs("</span></div>\n", f);
}

/* Print -0 as 0. */
static double z(double x)
{
    return x == 0 ? 0 : x;
}

static void cost_terms(const pl_schedule *s, FILE *f)
{
    const pl_costs *c = &s->costs;
    const struct { const char *name; double v; } terms[] = {
        {"unmet", c->unmet}, {"unassigned", c->unassigned}, {"idle", c->idle},
        {"site_change", c->site_change}, {"preference", c->preference},
        {"change", c->change}, {"rank", c->rank}, {"unallocated", c->unallocated},
        {"no_mentor", c->no_mentor}, {"understaffed", c->understaffed},
        {"priority", c->priority}, {"fairness", c->fairness}};
    size_t zero = 0;
    fputs("<h3>Cost by term</h3>\n<table class=\"terms\">\n", f);
    for (size_t i = 0; i < sizeof terms / sizeof terms[0]; i++) {
        if (terms[i].v == 0) {
            zero++;
            continue;
        }
        fprintf(f, "<tr><td>%s</td><td class=\"n\">%.10g</td></tr>\n", terms[i].name,
                z(terms[i].v));
    }
    fprintf(f, "<tr><td><b>total</b></td><td class=\"n\"><b>%.10g</b></td></tr>\n"
               "</table>\n",
            z(pl_costs_total(c)));
    if (zero)
        fprintf(f, "<p class=\"note\">%zu other term%s cost nothing.</p>\n", zero,
                zero == 1 ? "" : "s");
}

/* Homes filled / posts offered, over every (site, program) with a limit. */
static bool post_fill(const pl_plan *plan, long *filled, long *posts)
{
    const pl_instance *inst = plan->inst;
    bool any = false;
    *filled = *posts = 0;
    for (int s = 0; s < inst->n_sites; s++)
        for (int g = 0; g < inst->n_programs; g++) {
            if (!inst->sites[s].posts || inst->sites[s].posts[g] < 0)
                continue;
            any = true;
            long n = 0;
            for (int t = 0; t < plan->n_trainees; t++)
                n += plan->home[t] == s && inst->trainees[t].program == g;
            *posts += inst->sites[s].posts[g];
            *filled += n < inst->sites[s].posts[g] ? n : inst->sites[s].posts[g];
        }
    return any;
}

void pli_html_summary(const pl_plan *plan, FILE *f)
{
    const pl_instance *inst = plan->inst;
    const pl_schedule *s = plan->sched;
    const pl_horizon *h = &inst->horizon;
    char buf[64], first[24], last[24];
    int y, m, d;

    fputs("<header><h1>", f);
    pli_html_put(f, inst->name && inst->name[0] ? inst->name : "Placement schedule");
    fputs("</h1>\n<p class=\"sub\">", f);
    pli_period_first_day(h, 0, &y, &m, &d);
    snprintf(first, sizeof first, "%d %s %d", d, pli_month_abbrev(m), y);
    pli_period_last_day(h, h->length - 1, &y, &m, &d);
    snprintf(last, sizeof last, "%d %s %d", d, pli_month_abbrev(m), y);
    static const char *const units[] = {"month", "week", "day"};
    fprintf(f, "%s – %s · %d period%s of %d %s%s · %d trainees · %d sites · %d "
               "supervisors</p>\n</header>\n",
            first, last, h->length, h->length == 1 ? "" : "s", h->step,
            units[h->unit], h->step == 1 ? "" : "s", inst->n_trainees, inst->n_sites,
            inst->n_supervisors);

    fputs("<h2 class=\"first\">Summary</h2>\n<div class=\"cards\">\n", f);
    bool good = s->status == PL_RESULT_OPTIMAL || s->status == PL_RESULT_FEASIBLE;
    card(f, good ? "ok" : "warn", pli_result_name(s->status), "status");
    if (s->has_cost) {
        snprintf(buf, sizeof buf, "%.10g", z(s->cost));
        card(f, "", buf, "cost");
        if (isfinite(s->gap) && s->status == PL_RESULT_FEASIBLE) {
            snprintf(buf, sizeof buf, "%.2f %%", 100 * s->gap);
            card(f, "", buf, "gap to the bound");
        }
    }
    long active = 0, placed = 0;
    for (int t = 0; t < plan->n_trainees; t++)
        for (int p = 0; p < plan->length; p++) {
            size_t i = (size_t)t * (size_t)plan->length + (size_t)p;
            active += inst->trainees[t].active[p];
            placed += plan->row_at[i] >= 0;
        }
    snprintf(buf, sizeof buf, "%.1f %%", active ? 100.0 * (double)placed / (double)active : 0.0);
    card(f, "", buf, "of active trainee-periods placed");
    long filled, posts;
    if (post_fill(plan, &filled, &posts)) {
        snprintf(buf, sizeof buf, "%ld / %ld", filled, posts);
        card(f, filled < posts ? "warn" : "ok", buf, "home posts filled");
    }
    long missing = 0, unassigned = 0, understaffed = 0;
    for (size_t i = 0; i < s->n_unmet; i++)
        missing += s->unmet[i].missing;
    for (size_t i = 0; i < s->n_unassigned; i++)
        unassigned += s->unassigned[i].to - s->unassigned[i].from + 1;
    for (size_t i = 0; i < s->n_understaffed; i++)
        understaffed += (long)s->understaffed[i].missing *
                        (s->understaffed[i].to - s->understaffed[i].from + 1);
    snprintf(buf, sizeof buf, "%ld", missing);
    card(f, missing ? "warn" : "ok", buf, "periods of unmet requirements");
    snprintf(buf, sizeof buf, "%ld", unassigned);
    card(f, unassigned ? "warn" : "ok", buf, "unassigned trainee-periods");
    snprintf(buf, sizeof buf, "%ld", understaffed);
    card(f, understaffed ? "warn" : "ok", buf, "understaffed trainee-periods");
    fputs("</div>\n", f);
    if (s->n_reasons) {
        fputs("<h3>Why there is no schedule</h3>\n<ul class=\"reasons\">\n", f);
        for (size_t i = 0; i < s->n_reasons; i++) {
            fputs("<li>", f);
            pli_html_put(f, s->reasons[i]);
            fputs("</li>\n", f);
        }
        fputs("</ul>\n", f);
    }
    if (s->has_costs)
        cost_terms(s, f);
}
