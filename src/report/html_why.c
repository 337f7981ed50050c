/*
 * html_why.c — the report's "Why" section: every unmet requirement and
 * understaffed period with its explanation (src/explain/why.h), computed
 * from the instance and the schedule, so the words are those of
 * `placera solve` for the same schedule.  People's names where the instance
 * gives them in the first columns; the explanation itself names ids.
 */
#include <stdio.h>
#include <stdlib.h>

#include "explain/why.h"
#include "report/report.h"

static void why_cell(FILE *f, char *why)
{
    fputs("<td class=\"why\">", f);
    pli_html_put(f, why ? why : "");
    fputs("</td></tr>\n", f);
}

pl_status pli_html_why(const pl_plan *plan, FILE *f)
{
    const pl_instance *inst = plan->inst;
    const pl_schedule *s = plan->sched;
    pl_status status = PL_OK;
    pl_why *w = NULL;
    if (s->n_unmet == 0 && s->n_understaffed == 0)
        return PL_OK;
    PL_TRY(pli_why_new(inst, s, &w));
    fputs("<h2>Why</h2>\n<p class=\"note\">Each unmet requirement and understaffed "
          "period, and what in the instance or the schedule keeps it so.</p>\n"
          "<table class=\"terms why\"><tbody>\n", f);
    for (size_t i = 0; i < s->n_unmet; i++) {
        const pl_unmet_row *u = &s->unmet[i];
        char *why = pli_why_unmet(w, u, &status);
        PL_TRY(status);
        fputs("<tr><td>", f);
        pli_html_put(f, u->t >= 0 ? pli_trainee_label(inst, u->t) : u->trainee);
        fputs("</td><td>", f);
        pli_html_put(f, u->r >= 0 ? pli_rotation_label(inst, u->r) : u->rotation);
        fprintf(f, "</td><td class=\"n\">−%d</td>", u->missing);
        why_cell(f, why);
        free(why);
    }
    for (size_t i = 0; i < s->n_understaffed; i++) {
        const pl_span_row *u = &s->understaffed[i];
        char *why = pli_why_understaffed(w, u, &status), a[24], b[24];
        PL_TRY(status);
        fputs("<tr><td>", f);
        pli_html_put(f, u->s >= 0 ? pli_site_label(inst, u->s) : u->site);
        fputs("</td><td>", f);
        pli_html_put(f, u->r >= 0 ? pli_rotation_label(inst, u->r) : u->rotation);
        pli_period_label(&inst->horizon, u->from, a);
        pli_period_label(&inst->horizon, u->to, b);
        if (u->from == u->to)
            fprintf(f, " · %s", a);
        else
            fprintf(f, " · %s – %s", a, b);
        fprintf(f, "</td><td class=\"n\">−%d</td>", u->missing);
        why_cell(f, why);
        free(why);
    }
    fputs("</tbody></table>\n", f);
cleanup:
    pli_why_free(w);
    return status;
}
