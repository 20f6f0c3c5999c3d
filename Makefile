# The two commands users run first: `make demo` and `make test`.
BUILD ?= build
JOBS ?= $(shell nproc)
PRIVAUDIT = $(BUILD)/privaudit

.PHONY: all deps configure build test demo format format-check clean

all: build

deps:
	@ci/install-deps.sh

configure: deps
	@test -f $(BUILD)/CMakeCache.txt || cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# Scans the demo contact-center backend; findings are expected, so they do not fail the target.
demo: build
	@$(PRIVAUDIT) scan testdata/demo -p testdata/demo/build -o privaudit.sarif --fail-on none
	@echo "SARIF written to privaudit.sarif"

format:
	@git ls-files '*.cpp' '*.h' | xargs clang-format-19 -i

format-check:
	@git ls-files '*.cpp' '*.h' | xargs clang-format-19 --dry-run --Werror

clean:
	@rm -rf $(BUILD) privaudit.sarif
