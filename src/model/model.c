/*
 * model.c — the growable arrays behind pl_model: columns, rows, matrix
 * entries, objective contributions and reasons.
 */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "util/clock.h"
#include "util/strutil.h"

static pl_status grow(void **p, size_t elem, size_t need, size_t *cap)
{
    if (need <= *cap)
        return PL_OK;
    size_t c = *cap ? *cap : 64;
    while (c < need)
        c *= 2;
    void *q = realloc(*p, c * elem);
    if (!q)
        return PL_ERR_NOMEM;
    *p = q;
    *cap = c;
    return PL_OK;
}

/* Append `name` to m->names; *at receives 1 + its offset (0 for NULL). */
static pl_status keep_name(pl_model *m, const char *name, size_t *at)
{
    pl_status status = PL_OK;
    *at = 0;
    if (!name)
        return PL_OK;
    size_t n = strlen(name) + 1;
    PL_TRY(grow((void **)&m->names, 1, m->names_len + n, &m->names_cap));
    memcpy(m->names + m->names_len, name, n);
    *at = m->names_len + 1;
    m->names_len += n;
cleanup:
    return status;
}

double pli_model_bytes(const pl_model *m)
{
    const pl_instance *inst = m->inst;
    double tp = (double)inst->n_trainees * (double)inst->horizon.length;
    double srp = (double)inst->n_sites * (double)inst->n_rotations *
                 (double)inst->horizon.length;
    return (double)m->cap_cols * (2 * sizeof(double) + 1 + sizeof(size_t)) +
           (double)m->cap_rows * (2 * sizeof(double) + sizeof(size_t) + sizeof(int)) +
           (double)m->cap_nnz * (2 * sizeof(int) + sizeof(double)) +
           (double)m->cap_contribs * sizeof(pl_contrib) + (double)m->names_cap +
           (double)m->n_cells * (sizeof(pl_cell) + sizeof(size_t)) +
           (tp + srp + 2) * sizeof(size_t);
}

const char *pli_model_row_name(const pl_model *m, int i)
{
    return m->row_name[i] ? m->names + m->row_name[i] - 1 : NULL;
}

const char *pli_model_col_name(const pl_model *m, int j)
{
    return m->col_name[j] ? m->names + m->col_name[j] - 1 : NULL;
}

pl_status pli_model_add_col(pl_model *m, pl_col_kind kind, double lb, double ub,
                           const char *name, int *col)
{
    pl_status status = PL_OK;
    size_t cap = (size_t)m->cap_cols;
    if ((size_t)m->n_cols + 1 > cap) {
        size_t c = cap;
        size_t c2 = cap, c3 = cap, c4 = cap;
        PL_TRY(grow((void **)&m->col_lb, sizeof *m->col_lb, (size_t)m->n_cols + 1, &c));
        PL_TRY(grow((void **)&m->col_ub, sizeof *m->col_ub, (size_t)m->n_cols + 1, &c2));
        PL_TRY(grow((void **)&m->col_kind, sizeof *m->col_kind, (size_t)m->n_cols + 1, &c3));
        PL_TRY(grow((void **)&m->col_name, sizeof *m->col_name, (size_t)m->n_cols + 1, &c4));
        m->cap_cols = (int)c;
    }
    PL_TRY(keep_name(m, name, &m->col_name[m->n_cols]));
    m->col_lb[m->n_cols] = lb;
    m->col_ub[m->n_cols] = ub;
    m->col_kind[m->n_cols] = (unsigned char)kind;
    if (col)
        *col = m->n_cols;
    m->n_cols++;
cleanup:
    return status;
}

typedef struct col_val {
    int col;
    double val;
} col_val;

static int by_col(const void *a, const void *b)
{
    int x = ((const col_val *)a)->col, y = ((const col_val *)b)->col;
    return (x > y) - (x < y);
}

/* Sort the entries of the row being added (from `first` on) by column and
 * sum duplicates; used for long rows where a linear search would be slow. */
