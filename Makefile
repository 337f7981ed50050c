# placera — build, test, demo and install.
#
# `make`       builds build/libplacera.a and build/placera
# `make demo`  installs what is missing, builds, and runs the bundled example
# `make test`  installs what is missing, builds, and runs every test, then again
#              under AddressSanitizer + UndefinedBehaviorSanitizer
# `make install PREFIX=/usr/local`

CC      ?= cc
BUILD   ?= build
PREFIX  ?= /usr/local
SAN     ?=
CFLAGS_BASE := -std=c11 -Wall -Wextra -Wpedantic -Werror -D_POSIX_C_SOURCE=200809L
OPT     ?= -O2 -g
CFLAGS  := $(CFLAGS_BASE) $(OPT) $(SAN) -Iinclude -Isrc
LDLIBS  := -lglpk -ljansson -lcsv -lm
TEST_LDLIBS := -lcmocka

LIB_SRCS := $(shell find src -name '*.c' ! -name 'main.c' ! -name 'cmd_*.c' | sort)
CMD_SRCS := src/main.c $(sort $(wildcard src/cmd_*.c))
LIB_OBJS := $(LIB_SRCS:%.c=$(BUILD)/%.o)
CMD_OBJS := $(CMD_SRCS:%.c=$(BUILD)/%.o)
TEST_SRCS := $(sort $(wildcard tests/unit/test_*.c))
TEST_BINS := $(TEST_SRCS:tests/unit/%.c=$(BUILD)/tests/%)
TEST_SUPPORT := $(sort $(wildcard tests/unit/support_*.c))
TEST_SUPPORT_OBJS := $(TEST_SUPPORT:%.c=$(BUILD)/%.o)

DEPS_STAMP := .deps-installed

.PHONY: all deps demo test test-plain test-asan test-clang install clean bench

all: $(BUILD)/placera $(BUILD)/libplacera.a

# Install the libraries (and the solver tools the tests compare with) when
# their headers are missing: a fresh machine needs nothing else.
deps:
	@if [ ! -f /usr/include/glpk.h ] || [ ! -f /usr/include/jansson.h ] || \
	    [ ! -f /usr/include/cmocka.h ] || [ ! -f /usr/include/csv.h ] || \
	    ! command -v glpsol >/dev/null || ! command -v jq >/dev/null; then \
	  echo "placera: installing libglpk-dev libjansson-dev libcmocka-dev libcsv-dev glpk-utils jq"; \
	  SUDO=; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
	    libglpk-dev libjansson-dev libcmocka-dev libcsv-dev glpk-utils jq >/dev/null; \
	fi

$(BUILD)/libplacera.a: $(LIB_OBJS)
	@mkdir -p $(@D)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/placera: $(CMD_OBJS) $(BUILD)/libplacera.a
	$(CC) $(CFLAGS) -o $@ $(CMD_OBJS) $(BUILD)/libplacera.a $(LDLIBS)

$(BUILD)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/tests/%: tests/unit/%.c $(TEST_SUPPORT_OBJS) $(BUILD)/libplacera.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Itests/unit -o $@ $< $(TEST_SUPPORT_OBJS) $(BUILD)/libplacera.a $(TEST_LDLIBS) $(LDLIBS)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

# The fault-injection test wraps the allocator (tests/unit/test_alloc_failures.c).
$(BUILD)/tests/test_alloc_failures: TEST_LDLIBS += -Wl,--wrap=malloc -Wl,--wrap=calloc -Wl,--wrap=realloc -Wl,--wrap=strdup
# The GLPK error test makes chosen GLPK calls fail (tests/unit/test_glpk_errors.c).
$(BUILD)/tests/test_glpk_errors: TEST_LDLIBS += -Wl,--wrap=glp_simplex -Wl,--wrap=glp_intopt -Wl,--wrap=glp_load_matrix -Wl,--wrap=glp_add_cols

demo: deps
	@$(MAKE) --no-print-directory all
	@sh tests/demo.sh $(BUILD)/placera

