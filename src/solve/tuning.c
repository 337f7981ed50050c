/*
 * tuning.c — the defaults of every tunable of the GLPK backend
 * (tuning.h), each with what it was measured on.
 */
#include "solve/tuning.h"

/* LPs */
#define DEFAULT_SIMPLEX_SLICE_SECONDS 0.3 /* Ctrl-C is seen within about this
                                           * time; a restart costs a
                                           * factorization (region master:
                                           * 1.6 s in one call, 1.8 s in slices) */
#define DEFAULT_ADV_BASIS_MAX_ROWS 100000 /* glp_adv_basis cannot be stopped */
#define DEFAULT_DUAL_SIMPLEX_ROWS 10000   /* 100-trainee allocation: 0.03 % from
                                           * the LP optimum in 2 min where the
                                           * primal was 36 % away after 4 */
#define DEFAULT_ROOT_SLICE_SECONDS 5.0

/* the compact model's phases */
#define DEFAULT_ROOT_SHARE 0.1
#define DEFAULT_START_SHARE 0.5
#define DEFAULT_LP_GUIDED_SHARE 0.25
#define DEFAULT_SEARCH_SHARE 0.6
#define DEFAULT_SEARCH_SHARE_NO_ROOT 0.9 /* a root LP that did not finish in its
                                          * tenth rarely finishes in the rest */
#define DEFAULT_ROOT_RESUME_SHARE 0.25
#define DEFAULT_BB_STOP_SHARE 0.95
#define DEFAULT_BB_STOP_MARGIN 0.5

/* the search */
#define DEFAULT_STALL_MOVES 40
#define DEFAULT_STALL_MOVES_NEAR 10
#define DEFAULT_NEAR_GAP 0.01
#define DEFAULT_SINGLE_MOVE_SECONDS 0.5 /* a one-trainee move of the 100-trainee
                                         * allocation: ~400 columns, 20 ms */
#define DEFAULT_MOVE_SECONDS 1.0
#define DEFAULT_GROW_AFTER_FAILS 10
#define DEFAULT_CONSTRUCT_BATCHES 10
#define DEFAULT_BATCH_SECONDS 1.0
#define DEFAULT_COPY_FACTOR 3.0
#define DEFAULT_PRESOLVE_MAX_ROWS 100000 /* GLPK's presolver cannot be stopped */

/* memory */
#define DEFAULT_PROCESS_BYTES (6.0 * 1024 * 1024) /* the program, jansson, the
                                                   * instance (small tier: 16 MB
                                                   * peak in all) */
#define DEFAULT_MEMORY_SOFT_SHARE 0.9

/* the decomposition */
#define DEFAULT_DECOMP_SHARE 0.7
#define DEFAULT_AUTO_DECOMPOSITION_CELLS 2000 /* examples: 291-567 cells, where
                                               * the compact model proves the
                                               * optimum in under a second */
#define DEFAULT_FINISH_MAX_COLS 50000
#define DEFAULT_FINISH_MIN_SECONDS 1.0
#define DEFAULT_GREEDY_SHARE 0.6 /* the first master LP needs the rest (region
                                  * tier: 1.6 s with its crash basis) */
#define DEFAULT_CG_SHARE 0.8
#define DEFAULT_CG_SHARE_INFEASIBLE 0.95 /* MSSP L instances: no schedule at 0.8 */
#define DEFAULT_SMOOTHING 0.5
#define DEFAULT_PRICE_SECONDS 1.0
#define DEFAULT_ROUND_PRICE_SECONDS 0.25 /* a good column soon, not a proof */
#define DEFAULT_PRICE_CAP_GROWTH 4.0 /* MSSP Instance_100: slices that need
                                      * seconds to prove their optimum */
#define DEFAULT_ROUND_MIP_SECONDS 1.0
#define DEFAULT_GREEDY_SECONDS 0.1
#define DEFAULT_GREEDY_RETRY_SECONDS 1.0
#define DEFAULT_PLACEMENT_FREE_SECONDS 0.003 /* region: about 1.5 ms a trainee;
                                              * national: 2.6 ms */
#define DEFAULT_PLACEMENT_FREE_GRACE 0.5
#define DEFAULT_RC_EPS 1e-6

