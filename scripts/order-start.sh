#!/usr/bin/env bash
# Writes the list of functions reseau runs when it starts (the first frame of a lesson and of
# the course list, `render`, `outline`, `quiz --plain`, `--help`), one symbol a line, for lld's
# --symbol-ordering-file: the shipped build (`make shipped`) puts them side by side at the start
# of the program's code, so that starting touches a few hundred KB of it instead of pages spread
# over 14 MB (each page fault maps up to 64 KB around it).
#
#   scripts/order-start.sh PROGRAM OUT
#
# PROGRAM: the shipped build, compiled with -function-sections (`make order` builds it).
# Needs valgrind (callgrind) and tmux. A function missing from the list only costs a page;
# a name in the list that no longer exists is ignored by the linker.
set -euo pipefail

program=$1
out=$2
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'tmux -L reseau-order kill-server 2>/dev/null || true; rm -rf "$work"' EXIT

# callgrind cannot read the Swift toolchain's debug information: a copy without it.
strip --strip-debug -o "$work/reseau" "$program"
export LANG=C.UTF-8 LC_ALL=C.UTF-8 XDG_DATA_HOME="$work/data" RESEAU_LESSONS="$here/Lessons"
seed="$here/../shared/course/reseau.md"
lesson="$here/Lessons/01-trois-reseaux.md"
run=0

profile() { # profile ARGS...: one run of the program, its functions in $work/cg.N
  run=$((run + 1))
  valgrind --tool=callgrind --demangle=no --callgrind-out-file="$work/cg.$run" "$work/reseau" "$@" \
    < /dev/null > /dev/null 2> "$work/vg.$run" || true
}

# The terminal program, in a real terminal (tmux), quit with q once its first frame is drawn.
profile_screen() { # profile_screen COLUMNS ROWS ARGS...
  local columns=$1 rows=$2; shift 2
  run=$((run + 1))
  local cmd="valgrind --tool=callgrind --demangle=no --callgrind-out-file=$work/cg.$run $work/reseau"
  for a in "$@"; do cmd+=" $(printf '%q' "$a")"; done
  tmux -L reseau-order kill-server 2>/dev/null || true
  tmux -L reseau-order new-session -d -x "$columns" -y "$rows" "$cmd 2> $work/vg.$run"
  # Drawn when the screen has stopped changing for 2 s (valgrind is about 50 times slower).
  local last="" now="" still=0
  for _ in $(seq 1 120); do
    sleep 0.5
    now=$(tmux -L reseau-order capture-pane -p 2>/dev/null || true)
    if [[ -n "$now" && "$now" == "$last" ]]; then still=$((still + 1)); else still=0; fi
    last=$now
    [[ $still -ge 4 ]] && break
  done
  tmux -L reseau-order send-keys q
  for _ in $(seq 1 60); do
    tmux -L reseau-order has-session 2>/dev/null || break
    sleep 0.5
  done
}

profile_screen 80 24 --lang fr "$lesson"
profile_screen 80 24 --lang fr
profile_screen 120 40 --lang en "$lesson"
[[ -f "$seed" ]] && profile_screen 150 100 --lang en "$seed"
profile render "$lesson" --slide 1 --width 80
[[ -f "$seed" ]] && profile render "$seed" --slide 1 --width 150 --height 100
profile outline "$here/Lessons"
profile quiz --plain "$lesson"
profile --help

# Every function of the program that ran, in the order of the runs above (the first frame
# first), each once.
nm --defined-only "$work/reseau" | awk '$2 ~ /^[tTwW]$/ { print $3 }' | sort -u > "$work/defined"
for n in $(seq 1 $run); do
  [[ -s "$work/cg.$n" ]] || { echo "order-start: run $n gave no profile:" >&2; tail -3 "$work/vg.$n" >&2; continue; }
  sed -nE 's/^c?fn=\([0-9]+\) (.+)$/\1/p' "$work/cg.$n"
done | awk '!seen[$0]++' > "$work/ran"
awk 'NR == FNR { defined[$0] = 1; next } ($0 in defined)' "$work/defined" "$work/ran" > "$out"
echo "order-start: $(wc -l < "$out") functions in $out, from $run runs"
