#!/usr/bin/env bash
# `make fuzz [SECONDS=N] [RUNS=N] [TARGETS="loader mermaid"]`: builds reseau-fuzz with
# coverage (release, in .build-fuzz), seeds each target's corpus, and runs the targets,
# as many at once as there are cores, each for SECONDS (default 60) or until RUNS
# executions. Prints one line a target: executions, time, crashes. Inputs that stopped a
# target are kept in .build-fuzz/crashes/TARGET/; each becomes a regression input in
# Tests/Fixtures/fuzz/TARGET/ before it is fixed. Exit 1 when a target found a crash.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
runs=${2:-}
targets=${3:-loader mermaid scene trace render}

swift_bin=$(dirname "$(readlink -f "$(command -v swift)")")
runtime=$(ls "$swift_bin"/../lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-"$(uname -m)".a 2>/dev/null | head -1)
if [ -z "$runtime" ]; then
    echo "fuzz: libFuzzer's runtime (libclang_rt.fuzzer_no_main) is not in this Swift toolchain" >&2
    exit 2
fi
echo "fuzz: building reseau-fuzz with coverage (release, .build-fuzz)"
RESEAU_FUZZ="$runtime" swift build -c release --scratch-path .build-fuzz --product reseau-fuzz 2>&1 | tail -1
binary=.build-fuzz/release/reseau-fuzz

# Seeds: the shared corpus when it is beside the checkout, then our own inputs. Course
# pages are cut at their slide breaks: small seeds make fast runs.
shared=../shared
seed() {
    local target=$1 dir=.build-fuzz/corpus/$1
    mkdir -p "$dir"
    case $target in
    loader|render)
        for f in "$shared"/course/*.md "$shared"/corpus/course/*/*.md Lessons/*.md Tests/Fixtures/lessons/*.md; do
            [ -f "$f" ] || continue
            awk -v out="$dir/$(basename "$f" .md)" 'BEGIN { n = 0 } /^---$/ { n++; next } { print > (out "-" n ".md") }' "$f"
        done ;;
    mermaid)
        for f in "$shared"/corpus/mermaid/*.mmd; do [ -f "$f" ] && cp "$f" "$dir/"; done
        # The lessons' and the fixtures' diagrams: every kind (sequence, state, class, mindmap, git).
        for f in Lessons/*.md Tests/Fixtures/lessons/*.md; do
            awk -v out="$dir/$(basename "$f" .md)" '/^```mermaid/ { n++; on = 1; next } /^```/ { on = 0 } on { print > (out "-" n ".mmd") }' "$f"
        done ;;
    scene)
        cp Tests/Fixtures/scenes/*.yaml "$dir/"
        for f in Lessons/*.md; do
            awk -v out="$dir/$(basename "$f" .md)" '/^```yaml scene/ { n++; on = 1; next } /^```/ { on = 0 } on { print > (out "-" n ".yaml") }' "$f"
        done ;;
    trace)
        printf 'shop/toolbox\nhttp://web.shop/\n' > "$dir/clusterip"
        printf 'laptop\nhttp://192.168.56.12:30080/\n' > "$dir/nodeport"
        printf 'laptop\nhttp://198.51.100.7/\nHost: shop.example.com\n' > "$dir/ingress"
        printf 'shop/toolbox\ntcp://db-0.db:5432\n' > "$dir/headless"
        printf 'shop/toolbox\nhttps://bank/\n' > "$dir/externalname"
        printf 'pf\nlaptop\nsvc/shop/web\n80\n' > "$dir/port-forward" ;;
    esac
    for f in Tests/Fixtures/fuzz/"$target"/*; do [ -f "$f" ] && cp "$f" "$dir/"; done
    return 0
}

# Long enough to reach the limits the program sets itself (nesting cut at 100 levels, Mermaid
# subgraphs read flat past 64, a 4 MiB scene is out of reach but a 64 KiB one is not).
max_len() { case $1 in trace) echo 4096 ;; *) echo 65536 ;; esac; }

# On a timeout, libFuzzer's alarm handler copies the input with malloc; when the program was
# inside malloc, it waits for itself for ever and writes no input (seen on a render hang).
# A log stopped for 60 s after "ALARM" is that: the fuzzer is killed, and the input's base
# unit is kept with the hangs (the log's last "MS:" line names the mutation it was given).
watch_for_deadlock() {
    local pid=$1 target=$2 log=$3 size=-1 still=0 now base
    while kill -0 "$pid" 2>/dev/null; do
        sleep 10
        grep -q 'ALARM: working on the last Unit' "$log" 2>/dev/null || continue
        now=$(stat -c %s "$log")
        if [ "$now" = "$size" ]; then still=$((still + 10)); else still=0; size=$now; fi
        [ "$still" -ge 60 ] || continue
        kill -9 "$pid" 2>/dev/null || true
        base=$(grep -o 'base unit: [0-9a-f]*' "$log" | tail -1 | grep -o '[0-9a-f]*$' || true)
        if [ -n "$base" ] && [ -f .build-fuzz/corpus/"$target"/"$base" ]; then
            cp .build-fuzz/corpus/"$target"/"$base" .build-fuzz/crashes/"$target"/hang-base-"$base"
        else
            echo "no base unit named in $log" > .build-fuzz/crashes/"$target"/hang-unknown
        fi
        echo "fuzz: $target hung on an input and libFuzzer deadlocked reporting it (killed); its base unit is in .build-fuzz/crashes/$target/" >&2
    done
    wait "$pid" 2>/dev/null || true
}

run() {
    local target=$1 log=.build-fuzz/logs/$1.log
    mkdir -p .build-fuzz/crashes/"$target" .build-fuzz/logs
    local limit=(-max_total_time="$seconds")
    [ -n "$runs" ] && limit=(-runs="$runs")
    SWIFT_BACKTRACE=enable=no RESEAU_FUZZ_TARGET=$target "$binary" .build-fuzz/corpus/"$target" \
        "${limit[@]}" -max_len="$(max_len "$target")" -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix=.build-fuzz/crashes/"$target"/ -print_final_stats=1 > "$log" 2>&1 &
    watch_for_deadlock $! "$target" "$log"
    local execs time crashes
    execs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || echo 0)
    time=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | tail -1 | grep -o 'in [0-9]*' | grep -o '[0-9]*' || echo "$seconds")
    crashes=$(find .build-fuzz/crashes/"$target" -type f | wc -l)
    echo "fuzz: $target ${execs:-0} executions in ${time:-?} s, $crashes crash(es) kept in .build-fuzz/crashes/$target/"
}

for t in $targets; do seed "$t"; done
export -f run max_len watch_for_deadlock
export seconds runs binary
printf '%s\n' $targets | xargs -P "$(nproc)" -I{} bash -c 'run {}'

if [ -n "$(find .build-fuzz/crashes -type f 2>/dev/null)" ]; then
    echo "fuzz: crashes found; replay one with: .build/debug/reseau-fuzz TARGET FILE (after swift build)" >&2
    exit 1
fi
