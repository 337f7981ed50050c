/*
 * glpk_tree.c — branch-and-price: the decomposition's proof where the
 * root's bound alone leaves a gap.
 *
 * A node is the root's master and pricing problems with some of the
 * original decisions bounded; its bound is its own column generation's
 * (glpk_decomp.c).  The tree never branches on the master's schedule
 * columns.  It branches on
 *   - a group of identical trainees (twins of one intake): how many of
 *     them use one cell, Σ_group x_c <= floor(v) or >= ceil(v), a master
 *     row whose dual enters their pricing objectives (pli_decomp_group_row),
 *     so that equivalent nodes (the same cell for another twin) never
 *     arise; then, when every group's counts are integral,
 *   - one trainee's column (an aggregate such as "placed in period p"
 *     or "at site s in p" before a placement cell), x_c <=
 *     floor(v) or >= ceil(v), imposed as a bound in that trainee's pricing
 *     problem and by fixing at 0 the master's schedules that break it.
 * The most fractional candidate is taken (tune.tree_prefer_cells).  Nodes are taken best bound
 * first, with a depth-first dive after each branching (into the child
 * nearer the LP value) to find schedules early.  Every node's LP starts
 * from the basis and the columns the last node left: all schedules found
 * stay in one pool (the master), fixed at 0 where a node forbids them, and
 * the unused ones go when the pool passes tune.tree_pool_columns.  A node
 * is pruned when its bound, rounded up when every cost is an integer,
 * reaches the incumbent.
 *
 * Limits: the clock, the interrupt and the memory limit end the tree
 * between pricing problems; the best schedule and the least bound over the
 * open nodes are what it returns.  --gap ends it early.
 *
 * For tests, a schedule known to be optimal (job->witness) is followed
 * down the tree: a node that admits it and is pruned with a bound above
 * its cost is counted in result->witness_cut.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "solve/glpk_decomp.h"

/* One branching decision: a bound on a slice's column or on a group row. */
typedef struct branch {
    bool group;  /* group row d->group_rows[index], else slice `index` */
    int index;
    int c;       /* the slice-local column */
    double lb, ub;
} branch;

typedef struct tnode {
    int parent;   /* -1: the root */
    branch b;
    double bound;
    int depth;
} tnode;

typedef struct tree {
    decomp *d;
    tnode *nodes;
    int n_nodes, cap_nodes;
    int *open;    /* indices of nodes not yet solved */
    int n_open, cap_open;
    branch *path; /* the decisions in force, root first */
    int n_path, cap_path;
    double *agg;  /* [n_cols + 1] Σ λ·x over the master's solution */
    double *gagg; /* [max slice columns + 1] the same summed over a group */
    double incumbent;
    double gap_bound; /* the least bound of the nodes --gap pruned */
    double **x;   /* the best schedule ([1..n], held by the job) */
    double *objective;
    long processed;
} tree;

enum node_end { NODE_BRANCHED, NODE_PRUNED, NODE_OPEN, NODE_FAILED };

static void tree_drop(void *p)
{
    tree *t = p;
    free(t->nodes);
    free(t->open);
    free(t->path);
    free(t->agg);
    free(t->gagg);
    free(t);
}

static bool grow(void **p, int *cap, int need, size_t size)
{
    if (need <= *cap)
        return true;
    int n = *cap ? *cap : 64;
    while (n < need)
        n *= 2;
    void *q = realloc(*p, (size_t)n * size);
    if (!q)
        return false;
    *p = q;
    *cap = n;
    return true;
}

/* The group representative of slice k. */
static int root_of(const pl_split *sp, int k)
{
    return sp->slices[k].twin >= 0 ? sp->slices[k].twin : k;
}

/* Undo the decisions in force: slices and group rows back to the root's. */
static void undo_path(tree *t)
{
    decomp *d = t->d;
    pl_split *sp = &d->sp;
    for (int i = 0; i < t->n_path; i++) {
        const branch *b = &t->path[i];
        if (b->group) {
            glp_set_row_bnds(d->master, d->group_rows[b->index].row, GLP_FR, 0.0, 0.0);
        } else {
            int j = sp->slices[b->index].cols[b->c];
            pli_slice_bound(sp, b->index, b->c, sp->m->col_lb[j], sp->m->col_ub[j]);
            sp->slices[b->index].branched = false;
        }
    }
    t->n_path = 0;
}

