/*
 * cmd_patch.c — `placera patch BASE SCENARIO... [-o FILE]`: the base with
 * the scenarios applied in order (RFC 7396 merge patches, format.md 5.1),
 * validated, written as an instance file (standard output by default,
 * through a temporary file with -o).  What the scenarios change, as placera
 * reads it, goes to standard error unless --quiet, so that a surprising
 * reading shows before the instance is used.  Exit 2 when the base or the
 * patched instance is invalid (every problem listed, with file and path).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "placera.h"

static const cmd_option patch_options[] = {
    {"-o FILE", "write it to FILE (else standard output)"},
    {"--quiet", "no reading of what the scenarios change, only errors"},
    {NULL, NULL},
};

const cmd_help cmd_patch_help = {
    "patch",
    "Write the base instance with the scenarios applied, validated, and say what they change.",
    "placera patch BASE SCENARIO... [-o FILE]",
    patch_options,
    "docs/whatif.md",
};

static int usage(void)
{
    return cmd_usage(&cmd_patch_help);
}

/* The reading of the patched instance against the base, on stderr. */
static void print_reading(const char *base_path, const pl_instance *patched)
{
    pl_diags diags;
    pl_instance *base = NULL;
    char **lines = NULL;
    size_t n = 0;
    pl_diags_init(&diags);
    if (pl_instance_load(base_path, &base, &diags) == PL_OK &&
        pl_whatif_describe(base, patched, &lines, &n) == PL_OK) {
        fprintf(stderr, "placera patch: %s\n", n == 0 ? "no change to the base" : "changes:");
        for (size_t i = 0; i < n; i++) {
            fprintf(stderr, "  %s\n", lines[i]);
            free(lines[i]);
        }
        free(lines);
    }
    pl_instance_free(base);
    pl_diags_free(&diags);
}

int cmd_patch(int argc, char **argv, const cmd_common *common)
{
    const char *base = NULL, *output = NULL;
    const char **scenarios = calloc((size_t)argc + 1, sizeof *scenarios);
    size_t n = 0;
    bool quiet = false;
    pl_diags diags;
    pl_instance *inst = NULL;
    char *json = NULL;
    int rc = 2;

    pl_diags_init(&diags);
    if (!scenarios)
        goto cleanup;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-o") && i + 1 < argc) {
            output = argv[++i];
        } else if (!strcmp(argv[i], "--quiet")) {
            quiet = true;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "placera patch: unknown or incomplete option '%s'\n", argv[i]);
            rc = usage();
            goto cleanup;
        } else if (!base) {
            base = argv[i];
        } else {
            scenarios[n++] = argv[i];
        }
    }
    if (!base || n == 0) {
        rc = usage();
        goto cleanup;
    }
    scenarios[n] = base; /* the inputs: the scenarios and the base */
    if (!cmd_files_ok("patch", common, &output, 1, scenarios, n + 1))
        goto cleanup;
    pl_status st = pl_instance_patch(base, scenarios, n, &json, &inst, &diags);
    if (st != PL_OK || !quiet)
        pl_diags_print(&diags, stderr);
    pl_diags_clear(&diags);
    if (st != PL_OK) {
        fprintf(stderr, "placera patch: the patched instance is invalid: %s\n", pl_strerror(st));
        goto cleanup;
    }
    if (!quiet)
        print_reading(base, inst);
    size_t len = strlen(json);
    char *text = realloc(json, len + 2);
    if (!text)
        goto cleanup;
    json = text;
    strcpy(json + len, "\n");
    if (pl_write_text(output, json, &diags) != PL_OK) {
        pl_diags_print(&diags, stderr);
        goto cleanup;
    }
    rc = 0;
cleanup:
    free(json);
    free(scenarios);
    pl_instance_free(inst);
    pl_diags_free(&diags);
    return rc;
}
