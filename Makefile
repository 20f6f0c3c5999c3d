# The two commands users run first: `make demo` and `make test`.
BUILD ?= build
JOBS ?= $(shell nproc)
PRIVAUDIT = $(BUILD)/privaudit

.PHONY: all deps configure build test test-asan demo format format-check clean

all: build

deps:
	@ci/install-deps.sh

configure: deps
	@test -f $(BUILD)/CMakeCache.txt || cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The whole suite again, built with AddressSanitizer and UndefinedBehaviorSanitizer.
ASAN_BUILD ?= build-asan
test-asan: deps
	@test -f $(ASAN_BUILD)/CMakeCache.txt || cmake -S . -B $(ASAN_BUILD) \
		-DCMAKE_BUILD_TYPE=RelWithDebInfo -DPRIVAUDIT_SANITIZE=ON
	@cmake --build $(ASAN_BUILD) -j $(JOBS)
	@cd $(ASAN_BUILD) && ASAN_OPTIONS=abort_on_error=1 ctest --output-on-failure -j $(JOBS)

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
	@rm -rf $(BUILD) $(ASAN_BUILD) privaudit.sarif privaudit-data.sarif privaudit-report.html \
		privaudit-probe.sarif privaudit-probe.jsonl
