/*
 * html_load.c — two heatmaps over the periods: occupancy of each site and
 * rotation (trainees / capacity, understaffed cells in a warning colour,
 * closed cells greyed) and the load of each supervisor (trainees named in
 * the schedule's rows / max_trainees, unavailable periods greyed).
 */
#include <stdlib.h>

#include "report/report.h"

/* The class of a cell with n of cap (min: the wanted minimum). */
static const char *level(int n, int cap, int min)
{
    if (n > cap)
        return "ov";
    if (n < min)
        return "u";
    if (n == 0)
        return "h0";
    if (n == cap)
        return "h3";
    return 2 * n < cap ? "h1" : "h2";
}

void pli_html_occupancy(const pl_plan *plan, FILE *f)
{
    const pl_instance *inst = plan->inst;
    int L = plan->length, R = inst->n_rotations;
    fputs("<h2>Site occupancy</h2>\n<p class=\"note\">Trainees / capacity in each "
          "period. <span class=\"u\">&nbsp;orange&nbsp;</span> below the wanted "
          "minimum, <span class=\"h3\">&nbsp;blue&nbsp;</span> full, "
          "<span class=\"x\">&nbsp;–&nbsp;</span> closed.</p>\n",
          f);
    int *count = calloc((size_t)inst->n_sites * (size_t)R * (size_t)L + 1, sizeof *count);
    if (!count) {
        fputs("<p class=\"note\">(out of memory)</p>\n", f);
        return;
    }
    for (int t = 0; t < plan->n_trainees; t++)
        for (int p = 0; p < L; p++) {
            int ri = plan->row_at[(size_t)t * (size_t)L + (size_t)p];
            if (ri < 0)
                continue;
            const pl_row *row = &plan->sched->rows[ri];
            count[((size_t)row->s * (size_t)R + (size_t)row->r) * (size_t)L + (size_t)p]++;
        }
    fputs("<table class=\"hm\">", f);
    pli_html_period_head(plan, f, "<th>site</th><th>rotation</th>");
    fputs("<tbody>\n", f);
    for (int s = 0; s < inst->n_sites; s++) {
        bool first = true;
        for (int r = 0; r < R; r++) {
            if (!inst->sites[s].offers[r])
                continue;
            fprintf(f, "<tr><td class=\"s%s\">", first ? " t" : "");
            if (first)
                pli_html_put(f, pli_site_label(inst, s));
            fprintf(f, "</td><td class=\"r%s\">", first ? " t" : "");
            pli_html_put(f, pli_rotation_label(inst, r));
            fputs("</td>", f);
            for (int p = 0; p < L; p++) {
                int n = count[((size_t)s * (size_t)R + (size_t)r) * (size_t)L + (size_t)p];
                int cap = pl_cap_max(inst, s, r, p), min = pl_cap_min(inst, s, r, p);
                if (min > cap) /* format.md 3.9 point 25 */
                    min = cap;
                const char *top = first ? " t" : "";
                if (cap == 0 && n == 0 && min == 0)
                    fprintf(f, "<td class=\"c x%s\">–</td>", top);
                else
                    fprintf(f, "<td class=\"c %s%s\">%d/%d</td>", level(n, cap, min), top,
                            n, cap);
            }
            fputs("</tr>\n", f);
            first = false;
        }
    }
    fputs("</tbody></table>\n", f);
    free(count);
}

pl_status pli_html_supervisor_load(const pl_plan *plan, FILE *f)
{
    const pl_instance *inst = plan->inst;
    const pl_schedule *sched = plan->sched;
    int L = plan->length, V = inst->n_supervisors;
    /* load[v * L + p]; row V of each site: rows that name no supervisor. */
    int *load = calloc(((size_t)V + 1) * (size_t)L + 1, sizeof *load);
    int *unnamed = calloc((size_t)inst->n_sites * (size_t)L + 1, sizeof *unnamed);
    if (!load || !unnamed) {
        free(load);
        free(unnamed);
        return PL_ERR_NOMEM;
    }
    for (size_t k = 0; k < plan->n_order; k++) {
        const pl_row *row = &sched->rows[plan->order[k]];
        int a = row->from < 0 ? 0 : row->from, b = row->to >= L ? L - 1 : row->to;
        for (int p = a; p <= b; p++) {
            if (row->sup >= 0 && row->sup < V)
                load[(size_t)row->sup * (size_t)L + (size_t)p]++;
            else
                unnamed[(size_t)row->s * (size_t)L + (size_t)p]++;
        }
    }
    fputs("<h2>Supervisor load</h2>\n<p class=\"note\">Trainees supervised / "
          "max_trainees in each period, from the supervisors named in the schedule; "
          "<span class=\"x\">&nbsp;–&nbsp;</span> unavailable.</p>\n<table class=\"hm\">",
          f);
    pli_html_period_head(plan, f, "<th>site</th><th>supervisor</th>");
    fputs("<tbody>\n", f);
    for (int s = 0; s < inst->n_sites; s++) {
        bool first = true;
        for (int v = 0; v <= V; v++) {
            bool is_unnamed = v == V;
            if (!is_unnamed && inst->supervisors[v].site != s)
                continue;
            if (is_unnamed) {
                bool any = false;
                for (int p = 0; p < L && !any; p++)
                    any = unnamed[(size_t)s * (size_t)L + (size_t)p] > 0;
                if (!any)
                    continue;
            }
            const char *top = first ? " t" : "";
            fprintf(f, "<tr><td class=\"s%s\">", top);
            if (first)
                pli_html_put(f, pli_site_label(inst, s));
            fprintf(f, "</td><td class=\"r%s\">", top);
            if (is_unnamed)
                fputs("<i>not named</i>", f);
            else
                pli_html_put(f, pli_supervisor_label(inst, v));
            fputs("</td>", f);
            for (int p = 0; p < L; p++) {
                if (is_unnamed) {
                    int n = unnamed[(size_t)s * (size_t)L + (size_t)p];
                    fprintf(f, "<td class=\"c h0%s\">%d</td>", top, n);
                    continue;
                }
                const pl_supervisor *sv = &inst->supervisors[v];
                int n = load[(size_t)v * (size_t)L + (size_t)p];
                if (!sv->available[p] && n == 0)
                    fprintf(f, "<td class=\"c x%s\">–</td>", top);
                else if (n == 0)
                    fprintf(f, "<td class=\"c h0%s\"></td>", top);
                else
                    fprintf(f, "<td class=\"c %s%s\">%d/%d</td>",
                            !sv->available[p] ? "ov" : level(n, sv->max_trainees, 0), top,
                            n, sv->max_trainees);
            }
            fputs("</tr>\n", f);
            first = false;
        }
    }
    fputs("</tbody></table>\n", f);
    free(load);
    free(unnamed);
    return PL_OK;
}
