/*
 * cmd_import.c — `placera import mssp FILE.dzn [-o INSTANCE.json]` and
 * `placera import mssp --solution SOL.dzn FILE.dzn [-o SCHEDULE.json]`:
 * convert a Medical Student Scheduling benchmark instance (or the authors'
 * solution of one) into placera's formats (docs/mssp.md);
 * `placera import csv DIR [-o INSTANCE.json]`: a folder of spreadsheets
 * into an instance (docs/spreadsheets.md).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "commands.h"
#include "placera.h"

static const cmd_option import_options[] = {
    {"-o, --output FILE", "write the result to FILE (default: standard output)"},
    {"--solution SOL.dzn", "mssp: SOL.dzn, a solution of FILE.dzn, as a schedule"},
    {NULL, NULL},
};

const cmd_help cmd_import_help = {
    "import",
    "Turn a folder of spreadsheets (csv) or a Medical Student Scheduling benchmark (mssp) into an instance.",
    "placera import csv DIR [-o INSTANCE.json]\n"
    "placera import mssp FILE.dzn [-o INSTANCE.json]\n"
    "placera import mssp --solution SOL.dzn FILE.dzn [-o SCHEDULE.json]",
    import_options,
    "docs/spreadsheets.md (csv), docs/mssp.md (mssp)",
};

static int usage(void)
{
    return cmd_usage(&cmd_import_help);
}

/* Whether `out` is one of the CSV files of `dir` (an input). */
static bool overwrites_input(const char *out, const char *dir)
{
    struct stat o, f;
    DIR *d;
    struct dirent *e;
    bool same = false;
    if (!out || !strcmp(out, "-") || stat(out, &o) != 0 || !(d = opendir(dir)))
        return false;
    while (!same && (e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        char path[4096];
        if (n < 4 || strcasecmp(e->d_name + n - 4, ".csv") ||
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int)sizeof path)
            continue;
        same = stat(path, &f) == 0 && f.st_dev == o.st_dev && f.st_ino == o.st_ino;
    }
    closedir(d);
    return same;
}

int cmd_import(int argc, char **argv, const cmd_common *common)
{
    const char *in = NULL, *out = NULL, *sol = NULL;
    char *json = NULL;
    pl_diags diags;
    pl_status st;

    if (argc < 2 || (strcmp(argv[1], "mssp") != 0 && strcmp(argv[1], "csv") != 0)) {
        if (argc >= 2)
            fprintf(stderr, "placera import: unknown format '%s' (known: mssp, csv)\n",
                    argv[1]);
        return usage();
    }
    bool csv = !strcmp(argv[1], "csv");
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
    if (!in || (csv && sol))
        return usage();
    if (csv && overwrites_input(out, in)) {
        fprintf(stderr, "placera import: %s is one of the files read; write the "
                        "instance elsewhere\n", out);
        return 2;
    }
    /* a CSV folder is not a file: only the output is checked here */
    const char *inputs[] = {in, sol};
    if (!cmd_files_ok("import", common, &out, 1, inputs, csv ? 0 : 2))
        return 2;
    pl_diags_init(&diags);
    if (csv)
        st = pl_import_csv(in, &json, &diags);
    else
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
