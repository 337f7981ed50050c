/*
 * html.c — the HTML report as one self-contained file: <head> with inline
 * CSS (screen and print), then the summary, the trainee timelines, site
 * occupancy and supervisor load (html_*.c).  No scripts and nothing fetched
 * from the network; UTF-8 throughout.
 */
#include <stdio.h>
#include <string.h>

#include "instance/dates.h"
#include "report/report.h"
#include "util/write_atomic.h"

void pl_report_options_init(pl_report_options *options)
{
    options->group = PL_REPORT_GROUP_NONE;
    options->sort = PL_REPORT_SORT_ID;
}

static const char CSS[] =
    "*{box-sizing:border-box}"
    "body{font:13px/1.4 system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',"
    "Arial,sans-serif;color:#1d2330;margin:0;padding:20px 28px;background:#fff}"
    "h1{font-size:22px;margin:0 0 2px}h2{font-size:17px;margin:28px 0 8px;"
    "padding-bottom:4px;border-bottom:2px solid #d9dee7}"
    "h3{font-size:14px;margin:16px 0 6px;color:#3a4660}"
    ".sub{color:#5b6578;margin:0 0 14px}"
    ".cards{display:flex;flex-wrap:wrap;gap:10px;margin:8px 0}"
    ".card{border:1px solid #d9dee7;border-radius:6px;padding:8px 12px;min-width:130px}"
    ".card b{display:block;font-size:19px}.card span{color:#5b6578;font-size:12px}"
    ".ok b{color:#2e7d32}.warn b{color:#c0392b}"
    "table{border-collapse:collapse}"
    "td,th{padding:2px 6px;text-align:left;vertical-align:middle}"
    ".terms td{border-bottom:1px solid #eef0f4}.terms td.n{text-align:right;"
    "font-variant-numeric:tabular-nums}"
    ".legend{display:flex;flex-wrap:wrap;gap:6px 16px;margin:6px 0 10px;font-size:12px}"
    ".legend i{display:inline-block;width:14px;height:12px;border-radius:2px;"
    "vertical-align:-2px;margin-right:5px}"
    ".tl td{border-bottom:1px solid #eef0f4;padding:1px 6px}"
    ".tl td.who{white-space:nowrap;min-width:110px}.tl td.who small{color:#6b7587}"
    ".tl td.bar{padding:1px 0}.tl td.bar svg,.tl th svg{display:block}"
    ".tl td.miss{color:#b23b2e;font-size:11.5px;line-height:1.2;min-width:150px;max-width:260px}"
    ".tl th{font-weight:normal;font-size:11px;color:#5b6578}"
    "svg text{font-size:11px}"
    "svg .l{font-size:10.5px}"
    ".lv{fill:url(#hatch)}.out{fill:#eceef2}.un{fill:#fbe3e0}"
    ".hm td,.hm th{border:1px solid #fff;font-size:11px}"
    ".hm td.c{text-align:center;min-width:34px;font-variant-numeric:tabular-nums}"
    ".hm th.p{font-weight:normal;color:#5b6578;text-align:center;line-height:1.15}"
    ".hm td.s{font-weight:600}.hm td.t{border-top:2px solid #d9dee7}"
    ".hm td.s,.hm td.r{white-space:nowrap;background:#f6f7f9}"
    ".h0{background:#f1f3f6;color:#9aa3b2}.h1{background:#d6ebf7}.h2{background:#9ccbe8}"
    ".h3{background:#4f9bd0;color:#fff}.ov{background:#8e1b1b;color:#fff}"
    ".u{background:#f4a259;color:#3b1d00;font-weight:600}"
    ".x{background:#fafafa;color:#c3c8d1}"
    ".note{color:#5b6578;font-size:12px}.why td.why{max-width:60em}"
    ".reasons li{color:#b23b2e}"
    "footer{margin-top:28px;color:#8a93a3;font-size:11px}"
    "@media print{@page{size:A4 landscape;margin:10mm}"
    "body{padding:0;font-size:10px}"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
    "h2{break-before:page;break-after:avoid}h2.first{break-before:auto}"
    "h3{break-after:avoid}tr{break-inside:avoid}thead{display:table-header-group}}";

/* Palette: Tableau 10 and two more, with a legible text colour for each. */
static const char *const COLOURS[] = {"#4e79a7", "#f28e2b", "#59a14f", "#b07aa1",
                                      "#76b7b2", "#edc948", "#e15759", "#9c755f",
                                      "#bab0ac", "#ff9da7", "#2f6f8f", "#8cd17d"};
