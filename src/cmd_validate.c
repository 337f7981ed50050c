/*
 * cmd_validate.c — `placera validate INSTANCE`: load and check an instance,
 * print every problem to standard error and, when it is valid, one summary
 * line to standard output.  Exit 0 when valid, 2 on bad input or usage.
 */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "placera.h"

static const cmd_option validate_options[] = {
    {NULL, NULL}, /* none of its own */
};

const cmd_help cmd_validate_help = {
    "validate",
    "Check an instance and report every problem in it at once, with warnings for likely slips.",
    "placera validate INSTANCE",
    validate_options,
    "docs/format.md (sections 2 and 3), docs/examples.md",
};

int cmd_validate(int argc, char **argv, const cmd_common *common)
{
    if (argc != 2 || (argv[1][0] == '-' && argv[1][1])) {
        if (argc == 2)
            fprintf(stderr, "placera validate: unknown option '%s'\n", argv[1]);
        return cmd_usage(&cmd_validate_help);
    }
    const char *path = argv[1];
    if (!cmd_files_ok("validate", common, NULL, 0, (const char *const *)&argv[1], 1))
        return 2;
    pl_diags diags;
    pl_instance *inst = NULL;
    pl_diags_init(&diags);
    pl_status status = pl_instance_load(path, &inst, &diags);
    pl_diags_print(&diags, stderr);
    if (status != PL_OK) {
        if (diags.count == 0)
            fprintf(stderr, "%s: error: %s\n", path, pl_strerror(status));
        pl_diags_free(&diags);
        return 2;
    }
    pl_instance_summary sum;
    pl_instance_summarize(inst, &sum);
    size_t warnings = pl_diags_count_severity(&diags, PL_SEV_WARNING);
    printf("%s: ok: %zu trainee%s, %zu site%s, %zu supervisor%s, %zu rotation%s, "
           "%zu program%s, %zu period%s, %zu eligible cell%s, %zu warning%s\n",
           path, sum.trainees, sum.trainees == 1 ? "" : "s", sum.sites,
           sum.sites == 1 ? "" : "s", sum.supervisors,
           sum.supervisors == 1 ? "" : "s", sum.rotations,
           sum.rotations == 1 ? "" : "s", sum.programs,
           sum.programs == 1 ? "" : "s", sum.periods,
           sum.periods == 1 ? "" : "s", sum.eligible_cells,
           sum.eligible_cells == 1 ? "" : "s", warnings,
           warnings == 1 ? "" : "s");
    pl_instance_free(inst);
    pl_diags_free(&diags);
    return 0;
}
