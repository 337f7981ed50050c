/*
 * fuzz_instance.c — libFuzzer harness for the instance loader and
 * validator: pl_instance_load_string on arbitrary bytes.  A loaded instance
 * is also summarized and, when placera's own size estimate says the model
 * is small, the integer program is built (never solved) and its placement
 * columns are checked against the eligible-cell count, an upper bound.
 *
 * Build and run: make fuzz FUZZ_SECONDS=60 (see tests/fuzz/README.md).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "model/model.h"
#include "placera.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    pl_diags diags;
    pl_instance *inst = NULL;
    pl_diags_init(&diags);
    pl_status st = pl_instance_load_string((const char *)data, size, "fuzz.json",
                                           &inst, &diags);
    if ((st == PL_OK) != (inst != NULL))
        abort(); /* PL_OK exactly when an instance is returned */
    if (st != PL_OK && pl_diags_count_severity(&diags, PL_SEV_ERROR) == 0 &&
        st != PL_ERR_NOMEM)
        abort(); /* every refusal says why */
    if (inst) {
        pl_instance_summary sum;
        pl_model_estimate est;
        pl_instance_summarize(inst, &sum);
        pli_model_estimate_size(inst, &est);
        if (est.columns < 20000 && est.nonzeros < 200000) {
            pl_model *m = NULL;
            if (pli_model_build(inst, NULL, &m) == PL_OK) {
                if ((double)m->n_cells > est.cells ||
                    m->n_cells > sum.eligible_cells)
                    abort(); /* the eligible-cell count bounds the columns */
                pli_model_free(m);
            }
        }
        pl_instance_free(inst);
    }
    pl_diags_free(&diags);
    return 0;
}
