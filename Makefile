# reseau: two commands set everything up, `make run` and `make test`.
SHELL := /bin/bash
export LANG := C.UTF-8
export LC_ALL := C.UTF-8
export SWIFT_BACKTRACE := interactive=no

SWIFT ?= swift
# What the build needs from the system (Debian/Ubuntu names).
SYSTEM_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libncursesw5-dev pkg-config tmux
# `make run ARGS="outline ../shared/course/reseau.md"` passes arguments to reseau.
ARGS ?=

# `make fuzz SECONDS=600` runs each fuzz target 600 s; `RUNS=10000000` stops each at that
# many executions instead; `TARGETS="loader trace"` picks targets.
SECONDS ?= 60
RUNS ?=
TARGETS ?= loader mermaid scene trace render

.PHONY: deps build run test bench fuzz clean

deps:
	@scripts/install-deps.sh $(SYSTEM_PACKAGES)

build: deps
	$(SWIFT) build

run: deps
	$(SWIFT) run reseau $(ARGS)

test: deps
	$(SWIFT) test

# The benchmark compares with mdp, and times reseau as it would ship: release, with the
# Swift runtime linked in (--static-swift-stdlib: less to load, less memory).
bench: deps
	@scripts/install-deps.sh mdp
	$(SWIFT) build -c release --product reseau-bench
	$(SWIFT) build -c release --static-swift-stdlib --scratch-path .build-static --product reseau
	RESEAU_BENCH_RESEAU=$(CURDIR)/.build-static/release/reseau .build/release/reseau-bench

fuzz: deps
	scripts/fuzz.sh "$(SECONDS)" "$(RUNS)" "$(TARGETS)"

clean:
	$(SWIFT) package clean
