/*
 * cmd_import.c — `placera import mssp FILE.dzn [-o INSTANCE.json]` and
 * `placera import mssp --solution SOL.dzn FILE.dzn [-o SCHEDULE.json]`:
 * convert a Medical Student Scheduling benchmark instance (or the authors'
 * solution of one) into placera's formats (docs/mssp.md).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "placera.h"

static int usage(void)
{
    fprintf(stderr, "usage: placera import mssp FILE.dzn [-o INSTANCE.json]\n"
                    "       placera import mssp --solution SOL.dzn FILE.dzn [-o SCHEDULE.json]\n");
    return 2;
}

int cmd_import(int argc, char **argv, const cmd_common *common)
{
    const char *in = NULL, *out = NULL, *sol = NULL;
    char *json = NULL;
    pl_diags diags;
    pl_status st;

    if (argc < 2 || strcmp(argv[1], "mssp") != 0) {
        if (argc >= 2)
            fprintf(stderr, "placera import: unknown format '%s' (known: mssp)\n", argv[1]);
        return usage();
    }
    for (int i = 2; i < argc; i++) {
        if (!strcmp(argv[i], "-o") || !strcmp(argv[i], "--output")) {
            if (i + 1 >= argc || out)
                return usage();
            out = argv[++i];
        } else if (!strcmp(argv[i], "--solution")) {
            if (i + 1 >= argc || sol)
                return usage();
            sol = argv[++i];
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "placera import: unknown option '%s'\n", argv[i]);
            return usage();
        } else if (!in) {
            in = argv[i];
        } else {
            return usage();
        }
    }
    if (!in)
        return usage();
    const char *inputs[] = {in, sol};
    if (!cmd_files_ok("import", common, &out, 1, inputs, 2))
        return 2;
    pl_diags_init(&diags);
    st = sol ? pl_import_mssp_solution(in, sol, &json, &diags)
             : pl_import_mssp(in, &json, &diags);
    if (st == PL_OK)
        st = pl_write_text(out, json, &diags);
    pl_diags_print(&diags, stderr);
    if (st != PL_OK && diags.count == 0)
        fprintf(stderr, "placera import: %s\n", pl_strerror(st));
    free(json);
    pl_diags_free(&diags);
    return st == PL_OK ? 0 : 2;
}
