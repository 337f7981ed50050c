/*
 * html_timeline.c — one timeline row per trainee: a compact inline SVG with
 * one rectangle per run (coloured by rotation, labelled with the site),
 * leave hatched, periods outside the trainee's employment greyed, active
 * periods without a placement tinted red, and the unmet requirements beside
 * the row.  Trainees are grouped (programme, home site or its area) and
 * sorted (id, programme, home site) as the options say.
 */
#include <stdlib.h>
#include <string.h>

#include "instance/dates.h"
#include "report/report.h"

#define ROW_H 22

typedef struct entry {
    int t, group;
    const char *key1, *key2; /* sort keys inside the group */
} entry;

static int by_entry(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    if (x->group != y->group) /* "none" (-1) last */
        return x->group < 0 ? 1 : y->group < 0 ? -1 : (x->group < y->group ? -1 : 1);
    int c = strcmp(x->key1, y->key1);
    if (!c)
        c = strcmp(x->key2, y->key2);
    return c ? c : (x->t < y->t ? -1 : x->t > y->t);
}

/* Column width in pixels for `length` periods. */
static int column_width(int length)
{
    if (length <= 12)
        return 72;
    if (length <= 24)
        return 46;
    if (length <= 52)
        return 26;
    int w = 1300 / length;
    return w < 4 ? 4 : w;
}

static int group_of(const pl_plan *plan, int t, pl_report_group g)
{
    const pl_instance *inst = plan->inst;
    int home = plan->home[t];
    switch (g) {
    case PL_REPORT_GROUP_PROGRAM: return inst->trainees[t].program;
    case PL_REPORT_GROUP_SITE: return home;
    case PL_REPORT_GROUP_AREA: return home >= 0 ? inst->sites[home].area : -1;
    case PL_REPORT_GROUP_NONE: break;
    }
    return 0;
}

static const char *group_title(const pl_instance *inst, pl_report_group g, int i)
{
    switch (g) {
    case PL_REPORT_GROUP_PROGRAM: return inst->programs[i].id;
    case PL_REPORT_GROUP_SITE: return i >= 0 ? pli_site_label(inst, i) : "No home site";
    case PL_REPORT_GROUP_AREA: return i >= 0 ? inst->areas[i] : "No area";
    case PL_REPORT_GROUP_NONE: break;
    }
    return "";
}

/* Escape s, cut to at most max_chars characters (UTF-8) with an ellipsis. */
static void put_fitted(FILE *f, const char *s, int max_chars)
{
    int chars = 0;
    for (const char *c = s; *c; c++)
        chars += ((unsigned char)*c & 0xC0) != 0x80;
    if (chars <= max_chars) {
        pli_html_put(f, s);
        return;
    }
    int keep = max_chars - 1, seen = 0;
    const char *c = s;
    for (; *c; c++) {
        if (((unsigned char)*c & 0xC0) != 0x80 && seen++ == keep)
            break;
    }
    /* c points at the first character left out. */
    char *copy = malloc((size_t)(c - s) + 1);
    if (!copy)
        return;
    memcpy(copy, s, (size_t)(c - s));
    copy[c - s] = '\0';
    pli_html_put(f, copy);
    fputs("…", f);
    free(copy);
}

static void header_svg(const pl_plan *plan, FILE *f, int cw)
{
    const pl_horizon *h = &plan->inst->horizon;
    int every = 1;
    while (every * cw < (h->unit == PL_UNIT_MONTH ? 28 : 44))
        every++;
    fprintf(f, "<svg width=\"%d\" height=\"30\">", plan->length * cw);
    int last_year = -1;
    for (int p = 0; p < plan->length; p += every) {
        char label[24];
        int y, m, d;
        pli_period_first_day(h, p, &y, &m, &d);
        if (h->unit == PL_UNIT_MONTH)
            snprintf(label, sizeof label, "%s", pli_month_abbrev(m));
        else
            snprintf(label, sizeof label, "%d %s", d % 100, pli_month_abbrev(m));
        fprintf(f, "<text x=\"%d\" y=\"12\">%s</text>", p * cw + 3, label);
        if (y != last_year)
            fprintf(f, "<text x=\"%d\" y=\"26\" font-weight=\"600\">%d</text>",
                    p * cw + 3, y);
        last_year = y;
    }
    fputs("</svg>", f);
}