/* Whether schedule column i of the master obeys every slice decision in
 * force on its trainee. */
static bool obeys_path(const tree *t, int i)
{
    const sched_col *sc = &t->d->sched[i];
    for (int p = 0; p < t->n_path; p++) {
        const branch *b = &t->path[p];
        if (b->group || b->index != sc->slice)
            continue;
        double v = pli_sched_value(sc, b->c);
        if (v < b->lb - 1e-9 || v > b->ub + 1e-9)
            return false;
    }
    return true;
}

/* The decisions of node `n` put in force: slice bounds, group row bounds,
 * and the master's schedules that break them fixed at 0.  False without
 * memory. */
static bool apply_node(tree *t, int n)
{
    decomp *d = t->d;
    pl_split *sp = &d->sp;
    undo_path(t);
    if (!grow((void **)&t->path, &t->cap_path, t->nodes[n].depth + 1, sizeof *t->path))
        return false;
    for (int k = n; k >= 0 && t->nodes[k].parent >= 0; k = t->nodes[k].parent)
        t->path[t->n_path++] = t->nodes[k].b;
    /* intersect, root first (the bounds were the root's before) */
    for (int i = t->n_path - 1; i >= 0; i--) {
        const branch *b = &t->path[i];
        if (b->group) {
            int r = d->group_rows[b->index].row;
            double lb = glp_get_row_lb(d->master, r), ub = glp_get_row_ub(d->master, r);
            int type = glp_get_row_type(d->master, r);
            if (type == GLP_FR || type == GLP_UP || b->lb > lb)
                lb = b->lb;
            if (type == GLP_FR || type == GLP_LO || b->ub < ub)
                ub = b->ub;
            pli_glpk_row_bounds(d->master, r, lb, ub);
        } else {
            pl_slice *s = &sp->slices[b->index];
            int j = s->cols[b->c];
            double lb = sp->m->col_lb[j], ub = sp->m->col_ub[j];
            for (int q = t->n_path - 1; q >= i; q--) {
                const branch *o = &t->path[q];
                if (!o->group && o->index == b->index && o->c == b->c) {
                    lb = o->lb > lb ? o->lb : lb;
                    ub = o->ub < ub ? o->ub : ub;
                }
            }
            if (!pli_slice_bound(sp, b->index, b->c, lb, ub))
                return false;
            s->branched = true;
        }
    }
    for (int i = 0; i < d->n_sched; i++) {
        int col = d->first_sched + i;
        if (sp->slices[d->sched[i].slice].branched && !obeys_path(t, i))
            glp_set_col_bnds(d->master, col, GLP_FX, 0.0, 0.0);
        else
            glp_set_col_bnds(d->master, col, GLP_LO, 0.0, 0.0);
    }
    return true;
}

/* Whether the witness (a known optimum) obeys the decisions of node n. */
static bool witness_admits(const tree *t, int n)
{
    const decomp *d = t->d;
    const pl_split *sp = &d->sp;
    const double *w = d->job->witness;
    for (int k = n; k >= 0 && t->nodes[k].parent >= 0; k = t->nodes[k].parent) {
        const branch *b = &t->nodes[k].b;
        double v = 0.0;
        if (b->group) {
            int root = d->group_rows[b->index].root;
            for (int s = root; s < sp->n_slices; s++)
                if (root_of(sp, s) == root)
                    v += w[sp->slices[s].cols[b->c] + 1];
        } else {
            v = w[sp->slices[b->index].cols[b->c] + 1];
        }
        if (v < b->lb - 1e-6 || v > b->ub + 1e-6)
            return false;
    }
    return true;
}

/* Node n is closed with `bound` (+inf: no schedule in it): with a
 * witness, count a cut that would have lost it. */
static void closing(tree *t, int n, double bound)
{
    const glpk_job *job = t->d->job;
    if (!job->witness || !witness_admits(t, n))
        return;
    double w = job->witness_cost;
    if (bound > w + 1e-6 * (1.0 + fabs(w)))
        job->result->witness_cut++;
}

