#!/usr/bin/env bash
# Checks the program as it ships (`make shipped`), which the test suite does not build: one
# static position-independent program that needs nothing from the system's libraries, finds
# the course from anywhere with no locale set, speaks French, and draws its first screen in a
# real terminal.
#
#   scripts/check-shipped.sh PROGRAM
set -euo pipefail

program=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
fail() { echo "check-shipped: $*" >&2; exit 1; }

# Static and position-independent: no program interpreter, no shared library, loaded at a
# random address (ELF type DYN).
headers=$(readelf -lh "$program")
grep -q 'Requesting program interpreter' <<<"$headers" && fail "$program asks for a dynamic loader"
grep -q 'Type:.*DYN' <<<"$headers" || fail "$program is not position-independent"
if readelf -d "$program" | grep -q NEEDED; then fail "$program needs shared libraries: $(readelf -d "$program" | grep NEEDED)"; fi

# From /, no locale, no HOME: the course of the checkout, its 13 lessons, letters kept.
outline=$(cd / && env -i PATH=/usr/bin:/bin "$program" outline --lang fr)
lessons=$(grep -c ' diapositives$' <<<"$outline" || true)
[[ $lessons -eq 13 ]] || fail "outline from / found $lessons lessons, not 13"
grep -q "Les trois réseaux d'un cluster" <<<"$outline" || fail "outline lost its letters: $(head -1 <<<"$outline")"

# ArgumentParser's words in French too.
usage=$("$program" present --lang fr --nope 2>&1 || true)
grep -q "^Erreur : option inconnue « --nope »" <<<"$usage" || fail "usage error: $usage"

# The course list in a real terminal, 80x24, French (tmux is among `make deps`' packages).
screen_checked="draws the course list"
if command -v tmux > /dev/null; then
  socket=reseau-check-$$
  data=$(mktemp -d)
  trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$data"' EXIT
  tmux -L "$socket" new-session -d -x 80 -y 24 "env LANG=C.UTF-8 XDG_DATA_HOME=$(printf %q "$data") $(printf %q "$program") --lang fr; sleep 10"
  screen=""
  for _ in $(seq 1 50); do
    sleep 0.1
    screen=$(tmux -L "$socket" capture-pane -p)
    grep -q 'reseau · cours' <<<"$screen" && break
  done
  grep -q 'reseau · cours' <<<"$screen" || fail "no course list on the screen: $screen"
  grep -q "Les trois réseaux d'un cluster" <<<"$screen" || fail "the course list lacks lesson 1: $screen"
  tmux -L "$socket" send-keys q
else
  screen_checked="(tmux is absent: its screen was not checked)"
fi
echo "check-shipped: $program is static and position-independent, finds 13 lessons from /, speaks French, $screen_checked"
