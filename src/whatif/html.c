/*
 * html.c — pl_whatif_write_html: the what-if comparison as one
 * self-contained HTML page (inline CSS and SVG, no scripts): the figures of
 * every column, then one row per trainee with the base's timeline and each
 * scenario's side by side, the periods a scenario places differently from
 * the base outlined in red, and the list of who moves.  Rotations keep the
 * report's colours (src/report), matched to the base's rotations by id so
 * that a colour means the same rotation in every column.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "instance/dates.h"
#include "report/report.h"
#include "util/write_atomic.h"
#include "whatif/whatif.h"

/* A schedule as (site, rotation) per trainee-period of its own instance. */
typedef struct cells {
    int *site, *rotation; /* [n_trainees * length], -1 = not placed */
} cells;

static pl_status cells_build(const pl_instance *inst, const pl_schedule *s, cells *c)
{
    size_t n = (size_t)inst->n_trainees * (size_t)inst->horizon.length;
    c->site = malloc((n + 1) * sizeof *c->site);
    c->rotation = malloc((n + 1) * sizeof *c->rotation);
    if (!c->site || !c->rotation)
        return PL_ERR_NOMEM;
    for (size_t k = 0; k < n; k++)
        c->site[k] = c->rotation[k] = -1;
    for (size_t i = 0; s && i < s->n_rows; i++) {
        const pl_row *row = &s->rows[i];
        int t = pli_instance_trainee_index(inst, row->trainee);
        int si = pli_instance_site_index(inst, row->site);
        int r = pli_instance_rotation_index(inst, row->rotation);
        if (t < 0 || si < 0 || r < 0)
            continue;
        for (int p = row->from < 0 ? 0 : row->from; p <= row->to && p < inst->horizon.length; p++) {
            c->site[(size_t)t * inst->horizon.length + p] = si;
            c->rotation[(size_t)t * inst->horizon.length + p] = r;
        }
    }
    return PL_OK;
}

typedef struct page {
    const pl_instance *const *insts; /* [n]: [0] the base */
    const pl_schedule *const *scheds;
    const pl_whatif_column *cols;
    size_t n;
    cells *grid;                     /* [n] */
    int cw;                          /* pixels per period */
} page;

static const char CSS[] =
    "body{font:13px/1.4 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;"
    "color:#1d2330;margin:0;padding:20px 28px}h1{font-size:21px;margin:0 0 4px}"
    "h2{font-size:16px;margin:24px 0 8px;border-bottom:2px solid #d9dee7}"
    "table{border-collapse:collapse}td,th{padding:2px 8px;text-align:left}"
    ".fig td{border-bottom:1px solid #eef0f4}.fig td.n{text-align:right;"
    "font-variant-numeric:tabular-nums}.tl td{border-bottom:1px solid #eef0f4;"
    "padding:1px 6px}.tl svg{display:block}.tl th{font-weight:600;font-size:12px}"
    "svg text{font-size:10px}.moved{fill:none;stroke:#c0392b;stroke-width:2}"
    ".none{fill:#f3f4f7}.legend{font-size:12px;color:#5b6578}"
    "li{margin:2px 0}";

/* The site and rotation of trainee `id` in period p of column i (ids), or
 * NULLs. */
static void at(const page *pg, size_t i, const char *id, int p, const char **s,
               const char **r, int *rot)
{
    const pl_instance *inst = pg->insts[i];
    *s = *r = NULL;
    *rot = -1;
    int t = pli_instance_trainee_index(inst, id);
    if (t < 0 || p >= inst->horizon.length || !pg->scheds[i])
        return;
    size_t k = (size_t)t * (size_t)inst->horizon.length + (size_t)p;
    if (pg->grid[i].site[k] < 0)
        return;
    *s = inst->sites[pg->grid[i].site[k]].id;
    *r = inst->rotations[pg->grid[i].rotation[k]].id;
    int rb = pli_instance_rotation_index(pg->insts[0], *r); /* base colours */
    *rot = rb >= 0 ? rb : pg->grid[i].rotation[k];
}

static bool same(const char *a, const char *b)
{
    return (!a && !b) || (a && b && !strcmp(a, b));
}

/* One timeline: runs as coloured bars labelled with the site, moved
 * periods (scenario columns) outlined. */