/* Whether bound b prunes against the incumbent, or meets --gap (then
 * the global bound keeps b). */
static bool prunes(tree *t, double b)
{
    const decomp *d = t->d;
    double inc = t->incumbent;
    if (isinf(inc))
        return false;
    if (d->job->integral ? ceil(b - 1e-6) >= inc - 1e-6 : b >= inc - 1e-9 * (1.0 + fabs(inc)))
        return true;
    double gap = d->job->params->gap;
    if (gap > 0 && (inc - b) / (1e-10 + fabs(inc)) <= gap) {
        if (b < t->gap_bound)
            t->gap_bound = b;
        return true;
    }
    return false;
}

/* The least bound over the open nodes, those --gap pruned and `extra`
 * (NaN: none). */
static double global_bound(const tree *t, double extra)
{
    double b = isnan(extra) || extra > t->gap_bound ? t->gap_bound : extra;
    for (int i = 0; i < t->n_open; i++)
        if (t->nodes[t->open[i]].bound < b)
            b = t->nodes[t->open[i]].bound;
    return b;
}

/* Σ λ·x of every owned integer column in the master's LP solution into
 * t->agg (zeroed first). */
static void aggregate(tree *t)
{
    decomp *d = t->d;
    const pl_model *m = d->job->m;
    memset(t->agg, 0, ((size_t)m->n_cols + 1) * sizeof *t->agg);
    int n = glp_get_num_cols(d->master);
    for (int c = d->first_sched; c <= n; c++) {
        double lam = glp_get_col_prim(d->master, c);
        if (lam < 1e-9)
            continue;
        const sched_col *sc = &d->sched[c - d->first_sched];
        const pl_slice *s = &d->sp.slices[sc->slice];
        for (int e = 0; e < sc->n; e++)
            t->agg[s->cols[sc->local[e]]] += lam * sc->val[e];
    }
}

/* How fractional v is (0: integral), and more for cells: a candidate's
 * score, or -1 when it is no candidate. */
static double score(const decomp *d, int j, double v)
{
    if (d->job->m->col_kind[j] == PL_COL_CONTINUOUS)
        return -1.0;
    double f = v - floor(v);
    double s = f < 1.0 - f ? f : 1.0 - f;
    if (s < 1e-6)
        return -1.0;
    int prefer = d->job->tune.tree_prefer_cells;
    return prefer == 0 ? s : (d->is_cell[j] == (prefer > 0)) ? 1.0 + s : s;
}

/* The branching decision for the LP just solved: a group's count first,
 * else one trainee's column.  *v its value.  False when every candidate
 * is integral. */
static bool choose(tree *t, branch *out, double *v)
{
    decomp *d = t->d;
    const pl_split *sp = &d->sp;
    double best = -1.0;
    aggregate(t);
    /* (without room for another group row, trainees one by one) */
    bool room = d->n_master_rows < d->cap_master_rows;
    for (int r = 0; room && r < sp->n_slices; r++) {
        const pl_slice *root = &sp->slices[r];
        if (!root->has_twins)
            continue;
        memset(t->gagg, 0, ((size_t)root->n_cols + 1) * sizeof *t->gagg);
        for (int k = r; k < sp->n_slices; k++)
            if (root_of(sp, k) == r)
                for (int c = 0; c < root->n_cols; c++)
                    t->gagg[c] += t->agg[sp->slices[k].cols[c]];
        for (int c = 0; c < root->n_cols; c++) {
            double s = score(d, root->cols[c], t->gagg[c]);
            if (s > best) {
                best = s;
                *out = (branch){true, r, c, 0, 0};
                *v = t->gagg[c];
            }
        }
    }
    if (best >= 0.0)
        return true;
    for (int k = 0; k < sp->n_slices; k++) {
        const pl_slice *s = &sp->slices[k];
        for (int c = 0; c < s->n_cols; c++) {
            double sc = score(d, s->cols[c], t->agg[s->cols[c]]);
            if (sc > best) {
                best = sc;
                *out = (branch){false, k, c, 0, 0};
                *v = t->agg[s->cols[c]];
            }
        }
    }
    return best >= 0.0;
}

