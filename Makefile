# The two commands users run first: `make demo` and `make test`. CI runs `make ci`.
BUILD ?= build
JOBS ?= $(shell nproc)
PRIVAUDIT = $(BUILD)/privaudit

.PHONY: all deps configure build test test-asan fuzz-build fuzz fuzz-short ci demo format format-check clean

all: build

deps:
	@ci/install-deps.sh

configure: deps
	@test -f $(BUILD)/CMakeCache.txt || cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The whole suite again, built with AddressSanitizer and UndefinedBehaviorSanitizer. -O1 and line
# tables only: reports keep file:line stack traces, the Clang-AST units compile faster.
ASAN_BUILD ?= build-asan
test-asan: deps
	@test -f $(ASAN_BUILD)/CMakeCache.txt || cmake -S . -B $(ASAN_BUILD) \
		-DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" \
		-DPRIVAUDIT_SANITIZE=ON
	@cmake --build $(ASAN_BUILD) -j $(JOBS)
	@cd $(ASAN_BUILD) && ASAN_OPTIONS=abort_on_error=1 ctest --output-on-failure -j $(JOBS)

# libFuzzer targets (tests/fuzz/) built with clang-19, ASan and UBSan in build-fuzz/: each runs
# over its checked-in inputs (testdata/fuzz/<target>/), then fuzzes for FUZZ_SECONDS.
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
fuzz-build: deps
	@test -f $(FUZZ_BUILD)/CMakeCache.txt || CC=clang-19 CXX=clang++-19 cmake -S . -B $(FUZZ_BUILD) \
		-DCMAKE_BUILD_TYPE=RelWithDebInfo -DPRIVAUDIT_FUZZ=ON
	@cmake --build $(FUZZ_BUILD) -j $(JOBS)

fuzz: fuzz-build
	@tests/fuzz/run_fuzzers.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) $(JOBS)

fuzz-short: fuzz-build
	@tests/fuzz/run_fuzzers.sh $(FUZZ_BUILD) 20 $(JOBS)

# What CI runs: the suite, a short fuzzing run, and the suite again under the sanitizers.
ci: test fuzz-short test-asan

# Scans the demo contact-center backend the way a user scans a CMake project: configure it to
# get compile_commands.json, then scan with -p; then scans its logs and transcripts with
# scan-data; then probes the leaky fixture bot live on a loopback port (testdata/bots). Findings
# are expected: they do not fail the target.
demo: build
	@cmake -S testdata/demo -B $(BUILD)/demo -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
	@$(PRIVAUDIT) scan testdata/demo -p $(BUILD)/demo -o privaudit.sarif --fail-on none
	@echo "SARIF written to privaudit.sarif"
	@$(PRIVAUDIT) report privaudit.sarif -o privaudit-report.html
	@echo "HTML audit report written to privaudit-report.html"
	@$(PRIVAUDIT) scan-data testdata/demo/logs -o privaudit-data.sarif --fail-on none
	@echo "SARIF of the demo's logs and transcripts written to privaudit-data.sarif"
	@testdata/bots/demo_probe.sh $(BUILD)

# Testdata keeps its own layout: reformatting could move an annotation off its line.
FORMATTED = git ls-files '*.cpp' '*.h' ':!testdata' ':!tests/fixtures'

format:
	@$(FORMATTED) | xargs clang-format-19 -i

format-check:
	@$(FORMATTED) | xargs clang-format-19 --dry-run --Werror

clean:
	@rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD) privaudit.sarif privaudit-data.sarif privaudit-report.html \
		privaudit-probe.sarif privaudit-probe.jsonl