static void timeline(const page *pg, size_t i, const char *id, FILE *f)
{
    int T = pg->insts[i]->horizon.length, cw = pg->cw;
    fprintf(f, "<svg width=\"%d\" height=\"20\">", T * cw);
    fprintf(f, "<rect class=\"none\" width=\"%d\" height=\"20\"/>", T * cw);
    int p = 0;
    while (p < T) {
        const char *s, *r;
        int rot;
        at(pg, i, id, p, &s, &r, &rot);
        int q = p;
        for (;;) {
            const char *s2, *r2;
            int rot2;
            if (q + 1 >= T)
                break;
            at(pg, i, id, q + 1, &s2, &r2, &rot2);
            if (!same(s, s2) || !same(r, r2))
                break;
            q++;
        }
        if (s) {
            fprintf(f, "<rect x=\"%d\" y=\"2\" width=\"%d\" height=\"16\" rx=\"2\" "
                       "fill=\"%s\"><title>",
                    p * cw + 1, (q - p + 1) * cw - 2, pli_rotation_colour(rot));
            pli_html_put(f, s);
            fputs(" (", f);
            pli_html_put(f, r);
            fputs(")</title></rect>", f);
            int room = ((q - p + 1) * cw - 4) / 6;
            if (room >= 3) {
                fprintf(f, "<text x=\"%d\" y=\"14\" fill=\"%s\">", p * cw + 3,
                        pli_rotation_ink(rot));
                char buf[64];
                snprintf(buf, sizeof buf, "%.*s", room < 60 ? room : 60, s);
                pli_html_put(f, buf);
                fputs("</text>", f);
            }
        }
        p = q + 1;
    }
    if (i > 0) /* periods placed differently from the base */
        for (int k = 0; k < T; k++) {
            const char *s0, *r0, *s1, *r1;
            int x0, x1;
            at(pg, 0, id, k, &s0, &r0, &x0);
            at(pg, i, id, k, &s1, &r1, &x1);
            if (pg->scheds[i] && (!same(s0, s1) || !same(r0, r1)))
                fprintf(f, "<rect class=\"moved\" x=\"%d\" y=\"1\" width=\"%d\" height=\"18\"/>",
                        k * cw + 1, cw - 2);
        }
    fputs("</svg>", f);
}

static void figures(const page *pg, FILE *f)
{
    fputs("<table class=\"fig\"><tr><th></th>", f);
    for (size_t i = 0; i < pg->n; i++) {
        fputs("<th>", f);
        pli_html_put(f, pg->cols[i].label ? pg->cols[i].label : "");
        fputs("</th>", f);
    }
    fputs("</tr>\n<tr><td>status</td>", f);
    for (size_t i = 0; i < pg->n; i++) {
        fputs("<td class=\"n\">", f);
        pli_html_put(f, pg->cols[i].status ? pg->cols[i].status : "-");
        fputs("</td>", f);
    }
    fputs("</tr>\n<tr><td>cost</td>", f);
    for (size_t i = 0; i < pg->n; i++)
        if (pg->cols[i].has_schedule)
            fprintf(f, "<td class=\"n\">%.10g</td>", pg->cols[i].cost);
        else
            fputs("<td class=\"n\">-</td>", f);
    fputs("</tr>\n", f);
    for (int k = 0; k < PL_WHATIF_N_TERMS; k++) {
        bool any = false;
        for (size_t i = 0; i < pg->n; i++)
            any |= pg->cols[i].has_schedule && pli_whatif_term_value(&pg->cols[i].costs, k) != 0;
        if (!any)
            continue;
        fprintf(f, "<tr><td>&nbsp;&nbsp;%s</td>", pli_whatif_term_name(k));
        for (size_t i = 0; i < pg->n; i++)
            fprintf(f, "<td class=\"n\">%.10g</td>",
                    pg->cols[i].has_schedule ? pli_whatif_term_value(&pg->cols[i].costs, k) : 0.0);
        fputs("</tr>\n", f);
    }
    static const char *const labels[] = {"unmet periods", "unassigned periods",
                                         "understaffed periods", "trainees changed",
                                         "trainee-periods changed"};
    for (int k = 0; k < 5; k++) {
        fprintf(f, "<tr><td>%s</td>", labels[k]);
        for (size_t i = 0; i < pg->n; i++) {
            const pl_whatif_column *c = &pg->cols[i];
            long v = k == 0 ? c->unmet : k == 1 ? c->unassigned : k == 2 ? c->understaffed
                   : k == 3 ? c->trainees_changed : c->periods_changed;
            bool known = k < 3 ? c->has_schedule : c->compared;
            if (known)
                fprintf(f, "<td class=\"n\">%ld</td>", v);
            else
                fputs("<td class=\"n\">-</td>", f);
        }
        fputs("</tr>\n", f);
    }
    fputs("</table>\n", f);
}