/* A child of node p with decision b, open; its index, or -1 without
 * memory. */
static int add_child(tree *t, int p, branch b)
{
    if (!grow((void **)&t->nodes, &t->cap_nodes, t->n_nodes + 1, sizeof *t->nodes) ||
        !grow((void **)&t->open, &t->cap_open, t->n_open + 1, sizeof *t->open))
        return -1;
    int n = t->n_nodes++;
    t->nodes[n] = (tnode){p, b, t->nodes[p].bound, t->nodes[p].depth + 1};
    t->open[t->n_open++] = n;
    return n;
}

/* Node n's two children: the one to dive into in *dive.  False without
 * memory or room for a group row. */
static bool branch_on(tree *t, int n, branch b, double v, int *dive)
{
    if (b.group) {
        int g = pli_decomp_group_row(t->d, b.index, b.c);
        if (g < 0)
            return false;
        b.index = g;
        t->d->job->result->group_branches++;
    }
    branch down = b, up = b;
    down.lb = -HUGE_VAL;
    down.ub = floor(v);
    up.lb = ceil(v);
    up.ub = HUGE_VAL;
    int a = add_child(t, n, down), c = add_child(t, n, up);
    if (a < 0 || c < 0)
        return false;
    *dive = v - floor(v) >= 0.5 ? c : a;
    return true;
}

/* A new best schedule from the node's LP. */
static void take_incumbent(tree *t, double *x, double obj)
{
    decomp *d = t->d;
    if (obj >= t->incumbent - 1e-9) {
        pli_glpk_free(d->job, x);
        return;
    }
    pli_glpk_free(d->job, *t->x);
    *t->x = x;
    *t->objective = obj;
    t->incumbent = obj;
    d->cutoff = obj;
    pli_decomp_report(d, obj, global_bound(t, NAN), t->n_open);
}

/* Solve node n: its column generation, then prune, take its schedule or
 * branch (the child to dive into in *dive, else -1). */
static enum node_end solve_node(tree *t, int n, double until, int *dive)
{
    decomp *d = t->d;
    tnode *nd = &t->nodes[n];
    *dive = -1;
    if (d->n_sched > d->job->tune.tree_pool_columns)
        pli_decomp_purge(d);
    if (!apply_node(t, n))
        return NODE_FAILED;
    d->in_node = true;
    d->node_bound = nd->bound;
    d->have_center = false;
    double z = pli_decomp_master_lp(d, until - pli_clock_seconds());
    if (isnan(z))
        return NODE_OPEN;
    cg_end end = pli_decomp_generate(d, until, &z);
    nd = &t->nodes[n];
    if (d->node_bound > nd->bound)
        nd->bound = d->node_bound;
    if (end == CG_ERROR)
        return NODE_FAILED;
    if (end == CG_NO_SCHEDULE) { /* a trainee has no schedule in this node */
        closing(t, n, HUGE_VAL);
        return NODE_PRUNED;
    }
    if (end == CG_CUT || prunes(t, nd->bound)) {
        closing(t, n, nd->bound);
        return NODE_PRUNED;
    }
    if (end == CG_STOPPED)
        return NODE_OPEN;
    double obj;
    double *x = pli_decomp_values(d, false, &obj);
    if (x) { /* the node's LP optimum is a schedule */
        closing(t, n, nd->bound);
        take_incumbent(t, x, obj);
        return NODE_PRUNED;
    }
    branch b = {false, 0, 0, 0, 0};
    double v = 0.0;
    if (!choose(t, &b, &v)) { /* integral, yet artificials: nothing fits */
        closing(t, n, HUGE_VAL);
        return NODE_PRUNED;
    }
    return branch_on(t, n, b, v, dive) ? NODE_BRANCHED : NODE_FAILED;
}

/* The open node of least bound, taken off the open list; -1 if none. */
static int pop_best(tree *t)
{
    if (t->n_open == 0)
        return -1;
    int best = 0;
    for (int i = 1; i < t->n_open; i++)
        if (t->nodes[t->open[i]].bound < t->nodes[t->open[best]].bound)
            best = i;
    int n = t->open[best];
    t->open[best] = t->open[--t->n_open];
    return n;
}