static const char *const INKS[] = {"#fff", "#1d2330", "#fff", "#fff",
                                   "#1d2330", "#1d2330", "#fff", "#fff",
                                   "#1d2330", "#1d2330", "#fff", "#1d2330"};
#define N_COLOURS (sizeof COLOURS / sizeof COLOURS[0])

const char *pli_rotation_colour(int r)
{
    return COLOURS[(size_t)(r < 0 ? 0 : r) % N_COLOURS];
}

const char *pli_rotation_ink(int r)
{
    return INKS[(size_t)(r < 0 ? 0 : r) % N_COLOURS];
}

static void rotation_classes(const pl_instance *inst, FILE *f)
{
    for (int r = 0; r < inst->n_rotations; r++)
        fprintf(f, ".r%d{fill:%s}.k%d{fill:%s}", r, pli_rotation_colour(r), r,
                pli_rotation_ink(r));
}

void pli_html_period_head(const pl_plan *plan, FILE *f, const char *first)
{
    const pl_horizon *h = &plan->inst->horizon;
    fprintf(f, "<thead><tr>%s", first);
    for (int p = 0; p < plan->length; p++) {
        int y, m, d;
        pli_period_first_day(h, p, &y, &m, &d);
        if (h->unit == PL_UNIT_MONTH)
            fprintf(f, "<th class=\"p\">%s<br>%d</th>", pli_month_abbrev(m), y);
        else
            fprintf(f, "<th class=\"p\">%d %s<br>%d</th>", d, pli_month_abbrev(m), y);
    }
    fputs("</tr></thead>\n", f);
}

pl_status pl_report_html_stream(const pl_instance *instance,
                                const pl_schedule *schedule,
                                const pl_report_options *options, FILE *out)
{
    pl_status status = PL_OK;
    pl_plan plan;
    pl_report_options defaults;
    if (!instance || !schedule || !out)
        return PL_ERR_USAGE;
    if (!options) {
        pl_report_options_init(&defaults);
        options = &defaults;
    }
    PL_TRY(pli_plan_build(instance, schedule, &plan));
    const char *title = instance->name && instance->name[0] ? instance->name : "placera";
    fputs("<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<meta name=\"generator\" content=\"placera " PL_VERSION "\">\n<title>",
          out);
    pli_html_put(out, title);
    fputs(" – placement report</title>\n<style>", out);
    fputs(CSS, out);
    rotation_classes(instance, out);
    fputs("</style>\n</head>\n<body>\n"
          "<svg width=\"0\" height=\"0\" style=\"position:absolute\" aria-hidden=\"true\">"
          "<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" "
          "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
          "<rect width=\"6\" height=\"6\" fill=\"#eceef2\"/>"
          "<rect width=\"2.5\" height=\"6\" fill=\"#b9c0cc\"/></pattern></defs></svg>\n",
          out);
    pli_html_summary(&plan, out);
    status = pli_html_timelines(&plan, options, out);
    if (status == PL_OK)
        status = pli_html_why(&plan, out);
    if (status == PL_OK) {
        pli_html_occupancy(&plan, out);
        status = pli_html_supervisor_load(&plan, out);
    }
    fputs("<footer>Made by placera " PL_VERSION
          " from the instance and schedule files; times are periods of the "
          "horizon.</footer>\n</body>\n</html>\n", out);
    pli_plan_free(&plan);
    if (status == PL_OK && ferror(out))
        status = PL_ERR_IO;
cleanup:
    return status;
}

typedef struct html_job {
    const pl_instance *inst;
    const pl_schedule *sched;
    const pl_report_options *options;
} html_job;

static pl_status run_html(FILE *out, void *user)
{
    const html_job *j = user;
    return pl_report_html_stream(j->inst, j->sched, j->options, out);
}

pl_status pl_report_html(const pl_instance *instance, const pl_schedule *schedule,
                         const pl_report_options *options, const char *path,
                         pl_diags *diags)
{
    html_job j = {instance, schedule, options};
    int err = 0;
    pl_status status;
    if (!path || (path[0] == '-' && !path[1])) {
        status = pl_report_html_stream(instance, schedule, options, stdout);
        path = "<stdout>";
    } else {
        status = pli_write_atomic(path, run_html, &j, &err);
    }
    if (status != PL_OK && diags)
        pl_diags_add(diags, PL_SEV_ERROR, path, 0, 0, NULL,
                     "cannot write the report: %s",
                     status == PL_ERR_IO && err ? strerror(err) : pl_strerror(status));
    return status;
}
