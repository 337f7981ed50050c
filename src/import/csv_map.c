/*
 * csv_map.c — where each part of an imported instance came from: JSON
 * pointers mapped to file, line and column, so that the validator's
 * messages (which name JSON pointers) can point at spreadsheet cells.
 */
#include <stdlib.h>
#include <string.h>

#include "import/csv_import.h"
#include "util/strutil.h"

pl_status pli_csv_map_add(pl_csv_map *map, const char *pointer, const char *file,
                         int line, int column)
{
    if (map->count == map->capacity) {
        size_t cap = map->capacity ? map->capacity * 2 : 256;
        pl_csv_origin *items = realloc(map->items, cap * sizeof *items);
        if (!items)
            return PL_ERR_NOMEM;
        map->items = items;
        map->capacity = cap;
    }
    char *copy = pli_strdup(pointer);
    if (!copy)
        return PL_ERR_NOMEM;
    map->items[map->count++] = (pl_csv_origin){copy, file, line, column};
    map->sorted = false;
    return PL_OK;
}

static int by_pointer(const void *a, const void *b)
{
    const pl_csv_origin *x = a, *y = b;
    return strcmp(x->pointer, y->pointer);
}

static const pl_csv_origin *exact(const pl_csv_map *map, const char *pointer)
{
    pl_csv_origin key = {(char *)pointer, NULL, 0, 0};
    return bsearch(&key, map->items, map->count, sizeof key, by_pointer);
}

const pl_csv_origin *pli_csv_map_find(pl_csv_map *map, const char *pointer)
{
    if (!map->sorted) {
        if (map->count)
            qsort(map->items, map->count, sizeof *map->items, by_pointer);
        map->sorted = true;
    }
    char *p = pli_strdup(pointer);
    const pl_csv_origin *found = NULL;
    if (!p)
        return NULL;
    for (;;) {
        if ((found = exact(map, p)) != NULL)
            break;
        char *slash = strrchr(p, '/');
        if (!slash)
            break;
        *slash = '\0';
    }
    free(p);
    return found;
}

void pli_csv_map_free(pl_csv_map *map)
{
    for (size_t i = 0; i < map->count; i++)
        free(map->items[i].pointer);
    free(map->items);
    memset(map, 0, sizeof *map);
}
