/*
 * labels.c — text for people: names instead of ids, period labels with
 * Swedish month abbreviations ("jan 2027"), compact iCalendar dates, HTML
 * escaping, and a stable hash for identifiers.
 */
#include <stdio.h>

#include "instance/dates.h"
#include "report/report.h"

const char *pli_site_label(const pl_instance *inst, int s)
{
    if (s < 0 || s >= inst->n_sites)
        return "?";
    const pl_site *site = &inst->sites[s];
    return site->name && site->name[0] ? site->name : site->id;
}

const char *pli_rotation_label(const pl_instance *inst, int r)
{
    if (r < 0 || r >= inst->n_rotations)
        return "?";
    const pl_rotation *rot = &inst->rotations[r];
    return rot->name && rot->name[0] ? rot->name : rot->id;
}

const char *pli_month_abbrev(int month)
{
    static const char *const names[12] = {"jan", "feb", "mar", "apr", "maj", "jun",
                                          "jul", "aug", "sep", "okt", "nov", "dec"};
    return month >= 1 && month <= 12 ? names[month - 1] : "?";
}

void pli_period_label(const pl_horizon *h, int p, char buf[24])
{
    int y, m, d;
    pli_period_first_day(h, p, &y, &m, &d);
    if (h->unit == PL_UNIT_MONTH)
        snprintf(buf, 24, "%s %d", pli_month_abbrev(m), y % 100000);
    else
        snprintf(buf, 24, "%d %s %d", d % 100, pli_month_abbrev(m), y % 100000);
}

static void compact(long days, char buf[9])
{
    int y, m, d;
    pli_civil_from_days(days, &y, &m, &d);
    snprintf(buf, 9, "%04u%02u%02u", (unsigned)(y % 10000 + 10000) % 10000u,
             (unsigned)m % 100u, (unsigned)d % 100u);
}

void pli_period_start_compact(const pl_horizon *h, int p, char buf[9])
{
    int y, m, d;
    pli_period_first_day(h, p, &y, &m, &d);
    compact(pli_days_from_civil(y, m, d), buf);
}

void pli_period_end_exclusive_compact(const pl_horizon *h, int p, char buf[9])
{
    int y, m, d;
    pli_period_last_day(h, p, &y, &m, &d);
    compact(pli_days_from_civil(y, m, d) + 1, buf);
}

void pli_html_put(FILE *f, const char *s)
{
    const char *start = s;
    for (; *s; s++) {
        const char *rep = NULL;
        switch (*s) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default: continue;
        }
        fwrite(start, 1, (size_t)(s - start), f);
        fputs(rep, f);
        start = s + 1;
    }
    fwrite(start, 1, (size_t)(s - start), f);
}

unsigned long long pli_hash_text(const char *s)
{
    unsigned long long h = 14695981039346656037ULL;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return h;
}