/* branch-and-price */
#define DEFAULT_TREE_SHARE 0.8
#define DEFAULT_TREE_GROUP_ROWS 1024 /* two artificial columns each, empty
                                      * until used */
#define DEFAULT_TREE_POOL_COLUMNS 200000 /* about 100 bytes a nonzero in GLPK and
                                          * here: some 40 nonzeros a schedule */
#define DEFAULT_TREE_DIVE_DEPTH 1000
#define DEFAULT_TREE_PREFER_CELLS (-1) /* the random instances of the tests that
                                        * branch: 324 nodes against 382 with
                                        * cells first and 354 with neither
                                        * (twins: 618, 671, 658) */

void pli_tuning_init(pli_tuning *t)
{
    *t = (pli_tuning){
        .simplex_slice_seconds = DEFAULT_SIMPLEX_SLICE_SECONDS,
        .adv_basis_max_rows = DEFAULT_ADV_BASIS_MAX_ROWS,
        .dual_simplex_rows = DEFAULT_DUAL_SIMPLEX_ROWS,
        .root_slice_seconds = DEFAULT_ROOT_SLICE_SECONDS,
        .root_share = DEFAULT_ROOT_SHARE,
        .start_share = DEFAULT_START_SHARE,
        .lp_guided_share = DEFAULT_LP_GUIDED_SHARE,
        .search_share = DEFAULT_SEARCH_SHARE,
        .search_share_no_root = DEFAULT_SEARCH_SHARE_NO_ROOT,
        .root_resume_share = DEFAULT_ROOT_RESUME_SHARE,
        .bb_stop_share = DEFAULT_BB_STOP_SHARE,
        .bb_stop_margin = DEFAULT_BB_STOP_MARGIN,
        .stall_moves = DEFAULT_STALL_MOVES,
        .stall_moves_near = DEFAULT_STALL_MOVES_NEAR,
        .near_gap = DEFAULT_NEAR_GAP,
        .single_move_seconds = DEFAULT_SINGLE_MOVE_SECONDS,
        .move_seconds = DEFAULT_MOVE_SECONDS,
        .grow_after_fails = DEFAULT_GROW_AFTER_FAILS,
        .construct_batches = DEFAULT_CONSTRUCT_BATCHES,
        .batch_seconds = DEFAULT_BATCH_SECONDS,
        .copy_factor = DEFAULT_COPY_FACTOR,
        .presolve_max_rows = DEFAULT_PRESOLVE_MAX_ROWS,
        .process_bytes = DEFAULT_PROCESS_BYTES,
        .memory_soft_share = DEFAULT_MEMORY_SOFT_SHARE,
        .decomp_share = DEFAULT_DECOMP_SHARE,
        .auto_decomposition_cells = DEFAULT_AUTO_DECOMPOSITION_CELLS,
        .finish_max_cols = DEFAULT_FINISH_MAX_COLS,
        .finish_min_seconds = DEFAULT_FINISH_MIN_SECONDS,
        .greedy_share = DEFAULT_GREEDY_SHARE,
        .cg_share = DEFAULT_CG_SHARE,
        .cg_share_infeasible = DEFAULT_CG_SHARE_INFEASIBLE,
        .smoothing = DEFAULT_SMOOTHING,
        .price_seconds = DEFAULT_PRICE_SECONDS,
        .round_price_seconds = DEFAULT_ROUND_PRICE_SECONDS,
        .price_cap_growth = DEFAULT_PRICE_CAP_GROWTH,
        .round_mip_seconds = DEFAULT_ROUND_MIP_SECONDS,
        .greedy_seconds = DEFAULT_GREEDY_SECONDS,
        .greedy_retry_seconds = DEFAULT_GREEDY_RETRY_SECONDS,
        .placement_free_seconds = DEFAULT_PLACEMENT_FREE_SECONDS,
        .placement_free_grace = DEFAULT_PLACEMENT_FREE_GRACE,
        .rc_eps = DEFAULT_RC_EPS,
        .tree_share = DEFAULT_TREE_SHARE,
        .tree_group_rows = DEFAULT_TREE_GROUP_ROWS,
        .tree_pool_columns = DEFAULT_TREE_POOL_COLUMNS,
        .tree_dive_depth = DEFAULT_TREE_DIVE_DEPTH,
        .tree_prefer_cells = DEFAULT_TREE_PREFER_CELLS,
    };
}
