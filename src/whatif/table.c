/*
 * table.c — pl_whatif_write_table: the what-if comparison for people, the
 * base and one column per scenario side by side.  Cells are formatted
 * first, then printed with each column as wide as its widest cell.  A
 * column without a schedule shows "-" for the figures; an invalid scenario
 * shows "invalid" (its errors go to standard error from the command).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/strutil.h"
#include "whatif/whatif.h"

typedef struct table {
    size_t n_cols;   /* data columns; each line has a label and n_cols cells */
    char **cells;    /* [n_lines * (n_cols + 1)] */
    size_t n_lines, cap;
    bool nomem;
} table;

/* Start a line; returns its cells ([0] = label) or NULL. */
static char **line(table *tb, const char *label)
{
    if (tb->nomem)
        return NULL;
    if (tb->n_lines == tb->cap) {
        size_t cap = tb->cap ? 2 * tb->cap : 32;
        char **grown = realloc(tb->cells, cap * (tb->n_cols + 1) * sizeof *grown);
        if (!grown) {
            tb->nomem = true;
            return NULL;
        }
        tb->cells = grown;
        tb->cap = cap;
    }
    char **cells = tb->cells + tb->n_lines * (tb->n_cols + 1);
    for (size_t i = 0; i <= tb->n_cols; i++)
        cells[i] = NULL;
    tb->n_lines++;
    if (!(cells[0] = pli_strdup(label)))
        tb->nomem = true;
    return cells;
}

static void cell(table *tb, char **cells, size_t col, char *text)
{
    if (!cells) {
        free(text);
        return;
    }
    if (!text)
        tb->nomem = true;
    cells[col + 1] = text;
}

static char *number(double v)
{
    if (!isfinite(v))
        return pli_strdup("-");
    if (fabs(v - nearbyint(v)) < 1e-9)
        return pli_asprintf("%.0f", v == 0.0 ? 0.0 : v);
    return pli_asprintf("%.2f", v);
}

static void count_line(table *tb, const pl_whatif_column *cols, const char *label,
                       size_t offset)
{
    char **cells = line(tb, label);
    for (size_t i = 0; i < tb->n_cols; i++) {
        long v = *(const long *)(const void *)((const char *)&cols[i] + offset);
        cell(tb, cells, i, cols[i].has_schedule ? pli_asprintf("%ld", v) : pli_strdup("-"));
    }
}

static void build(table *tb, const pl_whatif_column *cols, double threshold)
{
    size_t n = tb->n_cols;
    char **cells = line(tb, "");
    for (size_t i = 0; i < n; i++)
        cell(tb, cells, i, pli_strdup(cols[i].label ? cols[i].label : ""));
    cells = line(tb, "status");
    for (size_t i = 0; i < n; i++)
        cell(tb, cells, i, pli_strdup(cols[i].status ? cols[i].status : "-"));
    cells = line(tb, "cost");
    for (size_t i = 0; i < n; i++)
        cell(tb, cells, i, cols[i].has_schedule ? number(cols[i].cost) : pli_strdup("-"));
    for (int k = 0; k < PL_WHATIF_N_TERMS; k++) {
        bool any = false;
        for (size_t i = 0; i < n; i++)
            any |= cols[i].has_schedule && pli_whatif_term_value(&cols[i].costs, k) != 0.0;
        if (!any)
            continue;
        char *label = pli_asprintf("  %s", pli_whatif_term_name(k));
        cells = line(tb, label ? label : "");
        free(label);
        for (size_t i = 0; i < n; i++)
            cell(tb, cells, i,
                 cols[i].has_schedule ? number(pli_whatif_term_value(&cols[i].costs, k))
                                      : pli_strdup("-"));
    }
    count_line(tb, cols, "unmet periods", offsetof(pl_whatif_column, unmet));
    count_line(tb, cols, "unassigned periods", offsetof(pl_whatif_column, unassigned));
    count_line(tb, cols, "understaffed periods", offsetof(pl_whatif_column, understaffed));
    bool posts = false;
    for (size_t i = 0; i < n; i++)
        posts |= cols[i].posts_offered > 0;
    if (posts) {
        cells = line(tb, "fill rate (posts)");
        for (size_t i = 0; i < n; i++)
            cell(tb, cells, i,
                 cols[i].has_schedule && cols[i].posts_offered > 0
                     ? pli_asprintf("%ld/%ld = %.0f%%", cols[i].posts_filled,
                                   cols[i].posts_offered,
                                   100.0 * (double)cols[i].posts_filled /
                                       (double)cols[i].posts_offered)
                     : pli_strdup("-"));
    }
    cells = line(tb, "preference score");
    for (size_t i = 0; i < n; i++)
        cell(tb, cells, i, cols[i].has_schedule ? number(cols[i].preference) : pli_strdup("-"));
    cells = line(tb, "trainees changed");
    for (size_t i = 0; i < n; i++)
        cell(tb, cells, i, cols[i].compared ? pli_asprintf("%ld", cols[i].trainees_changed)
                                            : pli_strdup("-"));
    cells = line(tb, "trainee-periods changed");
    for (size_t i = 0; i < n; i++)
        cell(tb, cells, i, cols[i].compared ? pli_asprintf("%ld", cols[i].periods_changed)
                                            : pli_strdup("-"));

    /* Sites whose utilisation moved by the threshold in some scenario, in
     * order of first appearance: base value, then each scenario's. */
    char *head = pli_asprintf("utilisation (moves >= %g pp)", 100.0 * threshold);
    bool headed = false;
    for (size_t i = 0; i < n && !tb->nomem; i++) {
        for (size_t j = 0; j < cols[i].n_sites; j++) {
            const char *id = cols[i].sites[j].site;
            bool seen = false;
            for (size_t a = 0; a < i && !seen; a++)
                for (size_t b = 0; b < cols[a].n_sites && !seen; b++)
                    seen = !strcmp(cols[a].sites[b].site, id);
            for (size_t b = 0; b < j && !seen; b++)
                seen = !strcmp(cols[i].sites[b].site, id);
            if (seen)
                continue;
            if (!headed) {
                line(tb, head ? head : "utilisation");
                headed = true;
            }
            char *label = pli_asprintf("  %s", id);
            cells = line(tb, label ? label : "");
            free(label);
            for (size_t k = 0; k < n; k++) {
                const pl_whatif_site *w = NULL;
                for (size_t b = 0; b < cols[k].n_sites && !w; b++)
                    if (!strcmp(cols[k].sites[b].site, id))
                        w = &cols[k].sites[b];
                if (k == 0)
                    cell(tb, cells, k, pli_asprintf("%.0f%%", 100.0 * cols[i].sites[j].base));
                else if (w)
                    cell(tb, cells, k, pli_asprintf("%.0f%% (%+.0f)", 100.0 * w->scenario,
                                                   100.0 * (w->scenario - w->base)));
                else
                    cell(tb, cells, k, pli_strdup(""));
            }
        }
    }
    free(head);
}