/* Grey or hatch the periods in which trainee t is not active. */
static void inactive_spans(const pl_plan *plan, int t, int cw, FILE *f)
{
    const pl_trainee *tr = &plan->inst->trainees[t];
    int p = 0;
    while (p < plan->length) {
        bool on = tr->active[p];
        bool placed = plan->row_at[(size_t)t * (size_t)plan->length + (size_t)p] >= 0;
        if (on && placed) {
            p++;
            continue;
        }
        /* Class of p: out (not employed), lv (leave) or un (unassigned). */
        const char *cls = !on ? (p < tr->start || p > tr->end ? "out" : "lv") : "un";
        int q = p + 1;
        while (q < plan->length) {
            bool on2 = tr->active[q];
            bool placed2 = plan->row_at[(size_t)t * (size_t)plan->length + (size_t)q] >= 0;
            const char *c2 = on2 && placed2 ? NULL
                           : !on2 ? (q < tr->start || q > tr->end ? "out" : "lv") : "un";
            if (!c2 || strcmp(c2, cls))
                break;
            q++;
        }
        if (!on || !placed)
            fprintf(f, "<rect class=\"%s\" x=\"%d\" y=\"2\" width=\"%d\" height=\"%d\"/>",
                    cls, p * cw, (q - p) * cw, ROW_H - 4);
        p = q;
    }
}

static void run_rect(const pl_plan *plan, const pl_run *run, int cw, FILE *f)
{
    const pl_instance *inst = plan->inst;
    char a[24], b[24];
    int x = run->from * cw + 1, w = (run->to - run->from + 1) * cw - 2;
    if (w < 1)
        w = 1;
    fprintf(f, "<rect class=\"r%d\" x=\"%d\" y=\"3\" width=\"%d\" height=\"%d\" rx=\"3\">"
               "<title>",
            run->r, x, w, ROW_H - 6);
    pli_html_put(f, pli_site_label(inst, run->s));
    fputs(" · ", f);
    pli_html_put(f, pli_rotation_label(inst, run->r));
    pli_period_label(&inst->horizon, run->from, a);
    pli_period_label(&inst->horizon, run->to, b);
    if (run->from == run->to)
        fprintf(f, " · %s", a);
    else
        fprintf(f, " · %s – %s", a, b);
    const char *sep = " · supervisor ";
    for (size_t k = 0; k < run->n; k++) {
        const pl_row *row = &plan->sched->rows[plan->order[run->first + k]];
        if (!row->supervisor)
            continue;
        fputs(sep, f);
        pli_html_put(f, row->sup >= 0 ? pli_supervisor_label(inst, row->sup)
                                     : row->supervisor);
        sep = ", ";
    }
    fputs("</title></rect>", f);
    int fit = (w - 6) * 10 / 62; /* about 6.2 px per character at 10.5 px */
    if (fit >= 2) {
        fprintf(f, "<text class=\"l k%d\" x=\"%d\" y=\"15\">", run->r, x + 4);
        put_fitted(f, pli_site_label(inst, run->s), fit);
        fputs("</text>", f);
    }
}

static void trainee_row(const pl_plan *plan, int t, int cw, bool show_program, FILE *f)
{
    const pl_instance *inst = plan->inst;
    const pl_trainee *tr = &inst->trainees[t];
    fputs("<tr><td class=\"who\">", f);
    pli_html_put(f, pli_trainee_label(inst, t));
    if (tr->name && tr->name[0]) { /* the id too, for finding it in the files */
        fputs(" <small class=\"id\">", f);
        pli_html_put(f, tr->id);
        fputs("</small>", f);
    }
    if (show_program) {
        fputs(" <small>", f);
        pli_html_put(f, inst->programs[tr->program].id);
        fputs("</small>", f);
    }
    fprintf(f, "</td><td class=\"bar\"><svg class=\"g\" width=\"%d\" height=\"%d\">",
            plan->length * cw, ROW_H);
    inactive_spans(plan, t, cw, f);
    for (size_t i = plan->trainee_runs[t]; i < plan->trainee_runs[t + 1]; i++)
        run_rect(plan, &plan->runs[i], cw, f);
    fputs("</svg></td><td class=\"miss\">", f);
    const char *sep = "";
    for (size_t i = 0; i < plan->sched->n_unmet; i++) {
        const pl_unmet_row *u = &plan->sched->unmet[i];
        if (u->t != t)
            continue;
        fprintf(f, "%s", sep);
        pli_html_put(f, u->r >= 0 ? pli_rotation_label(inst, u->r) : u->rotation);
        fprintf(f, " −%d", u->missing);
        sep = "<br>";
    }
    fputs("</td></tr>\n", f);
}

