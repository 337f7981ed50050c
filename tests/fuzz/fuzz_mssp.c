/*
 * fuzz_mssp.c — libFuzzer harness for the MSSP importer
 * (pl_import_mssp_string: the .dzn reader and the mapping to placera/1).
 * Whatever the importer accepts must be a valid instance: its JSON is
 * loaded back with pl_instance_load_string and must load.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "placera.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    pl_diags diags;
    char *json = NULL;
    pl_diags_init(&diags);
    pl_status st = pl_import_mssp_string((const char *)data, size, "fuzz.dzn",
                                         &json, &diags);
    if ((st == PL_OK) != (json != NULL))
        abort();
    if (st != PL_OK && st != PL_ERR_NOMEM &&
        pl_diags_count_severity(&diags, PL_SEV_ERROR) == 0)
        abort();
    if (json) {
        pl_diags back;
        pl_instance *inst = NULL;
        pl_diags_init(&back);
        if (pl_instance_load_string(json, strlen(json), "import.json", &inst,
                                    &back) != PL_OK) {
            pl_diags_print(&back, stderr);
            abort(); /* the importer wrote an instance that does not load */
        }
        pl_instance_free(inst);
        pl_diags_free(&back);
        free(json);
    }
    pl_diags_free(&diags);
    return 0;
}