static void merge_duplicates(pl_model *m, size_t first)
{
    size_t n = m->nnz - first;
    col_val *tmp = malloc(n * sizeof *tmp);
    if (!tmp) { /* fall back to the quadratic merge, no allocation needed */
        for (size_t i = first; i < m->nnz; i++)
            for (size_t j = i + 1; j < m->nnz; j++)
                if (m->ent_col[j] == m->ent_col[i] && m->ent_val[j] != 0.0) {
                    m->ent_val[i] += m->ent_val[j];
                    m->ent_val[j] = 0.0;
                }
        return;
    }
    for (size_t i = 0; i < n; i++)
        tmp[i] = (col_val){m->ent_col[first + i], m->ent_val[first + i]};
    qsort(tmp, n, sizeof *tmp, by_col);
    size_t out = first;
    for (size_t i = 0; i < n; i++) {
        if (out > first && m->ent_col[out - 1] == tmp[i].col) {
            m->ent_val[out - 1] += tmp[i].val;
            continue;
        }
        m->ent_col[out] = tmp[i].col;
        m->ent_val[out] = tmp[i].val;
        out++;
    }
    m->nnz = out;
    free(tmp);
}

pl_status pli_model_add_row(pl_model *m, double lb, double ub, int n,
                           const int *cols, const double *vals,
                           const char *name, int *row)
{
    pl_status status = PL_OK;
    size_t name_at = 0;
    if ((size_t)m->n_rows + 1 > (size_t)m->cap_rows) {
        size_t c = (size_t)m->cap_rows, c2 = c, c3 = c, c4 = c;
        PL_TRY(grow((void **)&m->row_lb, sizeof *m->row_lb, (size_t)m->n_rows + 1, &c));
        PL_TRY(grow((void **)&m->row_ub, sizeof *m->row_ub, (size_t)m->n_rows + 1, &c2));
        PL_TRY(grow((void **)&m->row_name, sizeof *m->row_name, (size_t)m->n_rows + 1, &c3));
        PL_TRY(grow((void **)&m->row_trainee, sizeof *m->row_trainee, (size_t)m->n_rows + 1, &c4));
        m->cap_rows = (int)c;
    }
    {
        size_t need = m->nnz + (size_t)n, c = m->cap_nnz, c2 = c, c3 = c;
        PL_TRY(grow((void **)&m->ent_row, sizeof *m->ent_row, need, &c));
        PL_TRY(grow((void **)&m->ent_col, sizeof *m->ent_col, need, &c2));
        PL_TRY(grow((void **)&m->ent_val, sizeof *m->ent_val, need, &c3));
        m->cap_nnz = c;
    }
    PL_TRY(keep_name(m, name, &name_at));
    /* append, summing entries of the same column (a solver wants each
     * column at most once per row) */
    size_t first = m->nnz;
    for (int i = 0; i < n; i++) {
        size_t k = first;
        while (k < m->nnz && m->ent_col[k] != cols[i])
            k++;
        if (k < m->nnz && n <= 64) {
            m->ent_val[k] += vals[i];
            continue;
        }
        m->ent_row[m->nnz] = m->n_rows;
        m->ent_col[m->nnz] = cols[i];
        m->ent_val[m->nnz] = vals[i];
        m->nnz++;
    }
    if (n > 64)
        merge_duplicates(m, first);
    size_t kept = first;
    for (size_t k = first; k < m->nnz; k++)
        if (m->ent_val[k] != 0.0) {
            m->ent_col[kept] = m->ent_col[k];
            m->ent_val[kept] = m->ent_val[k];
            m->ent_row[kept] = m->ent_row[k];
            kept++;
        }
    m->nnz = kept;
    m->row_lb[m->n_rows] = lb;
    m->row_ub[m->n_rows] = ub;
    m->row_name[m->n_rows] = name_at;
    m->row_trainee[m->n_rows] = -1;
    if (row)
        *row = m->n_rows;
    m->n_rows++;
cleanup:
    return status;
}

pl_status pli_model_add_cost(pl_model *m, int col, double coef, pl_term term,
                            int trainee)
{
    pl_status status = PL_OK;
    if (coef == 0.0)
        return PL_OK;
    PL_TRY(grow((void **)&m->contribs, sizeof *m->contribs, m->n_contribs + 1,
                &m->cap_contribs));
    m->contribs[m->n_contribs++] = (pl_contrib){col, coef, (short)term, trainee};
cleanup:
    return status;
}

pl_status pli_model_add_reason(pl_model *m, const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    char *s = pli_vasprintf(format, ap);
    va_end(ap);
    if (!s)
        return PL_ERR_NOMEM;
    char **r = realloc(m->reasons, (m->n_reasons + 1) * sizeof *r);
    if (!r) {
        free(s);
        return PL_ERR_NOMEM;
    }
    m->reasons = r;
    m->reasons[m->n_reasons++] = s;
    return PL_OK;
}

