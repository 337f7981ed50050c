/*
 * cmd_generate.c — `placera generate [--tier small|region|national]
 * [--trainees N] [--sites N] [--periods N] [--seed N] [-o FILE]`: write a
 * realistic generated instance (docs/generator.md).  Same options, same
 * bytes.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "placera.h"

static const cmd_option generate_options[] = {
    {"--tier T", "small (the default), region or national"},
    {"--trainees N", "this many trainees instead of the tier's"},
    {"--sites N", "this many sites instead of the tier's"},
    {"--periods N", "this many months instead of the tier's"},
    {"--seed N", "the random seed (default 1): same options, same bytes"},
    {"-o, --output FILE", "write the instance to FILE (default: standard output)"},
    {NULL, NULL},
};

const cmd_help cmd_generate_help = {
    "generate",
    "Write a realistic generated instance, the same bytes for the same options.",
    "placera generate [options]",
    generate_options,
    "docs/generator.md, docs/programs.md",
};

static int usage(void)
{
    return cmd_usage(&cmd_generate_help);
}

static int number(const char *opt, const char *text, unsigned long long max,
                  unsigned long long *out)
{
    char *end;
    errno = 0;
    if (!text || text[0] == '-' || text[0] == '\0')
        goto bad;
    *out = strtoull(text, &end, 10);
    if (errno || *end || *out > max)
        goto bad;
    return 1;
bad:
    fprintf(stderr, "placera generate: %s needs a number up to %llu\n", opt, max);
    return 0;
}

int cmd_generate(int argc, char **argv, const cmd_common *common)
{
    pl_generate_params params;
    const char *out = NULL;
    char *json = NULL;
    pl_diags diags;
    pl_status st;
    unsigned long long v;

    (void)common; /* generate reads no input */
    pl_generate_params_init(&params);
    for (int i = 1; i < argc; i += 2) { /* every option takes a value */
        const char *a = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
            if (!val)
                return usage();
            out = val;
        } else if (!strcmp(a, "--tier")) {
            if (!val)
                return usage();
            if (!strcmp(val, "small"))
                params.tier = PL_TIER_SMALL;
            else if (!strcmp(val, "region"))
                params.tier = PL_TIER_REGION;
            else if (!strcmp(val, "national"))
                params.tier = PL_TIER_NATIONAL;
            else {
                fprintf(stderr, "placera generate: unknown tier '%s' (small, region, national)\n",
                        val);
                return 2;
            }
        } else if (!strcmp(a, "--trainees") || !strcmp(a, "--sites") ||
                   !strcmp(a, "--periods")) {
            unsigned long long max = a[2] == 't' ? 100000 : a[2] == 's' ? 20000 : 1000;
            if (!number(a, val, max, &v))
                return 2;
            if (a[2] == 't')
                params.trainees = (int)v;
            else if (a[2] == 's')
                params.sites = (int)v;
            else
                params.periods = (int)v;
        } else if (!strcmp(a, "--seed")) {
            if (!number(a, val, ~0ULL, &v))
                return 2;
            params.seed = v;
        } else {
            fprintf(stderr, "placera generate: unknown argument '%s'\n", a);
            return usage();
        }
    }
    pl_diags_init(&diags);
    st = pl_generate(&params, &json, &diags);
    if (st == PL_OK)
        st = pl_write_text(out, json, &diags);
    pl_diags_print(&diags, stderr);
    if (st != PL_OK && diags.count == 0)
        fprintf(stderr, "placera generate: %s\n", pl_strerror(st));
    free(json);
    pl_diags_free(&diags);
    return st == PL_OK ? 0 : 2;
}