static void legend(const pl_plan *plan, FILE *f)
{
    const pl_instance *inst = plan->inst;
    fputs("<div class=\"legend\">", f);
    for (int r = 0; r < inst->n_rotations; r++) {
        fprintf(f, "<span><i style=\"background:%s\"></i>", pli_rotation_colour(r));
        pli_html_put(f, pli_rotation_label(inst, r));
        fputs("</span>", f);
    }
    fputs("<span><svg width=\"14\" height=\"12\" style=\"vertical-align:-2px;"
          "margin-right:5px\"><rect class=\"lv\" width=\"14\" height=\"12\"/></svg>"
          "leave</span><span><i style=\"background:#eceef2\"></i>not employed</span>"
          "<span><i style=\"background:#fbe3e0\"></i>unassigned</span></div>\n",
          f);
}

pl_status pli_html_timelines(const pl_plan *plan, const pl_report_options *o, FILE *f)
{
    const pl_instance *inst = plan->inst;
    int cw = column_width(plan->length);
    entry *list = malloc(((size_t)plan->n_trainees + 1) * sizeof *list);
    if (!list)
        return PL_ERR_NOMEM;
    for (int t = 0; t < plan->n_trainees; t++) {
        const pl_trainee *tr = &inst->trainees[t];
        list[t].t = t;
        list[t].group = group_of(plan, t, o->group);
        list[t].key1 = tr->id;
        list[t].key2 = "";
        if (o->sort == PL_REPORT_SORT_PROGRAM)
            list[t].key1 = inst->programs[tr->program].id;
        else if (o->sort == PL_REPORT_SORT_SITE)
            list[t].key1 = plan->home[t] >= 0 ? inst->sites[plan->home[t]].id : "\x7f";
        if (o->sort != PL_REPORT_SORT_ID)
            list[t].key2 = tr->id;
    }
    qsort(list, (size_t)plan->n_trainees, sizeof *list, by_entry);

    fputs("<h2>Timelines</h2>\n", f);
    legend(plan, f);
    fprintf(f, "<style>.g{background:repeating-linear-gradient(90deg,transparent 0 %dpx,"
               "#e6e9ef %dpx %dpx)}</style>\n",
            cw - 1, cw - 1, cw);
    bool show_program = o->group != PL_REPORT_GROUP_PROGRAM && inst->n_programs > 1;
    for (int i = 0; i < plan->n_trainees; i++) {
        bool new_group = i == 0 || list[i].group != list[i - 1].group;
        if (new_group) {
            if (i > 0)
                fputs("</tbody></table>\n", f);
            if (o->group != PL_REPORT_GROUP_NONE) {
                int n = 0;
                while (i + n < plan->n_trainees && list[i + n].group == list[i].group)
                    n++;
                fputs("<h3>", f);
                pli_html_put(f, group_title(inst, o->group, list[i].group));
                fprintf(f, " <small>(%d trainee%s)</small></h3>\n", n, n == 1 ? "" : "s");
            }
            fputs("<table class=\"tl\"><thead><tr><th>trainee</th><th>", f);
            header_svg(plan, f, cw);
            fputs("</th><th>unmet</th></tr></thead><tbody>\n", f);
        }
        trainee_row(plan, list[i].t, cw, show_program, f);
    }
    if (plan->n_trainees > 0)
        fputs("</tbody></table>\n", f);
    else
        fputs("<p class=\"note\">The instance has no trainees.</p>\n", f);
    free(list);
    return PL_OK;
}