/* Take node n off the open list (a dive goes on with it). */
static void unlist(tree *t, int n)
{
    for (int i = 0; i < t->n_open; i++)
        if (t->open[i] == n) {
            t->open[i] = t->open[--t->n_open];
            return;
        }
}

static tree *tree_new(decomp *d, double **x, double *objective)
{
    const pl_model *m = d->job->m;
    tree *t = calloc(1, sizeof *t);
    if (!t || !pli_glpk_hold(d->job, t, tree_drop))
        return NULL;
    int max_cols = 0;
    for (int k = 0; k < d->sp.n_slices; k++)
        if (d->sp.slices[k].n_cols > max_cols)
            max_cols = d->sp.slices[k].n_cols;
    t->d = d;
    t->x = x;
    t->objective = objective;
    t->incumbent = *x ? *objective : HUGE_VAL;
    t->gap_bound = HUGE_VAL;
    t->agg = calloc((size_t)m->n_cols + 1, sizeof *t->agg);
    t->gagg = calloc((size_t)max_cols + 1, sizeof *t->gagg);
    if (!t->agg || !t->gagg ||
        !grow((void **)&t->nodes, &t->cap_nodes, 1, sizeof *t->nodes)) {
        pli_glpk_free(d->job, t);
        return NULL;
    }
    t->nodes[t->n_nodes++] = (tnode){-1, {false, 0, 0, 0, 0}, d->best_bound, 0};
    return t;
}

/* Whether the tree must stop before another node. */
static bool must_stop(const tree *t, double until)
{
    return pli_clock_seconds() >= until - 0.05 || pli_glpk_interrupted(t->d->job);
}

pl_status pli_decomp_tree(decomp *d, double until, double **x, double *objective,
                          double *bound)
{
    pl_status status = PL_OK;
    tree *t = tree_new(d, x, objective);
    if (!t)
        return PL_ERR_NOMEM;
    d->cutoff = t->incumbent;
    /* the root's LP was solved by the column generation: branch on it */
    int n = 0, dive = -1, dive_start = 0;
    double stopped_bound = NAN; /* a node left open by the limits */
    enum node_end end = NODE_OPEN;
    if (d->job->witness && witness_admits(t, 0) &&
        d->best_bound > d->job->witness_cost + 1e-6 * (1.0 + fabs(d->job->witness_cost)))
        d->job->result->witness_cut++;
    for (;;) {
        if (n < 0) {
            n = pop_best(t);
            dive_start = n < 0 ? 0 : t->nodes[n].depth;
        }
        if (n < 0)
            break;
        if (must_stop(t, until) || prunes(t, t->nodes[n].bound)) {
            if (must_stop(t, until)) {
                stopped_bound = t->nodes[n].bound;
                break;
            }
            closing(t, n, t->nodes[n].bound);
            n = -1;
            continue;
        }
        end = solve_node(t, n, until, &dive);
        t->processed++;
        d->job->result->nodes = t->processed;
        if (end == NODE_FAILED) {
            status = PL_ERR_NOMEM;
            stopped_bound = t->nodes[n].bound;
            break;
        }
        if (end == NODE_OPEN) {
            stopped_bound = t->nodes[n].bound;
            break;
        }
        if (end == NODE_BRANCHED)
            pli_decomp_report(d, NAN, global_bound(t, NAN), t->n_open);
        if (dive >= 0 && t->nodes[dive].depth - dive_start < d->job->tune.tree_dive_depth) {
            unlist(t, dive);
            n = dive;
        } else {
            n = -1;
        }
    }
    double b = global_bound(t, stopped_bound);
    if (isinf(b) && b > 0) /* every node closed: the incumbent is optimal */
        b = t->incumbent;
    if (!isinf(b) && (isnan(*bound) || b > *bound))
        *bound = b;
    pli_decomp_report(d, isinf(t->incumbent) ? NAN : t->incumbent, *bound, t->n_open);
    undo_path(t);
    d->in_node = false;
    pli_glpk_free(d->job, t);
    return status;
}