pl_status pli_terms_add(pl_terms *l, int col, double val)
{
    if (l->n == l->cap) {
        int cap = l->cap ? l->cap * 2 : 16;
        int *c = realloc(l->cols, (size_t)cap * sizeof *c);
        if (!c)
            return PL_ERR_NOMEM;
        l->cols = c;
        double *v = realloc(l->vals, (size_t)cap * sizeof *v);
        if (!v)
            return PL_ERR_NOMEM;
        l->vals = v;
        l->cap = cap;
    }
    l->cols[l->n] = col;
    l->vals[l->n] = val;
    l->n++;
    return PL_OK;
}

void pli_terms_clear(pl_terms *l) { l->n = 0; }

void pli_terms_free(pl_terms *l)
{
    free(l->cols);
    free(l->vals);
    memset(l, 0, sizeof *l);
}

void pli_model_free(pl_model *m)
{
    if (!m)
        return;
    free(m->names);
    for (size_t i = 0; i < m->n_reasons; i++)
        free(m->reasons[i]);
    free(m->col_lb);
    free(m->col_ub);
    free(m->col_kind);
    free(m->col_name);
    free(m->row_lb);
    free(m->row_ub);
    free(m->row_name);
    free(m->row_trainee);
    free(m->ent_row);
    free(m->ent_col);
    free(m->ent_val);
    free(m->contribs);
    free(m->cells);
    free(m->cell_start);
    free(m->srp_start);
    free(m->srp_cells);
    free(m->choice_col);
    free(m->present_col);
    free(m->home_col);
    free(m->mentor_t);
    free(m->mentor_j);
    free(m->mentor_col);
    free(m->reasons);
    free(m);
}

int pli_model_prev_periods(const pl_trainee *tr, int r)
{
    return tr->previous.periods > 0 && tr->previous.rotation == r
               ? tr->previous.periods
               : 0;
}

bool pli_model_trainee_built(const pl_build_options *opt, int t)
{
    return !opt->only_trainees || opt->only_trainees[t];
}

int pli_model_cell_col(const pl_model *m, int t, int s, int r, int p)
{
    size_t n;
    const pl_cell *c = pl_model_cells(m, t, p, &n);
    for (size_t i = 0; i < n; i++)
        if (c[i].s == s && c[i].r == r)
            return c[i].col;
    return -1;
}

void pli_build_options_init(pl_build_options *o)
{
    memset(o, 0, sizeof *o);
}

pl_status pli_model_check_stop(const pl_build_options *opt)
{
    if (opt->interrupt && *opt->interrupt)
        return PL_ERR_INTERRUPTED;
    if (opt->deadline > 0.0 && pli_clock_seconds() > opt->deadline)
        return PL_ERR_NO_SOLUTION;
    return PL_OK;
}

pl_status pli_model_add_trainee_row(pl_model *m, int t, double lb, double ub,
                                   pl_terms *row, const char *name)
{
    pl_status status = PL_OK;
    int a = m->present_col ? m->present_col[t] : -1;
    if (a >= 0) {
        if (!isinf(lb) && !isinf(ub) && lb != ub)
            return PL_ERR_USAGE; /* a ranged row cannot be scaled */
        double b = !isinf(lb) ? lb : ub;
        PL_TRY(pli_terms_add(row, a, -b));
        lb = isinf(lb) ? lb : 0.0;
        ub = isinf(ub) ? ub : 0.0;
    }
    status = pli_model_add_row(m, lb, ub, row->n, row->cols, row->vals, name, NULL);
    if (status == PL_OK)
        m->row_trainee[m->n_rows - 1] = t;
    if (a >= 0)
        row->n--; /* leave the caller's row as it was */
cleanup:
    return status;
}

pl_status pli_model_add_trainee_constant(pl_model *m, int t, double coef,
                                        pl_term term)
{
    int a = m->present_col ? m->present_col[t] : -1;
    return pli_model_add_cost(m, a, coef, term, t);
}

double pli_model_objective(const pl_model *m, double *obj)
{
    double constant = 0.0;
    for (int j = 0; j < m->n_cols; j++)
        obj[j] = 0.0;
    for (size_t i = 0; i < m->n_contribs; i++) {
        if (m->contribs[i].col < 0)
            constant += m->contribs[i].coef;
        else
            obj[m->contribs[i].col] += m->contribs[i].coef;
    }
    return constant;
}
