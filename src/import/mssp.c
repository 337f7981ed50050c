/*
 * mssp.c — `placera import mssp`: the public entry points that read an MSSP
 * instance (.dzn) or the authors' solution file and return placera JSON.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/json_text.h"
#include "import/mssp.h"
#include "util/strutil.h"

/* What the importer writes must load as an instance: data that the
 * mapping cannot express (a minimum staffing above the capacity, ...) are
 * refused here with the loader's messages, named "FILE (as placera/1)". */
static pl_status must_load(const char *json, const char *name, pl_diags *diags)
{
    pl_status status = PL_OK;
    pl_diags back;
    pl_instance *inst = NULL;
    char *as = pli_asprintf("%s (as placera/1)", name);
    pl_diags_init(&back);
    if (!as)
        return PL_ERR_NOMEM;
    status = pl_instance_load_string(json, strlen(json), as, &inst, &back);
    pl_instance_free(inst);
    for (size_t i = 0; status != PL_OK && i < back.count; i++) {
        const pl_diag *d = &back.items[i];
        if (d->severity == PL_SEV_ERROR &&
            pl_diags_add(diags, d->severity, d->file, d->line, d->column, d->path,
                         "%s", d->message) != PL_OK)
            status = PL_ERR_NOMEM;
    }
    if (status != PL_OK && status != PL_ERR_NOMEM)
        status = PL_ERR_INVALID;
    free(as);
    pl_diags_free(&back);
    return status;
}

pl_status pl_import_mssp_string(const char *text, size_t length, const char *name, char **json,
                                pl_diags *diags)
{
    pl_status status = PL_OK;
    pl_dzn dzn = {0};
    pl_mssp m;
    json_t *root = NULL;

    if (!json || !text || !name || !diags)
        return PL_ERR_USAGE;
    *json = NULL;
    PL_TRY(pli_dzn_parse(text, length, name, NULL, &dzn, diags));
    PL_TRY(pli_mssp_read(&dzn, name, &m, diags));
    PL_TRY(pli_mssp_to_json(&m, name, &root));
    PL_TRY(pli_json_text(root, json));
    PL_TRY(must_load(*json, name, diags));
cleanup:
    if (status != PL_OK && *json) {
        free(*json);
        *json = NULL;
    }
    json_decref(root);
    pli_dzn_free(&dzn);
    return status;
}

pl_status pl_import_mssp(const char *dzn_path, char **json, pl_diags *diags)
{
    pl_status status = PL_OK;
    char *text = NULL;
    size_t length;
    if (!json || !dzn_path || !diags)
        return PL_ERR_USAGE;
    *json = NULL;
    PL_TRY(pli_read_text_file(dzn_path, &text, &length, diags));
    PL_TRY(pl_import_mssp_string(text, length, dzn_path, json, diags));
cleanup:
    free(text);
    return status;
}

/* One placement row. */
static pl_status add_row(json_t *rows, int s, int h, int d, int from, int to)
{
    pl_status status = PL_OK;
    char buf[24];
    json_t *row = json_object();
    PL_TRY(pli_json_append(rows, row));
    snprintf(buf, sizeof buf, "s%d", s + 1);
    PL_TRY(pli_json_set(row, "trainee", json_string(buf)));
    snprintf(buf, sizeof buf, "h%d", h + 1);
    PL_TRY(pli_json_set(row, "site", json_string(buf)));
    snprintf(buf, sizeof buf, "d%d", d + 1);
    PL_TRY(pli_json_set(row, "rotation", json_string(buf)));
    PL_TRY(pli_json_set(row, "from", json_integer(from)));
    PL_TRY(pli_json_set(row, "to", json_integer(to)));
cleanup:
    return status;
}

/* The rows of `schedule[s,t,h,d]`, one per run. */
static pl_status solution_rows(const pl_mssp *m, const long *x, const char *file, json_t *rows,
                               pl_diags *diags)
{
    pl_status status = PL_OK;
    size_t HD = (size_t)m->H * m->D;
    for (int s = 0; s < m->S; s++) {
        int run_h = -1, run_d = -1, run_from = 0;
        for (int t = 0; t <= m->T; t++) {
            int ph = -1, pd = -1;
            if (t < m->T) {
                const long *cell = x + ((size_t)s * m->T + t) * HD;
                for (size_t k = 0; k < HD; k++) {
                    if (!cell[k])
                        continue;
                    if (ph >= 0 || cell[k] != 1) {
                        pl_diags_add(diags, PL_SEV_ERROR, file, 0, 0, NULL,
                                     "student %d is placed twice (or with a value other "
                                     "than 0/1) in period %d",
                                     s + 1, t + 1);
                        return PL_ERR_INVALID;
                    }
                    ph = (int)(k / m->D);
                    pd = (int)(k % m->D);
                }
            }
            if (run_h >= 0 && (ph != run_h || pd != run_d))
                PL_TRY(add_row(rows, s, run_h, run_d, run_from, t - 1));
            if (ph >= 0 && (ph != run_h || pd != run_d))
                run_from = t;
            run_h = ph;
            run_d = pd;
        }
    }
cleanup:
    return status;
}

pl_status pl_import_mssp_solution(const char *dzn_path, const char *solution_path, char **json,
                                  pl_diags *diags)
{
    pl_status status = PL_OK;
    char *text = NULL, *sol = NULL, *name = NULL;
    size_t length, sol_length;
    pl_dzn dzn = {0}, sdzn = {0};
    pl_mssp m;
    json_t *root = NULL, *rows;

    if (!json || !dzn_path || !solution_path || !diags)
        return PL_ERR_USAGE;
    *json = NULL;
    PL_TRY(pli_read_text_file(dzn_path, &text, &length, diags));
    PL_TRY(pli_dzn_parse(text, length, dzn_path, NULL, &dzn, diags));
    PL_TRY(pli_mssp_read(&dzn, dzn_path, &m, diags));
    PL_TRY(pli_read_text_file(solution_path, &sol, &sol_length, diags));
    PL_TRY(pli_dzn_parse(sol, sol_length, solution_path, &dzn, &sdzn, diags));

    const pl_dzn_var *x = pli_dzn_find(&sdzn, "schedule");
    long want[4] = {m.S, m.T, m.H, m.D};
    bool ok = x && x->kind == PL_DZN_ARRAY && x->ndims == 4;
    for (int i = 0; ok && i < 4; i++)
        ok = x->hi[i] - x->lo[i] + 1 == want[i];
    if (!ok) {
        pl_diags_add(diags, PL_SEV_ERROR, solution_path, x ? x->line : 0, x ? x->column : 0,
                     NULL,
                     "expected schedule = array4d(1..%d, 1..%d, 1..%d, 1..%d, [...]) "
                     "(students, periods, hospitals, disciplines of %s)",
                     m.S, m.T, m.H, m.D, dzn_path);
        status = PL_ERR_INVALID;
        goto cleanup;
    }
    if (!(name = pli_mssp_name(dzn_path)) || !(root = json_object())) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    PL_TRY(pli_json_set(root, "format", json_string("placera-schedule/1")));
    PL_TRY(pli_json_set(root, "instance", json_string(name)));
    PL_TRY(pli_json_set(root, "status", json_string("feasible")));
    PL_TRY(pli_json_set(root, "placements", rows = json_array()));
    PL_TRY(solution_rows(&m, x->data, solution_path, rows, diags));
    PL_TRY(pli_json_text(root, json));
cleanup:
    json_decref(root);
    pli_dzn_free(&dzn);
    pli_dzn_free(&sdzn);
    free(text);
    free(sol);
    free(name);
    return status;
}