# The suite runs twice: optimized, then under ASan + UBSan; first every
# source is compiled by clang too (test-clang), so that both compilers
# accept the code under -Werror.
test: deps
	@$(MAKE) --no-print-directory test-clang
	@$(MAKE) --no-print-directory test-plain
	@$(MAKE) --no-print-directory test-asan

# A cheap check with the other compiler: clang parses and type-checks
# every source (library, commands, tests, fuzz harnesses) with the
# project's warnings and -Werror, generating no code (-fsyntax-only, about
# as fast as one file's build).  Skipped, with a note, without clang.
CLANG ?= clang
CLANG_SRCS := $(LIB_SRCS) $(CMD_SRCS) $(TEST_SRCS) $(TEST_SUPPORT) $(wildcard tests/fuzz/fuzz_*.c)
test-clang:
	@if command -v $(CLANG) >/dev/null 2>&1; then \
	  $(CLANG) $(CFLAGS_BASE) -Iinclude -Isrc -Itests/unit -fsyntax-only $(CLANG_SRCS) && \
	  echo "clang: $(words $(CLANG_SRCS)) sources compile without a warning"; \
	else \
	  echo "clang: not installed, the clang compile check is skipped (apt-get install clang)"; \
	fi

test-plain: all $(TEST_BINS)
	@sh tests/run.sh $(BUILD)

# Under the sanitizers the random solver test runs 100 of its 300 seeds
# (the optimized pass runs all of them) to keep `make test` near 8 minutes.
# tests/lsan.supp suppresses the one leak inside GLPK itself (a block its
# realloc loses at the memory cap), which placera cannot free.
test-asan:
	@PLACERA_RANDOM_N=100 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp $(MAKE) --no-print-directory BUILD=build-asan OPT="-O1 -g" \
	  SAN="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	  test-plain

# make bench [SET=mssp-small|mssp-orig|mssp-gen|tiers|examples] [TIME=seconds]
bench: all
	@sh benchmarks/run.sh --placera $(BUILD)/placera $(if $(SET),--set $(SET)) $(if $(TIME),--time-limit $(TIME))

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/lib/pkgconfig
	install -m 755 $(BUILD)/placera $(DESTDIR)$(PREFIX)/bin/placera
	install -m 644 $(BUILD)/libplacera.a $(DESTDIR)$(PREFIX)/lib/libplacera.a
	install -m 644 include/placera.h $(DESTDIR)$(PREFIX)/include/placera.h
	sed -e 's|@PREFIX@|$(PREFIX)|g' placera.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/placera.pc

clean:
	rm -rf build build-asan build-*

# ---- hardening: libFuzzer harnesses and valgrind (tests/fuzz/README.md) ----
# `make fuzz FUZZ_SECONDS=N` builds the harnesses of tests/fuzz/ with clang,
# libFuzzer, ASan and UBSan in build-fuzz/ and runs each for N seconds on a
# copy of its seed corpus; crashes are written to build-fuzz/crashes/.
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_BUILD   := build-fuzz
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_CFLAGS  := $(CFLAGS_BASE) -O1 -g $(FUZZ_SAN) -fsanitize=fuzzer-no-link -Iinclude -Isrc
FUZZ_NAMES   := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BINS    := $(FUZZ_NAMES:%=$(FUZZ_BUILD)/fuzz_%)
FUZZ_OBJS    := $(LIB_SRCS:%.c=$(FUZZ_BUILD)/%.o)

.PHONY: fuzz fuzz-build valgrind

fuzz-build: $(FUZZ_BINS)

.SECONDARY: $(FUZZ_OBJS)

$(FUZZ_BUILD)/src/%.o: src/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -MMD -MP -c $< -o $@

$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_OBJS)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_OBJS) $(LDLIBS)

fuzz: fuzz-build
	@sh tests/fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_NAMES)

# Memcheck over every test binary and the demo; zero errors, zero leaks.
# The two slowest solver tests join with VALGRIND_ALL=1.
valgrind: all $(TEST_BINS)
	@VALGRIND_ALL=$(VALGRIND_ALL) sh tests/valgrind.sh $(BUILD)

-include $(shell find $(FUZZ_BUILD) -name '*.d' 2>/dev/null)