/* Trainee ids of every column, the base's first, each once. */
static void timelines(const page *pg, FILE *f)
{
    fputs("<h2>Timelines</h2>\n<p class=\"legend\">Bars are placements coloured by "
          "rotation and labelled with the site; a red outline marks a period that the "
          "scenario places differently from the base.</p>\n<table class=\"tl\"><tr><th>trainee</th>",
          f);
    for (size_t i = 0; i < pg->n; i++) {
        fputs("<th>", f);
        pli_html_put(f, pg->cols[i].label ? pg->cols[i].label : "");
        fputs("</th>", f);
    }
    fputs("</tr>\n", f);
    for (size_t c = 0; c < pg->n; c++) {
        const pl_instance *inst = pg->insts[c];
        for (int t = 0; t < inst->n_trainees; t++) {
            const char *id = inst->trainees[t].id;
            bool earlier = false;
            for (size_t d = 0; d < c && !earlier; d++)
                earlier = pli_instance_trainee_index(pg->insts[d], id) >= 0;
            if (earlier)
                continue;
            fputs("<tr><td>", f);
            pli_html_put(f, id);
            fputs("</td>", f);
            for (size_t i = 0; i < pg->n; i++) {
                fputs("<td>", f);
                timeline(pg, i, id, f);
                fputs("</td>", f);
            }
            fputs("</tr>\n", f);
        }
    }
    fputs("</table>\n", f);
}

static void moves(const page *pg, FILE *f)
{
    fputs("<h2>Who moves</h2>\n", f);
    for (size_t i = 1; i < pg->n; i++) {
        const pl_whatif_column *c = &pg->cols[i];
        fputs("<h3>", f);
        pli_html_put(f, c->label ? c->label : "");
        fputs("</h3>\n<ul>\n", f);
        if (c->n_moves == 0)
            fputs("<li>nobody</li>\n", f);
        for (size_t k = 0; k < c->n_moves; k++) {
            const pl_whatif_move *mv = &c->moves[k];
            fputs("<li><b>", f);
            pli_html_put(f, mv->trainee_name ? mv->trainee_name : mv->trainee);
            fputs("</b> ", f);
            pli_html_put(f, mv->when ? mv->when : "");
            fputs(": ", f);
            pli_html_put(f, mv->before ? mv->before : "not placed");
            fputs(" → ", f);
            pli_html_put(f, mv->after ? mv->after : "not placed");
            fputs("</li>\n", f);
        }
        fputs("</ul>\n", f);
    }
}

static pl_status write_page(FILE *f, void *user)
{
    const page *pg = user;
    const char *title = pl_instance_name(pg->insts[0]);
    fputs("<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"generator\" content=\"placera " PL_VERSION "\">\n<title>",
          f);
    pli_html_put(f, *title ? title : "placera");
    fputs(" – what if</title>\n<style>", f);
    fputs(CSS, f);
    fputs("</style>\n</head>\n<body>\n<h1>What if: ", f);
    pli_html_put(f, *title ? title : "placera");
    fputs("</h1>\n<h2>Figures</h2>\n", f);
    figures(pg, f);
    timelines(pg, f);
    moves(pg, f);
    fputs("<footer class=\"legend\">placera " PL_VERSION "</footer>\n</body>\n</html>\n", f);
    return ferror(f) ? PL_ERR_IO : PL_OK;
}

pl_status pl_whatif_write_html(const pl_instance *const *instances,
                               const pl_schedule *const *schedules,
                               const pl_whatif_column *columns, size_t n,
                               const char *path, pl_diags *diags)
{
    pl_status status = PL_OK;
    page pg = {instances, schedules, columns, n, NULL, 0};
    int err = 0, longest = 1;

    if (!instances || !schedules || !columns || n == 0 || !path)
        return PL_ERR_USAGE;
    if (!(pg.grid = calloc(n, sizeof *pg.grid)))
        return PL_ERR_NOMEM;
    for (size_t i = 0; i < n; i++) {
        PL_TRY(cells_build(instances[i], schedules[i], &pg.grid[i]));
        if (instances[i]->horizon.length > longest)
            longest = instances[i]->horizon.length;
    }
    pg.cw = (int)(1100 / ((double)n * longest));
    pg.cw = pg.cw > 28 ? 28 : pg.cw < 4 ? 4 : pg.cw;
    status = pli_write_atomic(path, write_page, &pg, &err);
    if (status == PL_ERR_IO && diags)
        pl_diags_add(diags, PL_SEV_ERROR, path, 0, 0, NULL, "cannot write the page: %s",
                     err ? strerror(err) : "write failed");
cleanup:
    for (size_t i = 0; pg.grid && i < n; i++) {
        free(pg.grid[i].site);
        free(pg.grid[i].rotation);
    }
    free(pg.grid);
    return status;
}
