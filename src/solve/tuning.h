/*
 * tuning.h — every tunable of the GLPK backend in one struct, with its
 * default (tuning.c), in the style of GLPK's glp_init_iocp and SCIP's
 * DEFAULT_* parameters.  A solve fills one with pli_tuning_init and the
 * backend reads it from its job; nothing in src/solve/ uses a bare
 * number for a time share, a cap or a threshold.  The figures behind each
 * default are in tuning.c and benchmarks/README.md.
 */
#ifndef PLI_TUNING_H
#define PLI_TUNING_H

typedef struct pli_tuning {
    /* LPs (glpk_backend.c) */
    double simplex_slice_seconds; /* a long simplex runs in interruptible slices */
    int adv_basis_max_rows;       /* GLPK's crash basis up to this many rows */
    int dual_simplex_rows;        /* the dual simplex from this many rows */
    double root_slice_seconds;    /* an unfinished root LP resumes at least this long */

    /* the compact model's phases (solve_work) */
    double root_share;          /* of the time left: the root LP first */
    double start_share;         /* ... a first schedule without the LP */
    double lp_guided_share;     /* ... a first schedule guided by the LP */
    double search_share;        /* ... the neighbourhood search, root LP done */
    double search_share_no_root;/* ... the same, root LP not done */
    double root_resume_share;   /* ... each resumed slice of an unfinished root LP */
    double bb_stop_share;       /* the branch-and-bound stops at this share of the limit */
    double bb_stop_margin;      /* ... less this many seconds (a node LP, polishing) */

    /* the neighbourhood search and the start heuristics (glpk_heuristics.c) */
    int stall_moves;            /* moves in a row without improvement that end it */
    int stall_moves_near;       /* ... when the bound is within near_gap */
    double near_gap;            /* relative gap that counts as near */
    double single_move_seconds; /* cap of a one-trainee move */
    double move_seconds;        /* cap of a larger move */
    int grow_after_fails;       /* failures in a row before a neighbourhood grows */
    int construct_batches;      /* the sequential construction's batches */
    double batch_seconds;       /* a batch's first try */
    double copy_factor;         /* a restricted copy takes this many times the problem */
    int presolve_max_rows;      /* restricted models presolved up to this many rows */

    /* memory (--memory-limit) */
    double process_bytes;       /* what every run takes besides the model and GLPK */
    double memory_soft_share;   /* of GLPK's share: the phases stop there */

    /* the decomposition (glpk_decomp.c, glpk_backend.c) */
    double decomp_share;        /* of the time: the decomposition, then the search */
    int auto_decomposition_cells; /* `auto` decomposes from this many cells */
    int finish_max_cols;        /* models this small finish with the compact B&B */
    double finish_min_seconds;  /* ... when this much time is left */
    double greedy_share;        /* of the decomposition's time: the greedy start */
    double cg_share;            /* ... the column generation (the rest: the master MIP) */
    double cg_share_infeasible; /* ... the same while the master still needs artificials */
    double smoothing;           /* Wentges: weight of the best-bound duals */
    double price_seconds;       /* cap of one slice MIP */
    double round_price_seconds; /* ... in a pricing round, at first */
    double price_cap_growth;    /* ... times this after a round that found nothing
                                 * and proved nothing */
    double round_mip_seconds;   /* pricing MIPs per round, at least */
    double greedy_seconds;      /* a slice MIP of the greedy start */
    double greedy_retry_seconds;/* ... its second try */
    double placement_free_seconds; /* kept per trainee for placement-free schedules */
    double placement_free_grace;   /* ... which may run this far past the limit */
    double rc_eps;              /* a column must beat this reduced cost to join */

    /* branch-and-price (glpk_tree.c) */
    double tree_share;          /* of the time after the root: the tree (the rest:
                                 * the restricted master MIP first); 0: no tree */
    int tree_group_rows;        /* master rows for branches on groups of twins */
    int tree_pool_columns;      /* schedules kept in the pool; above, the unused go */
    int tree_dive_depth;        /* a dive ends this deep below its start */
    int tree_prefer_cells;      /* branch on placement cells before other columns (1),
                                 * after them (-1), or by fractionality alone (0) */
} pli_tuning;

/* Fill `t` with the defaults. */
void pli_tuning_init(pli_tuning *t);

#endif /* PLI_TUNING_H */
