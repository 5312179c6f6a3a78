# reseau: two commands set everything up, `make run` and `make test`.
SHELL := /bin/bash
export LANG := C.UTF-8
export LC_ALL := C.UTF-8
export SWIFT_BACKTRACE := interactive=no

SWIFT ?= swift
# What the build needs from the system (Debian/Ubuntu names).
SYSTEM_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-dev libncursesw5-dev pkg-config tmux binutils
# `make run ARGS="outline ../shared/course/reseau.md"` passes arguments to reseau.
ARGS ?=

# `make fuzz SECONDS=600` runs each fuzz target 600 s; `RUNS=10000000` stops each at that
# many executions instead; `TARGETS="loader trace"` picks targets.
SECONDS ?= 60
RUNS ?=
TARGETS ?= loader mermaid scene trace render

# `make install [PREFIX=/usr/local] [DESTDIR=…]`: the release program (Swift runtime linked
# in), the course, a man page and bash, zsh and fish completions; `make uninstall` removes
# exactly what it installed.
PREFIX ?= /usr/local
DESTDIR ?=
bindir := $(DESTDIR)$(PREFIX)/bin
sharedir := $(DESTDIR)$(PREFIX)/share
LESSONS := $(notdir $(wildcard Lessons/*.md))

.PHONY: deps build run test shipped bench order fuzz clean install install-files uninstall

deps:
	@scripts/install-deps.sh $(SYSTEM_PACKAGES)

build: deps
	$(SWIFT) build

run: deps
	$(SWIFT) run reseau $(ARGS)

# The install test also needs ArgumentParser's manual generator, built beside reseau.
test: deps
	$(SWIFT) build --product generate-manual
	$(SWIFT) test

# reseau as it ships (docs/decisions.md, "How the shipped program is linked"): release, one
# static position-independent program (static-pie: the Swift runtime, glibc, ncursesw and
# tinfo, cmark-gfm and libyaml linked in, no dynamic loader; still loaded at a random
# address), linked by lld with the functions that run at start-up side by side
# (scripts/start-functions.txt, written by `make order`), no symbol exported and its
# relocations packed (DT_RELR). glibc refuses a static-pie with an rpath (an assertion before
# main), hence --disable-local-rpath; the static ncursesw needs tinfo named.
START_FUNCTIONS := $(CURDIR)/scripts/start-functions.txt
SHIPPED_FLAGS := -c release --static-swift-stdlib --scratch-path .build-static --disable-local-rpath \
  -Xswiftc -use-ld=lld -Xswiftc -Xclang-linker -Xswiftc -static-pie \
  -Xswiftc -Xfrontend -Xswiftc -function-sections -Xcc -ffunction-sections \
  -Xlinker --symbol-ordering-file=$(START_FUNCTIONS) -Xlinker --no-warn-symbol-ordering \
  -Xlinker --no-export-dynamic -Xlinker -z -Xlinker pack-relative-relocs -Xlinker -ltinfo
# The linker reads the order file, which the build does not track: link again each time.
shipped: deps
	rm -f .build-static/release/reseau
	$(SWIFT) build $(SHIPPED_FLAGS) --product reseau

# The benchmark compares with mdp, and times reseau as it ships.
bench: shipped
	@scripts/install-deps.sh mdp time
	$(SWIFT) build -c release --product reseau-bench
	RESEAU_BENCH_RESEAU=$(CURDIR)/.build-static/release/reseau .build/release/reseau-bench

# Writes scripts/start-functions.txt from profiles of the shipped program's first frames
# (valgrind's callgrind, in tmux): run it when the start-up path changes much.
order: shipped
	@scripts/install-deps.sh valgrind tmux
	scripts/order-start.sh .build-static/release/reseau $(START_FUNCTIONS)
	$(MAKE) shipped

fuzz: deps
	scripts/fuzz.sh "$(SECONDS)" "$(RUNS)" "$(TARGETS)"

install: shipped
	$(SWIFT) build -c release --product generate-manual
	$(MAKE) install-files PROGRAM=.build-static/release/reseau MANUAL=.build/release/generate-manual

# What `install` copies, from programs already built (the install test gives the debug ones).
PROGRAM ?= .build-static/release/reseau
MANUAL ?= .build/release/generate-manual
install-files:
	install -d "$(bindir)" "$(sharedir)/reseau/Lessons" "$(sharedir)/man/man1" "$(sharedir)/bash-completion/completions" \
		"$(sharedir)/zsh/site-functions" "$(sharedir)/fish/vendor_completions.d"
	install -m 755 "$(PROGRAM)" "$(bindir)/reseau"
	# Stripped (56 MB → 23 MB): a crash report gives addresses, which `addr2line -e` on the
	# built program turns into names.
	strip "$(bindir)/reseau"
	install -m 644 $(addprefix Lessons/,$(LESSONS)) "$(sharedir)/reseau/Lessons/"
	# The man page and completions speak English (generate-manual drops every letter outside ASCII).
	LANG=C.UTF-8 LC_ALL=C.UTF-8 "$(MANUAL)" "$(PROGRAM)" --output-directory "$(sharedir)/man/man1"
	LANG=C.UTF-8 "$(PROGRAM)" --generate-completion-script bash > "$(sharedir)/bash-completion/completions/reseau"
	LANG=C.UTF-8 "$(PROGRAM)" --generate-completion-script zsh > "$(sharedir)/zsh/site-functions/_reseau"
	LANG=C.UTF-8 "$(PROGRAM)" --generate-completion-script fish > "$(sharedir)/fish/vendor_completions.d/reseau.fish"
	@echo "reseau installed in $(bindir); the course in $(sharedir)/reseau/Lessons"

uninstall:
	rm -f "$(bindir)/reseau" "$(sharedir)/man/man1/reseau.1" "$(sharedir)/bash-completion/completions/reseau" \
		"$(sharedir)/zsh/site-functions/_reseau" "$(sharedir)/fish/vendor_completions.d/reseau.fish"
	rm -f $(addprefix "$(sharedir)/reseau/Lessons/,$(addsuffix ",$(LESSONS)))
	-rmdir "$(sharedir)/reseau/Lessons" "$(sharedir)/reseau" 2>/dev/null

clean:
	$(SWIFT) package clean
