/*
 * fuzz_scenario.c — libFuzzer harness for what-if scenarios: a fixed base
 * instance and the fuzz input as the RFC 7396 merge patch, through the
 * public pl_instance_load_patched.  Both are passed as memfd files
 * (/proc/self/fd/N), so no library change is needed and nothing touches
 * the disk.
 */
#define _GNU_SOURCE
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "placera.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char BASE[] =
    "{\"format\": \"placera/1\", \"name\": \"base\","
    " \"horizon\": {\"start\": \"2027-01\", \"unit\": \"month\", \"length\": 6},"
    " \"rotations\": {\"a\": {}, \"b\": {}},"
    " \"sites\": {\"s1\": {\"area\": \"A\", \"capacity\": {\"a\": 2, \"b\": 1}},"
    "            \"s2\": {\"area\": \"B\", \"capacity\": {\"a\": [1,1,0,1,1,1]}}},"
    " \"supervisors\": {\"v1\": {\"site\": \"s1\", \"max_trainees\": 2},"
    "                  \"v2\": {\"site\": \"s2\"}},"
    " \"programs\": {\"P\": {\"requirements\": {\"a\": {\"min\": 2}, \"b\": {\"max\": 2}}}},"
    " \"trainees\": {\"t1\": {\"program\": \"P\", \"home\": \"s1\"},"
    "               \"t2\": {\"program\": \"P\", \"areas\": [\"A\"]}}}";

static int base_fd = -1, patch_fd = -1;
static char base_path[64], patch_path[64];

static int memfd(const char *name, char *path, size_t size)
{
    int fd = memfd_create(name, 0);
    if (fd < 0)
        abort();
    snprintf(path, size, "/proc/self/fd/%d", fd);
    return fd;
}

static void put(int fd, const void *data, size_t size)
{
    if (ftruncate(fd, 0) != 0 || lseek(fd, 0, SEEK_SET) != 0)
        abort();
    const char *p = data;
    while (size > 0) {
        ssize_t n = write(fd, p, size);
        if (n <= 0)
            abort();
        p += n;
        size -= (size_t)n;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (base_fd < 0) {
        base_fd = memfd("base", base_path, sizeof base_path);
        put(base_fd, BASE, sizeof BASE - 1);
        patch_fd = memfd("patch", patch_path, sizeof patch_path);
    }
    put(patch_fd, data, size);
    pl_diags diags;
    pl_instance *inst = NULL;
    pl_diags_init(&diags);
    pl_status st = pl_instance_load_patched(base_path, patch_path, &inst, &diags);
    if ((st == PL_OK) != (inst != NULL))
        abort();
    if (st != PL_OK && st != PL_ERR_NOMEM &&
        pl_diags_count_severity(&diags, PL_SEV_ERROR) == 0)
        abort();
    pl_instance_free(inst);
    pl_diags_free(&diags);
    return 0;
}