/* Characters (not bytes) of UTF-8 text: what a terminal column needs. */
static size_t chars(const char *s)
{
    size_t n = 0;
    for (; s && *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static void pad(pl_buf *b, size_t n)
{
    while (n-- > 0)
        pli_buf_puts(b, " ");
}

static void table_free(table *tb)
{
    for (size_t i = 0; i < tb->n_lines * (tb->n_cols + 1); i++)
        free(tb->cells[i]);
    free(tb->cells);
}

pl_status pl_whatif_write_table(const pl_whatif_column *columns, size_t n,
                                double threshold, FILE *out)
{
    pl_status status = PL_OK;
    table tb = {n, NULL, 0, 0, false};
    size_t *width = NULL;

    if (!columns || !n || !out)
        return PL_ERR_USAGE;
    build(&tb, columns, threshold);
    if (tb.nomem || !(width = calloc(n + 1, sizeof *width))) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    for (size_t l = 0; l < tb.n_lines; l++)
        for (size_t i = 0; i <= n; i++) {
            size_t w = chars(tb.cells[l * (n + 1) + i]);
            if (w > width[i])
                width[i] = w;
        }
    for (size_t l = 0; l < tb.n_lines; l++) {
        char **cells = tb.cells + l * (n + 1);
        pl_buf b = {0};
        pli_buf_puts(&b, cells[0] ? cells[0] : "");
        pad(&b, width[0] - chars(cells[0]));
        for (size_t i = 1; i <= n; i++) {
            pad(&b, 2 + width[i] - chars(cells[i]));
            pli_buf_puts(&b, cells[i] ? cells[i] : "");
        }
        if (b.failed) {
            pli_buf_free(&b);
            status = PL_ERR_NOMEM;
            goto cleanup;
        }
        while (b.len > 0 && b.data[b.len - 1] == ' ')
            b.data[--b.len] = '\0';
        fprintf(out, "%s\n", b.data);
        pli_buf_free(&b);
    }
    /* Who moves, per scenario: trainee, when, from -> to. */
    bool any = false;
    for (size_t i = 1; i < n; i++)
        any |= columns[i].n_moves > 0;
    if (any)
        fprintf(out, "who moves\n");
    for (size_t i = 1; i < n; i++) {
        const pl_whatif_column *c = &columns[i];
        for (size_t k = 0; k < c->n_moves; k++) {
            const pl_whatif_move *mv = &c->moves[k];
            fprintf(out, "  %s: %s %s: %s -> %s\n", c->label ? c->label : "",
                    mv->trainee_name ? mv->trainee_name : mv->trainee,
                    mv->when ? mv->when : "", mv->before ? mv->before : "not placed",
                    mv->after ? mv->after : "not placed");
        }
    }
    if (ferror(out))
        status = PL_ERR_IO;
cleanup:
    free(width);
    table_free(&tb);
    return status;
}
