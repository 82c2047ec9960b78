#!/usr/bin/env bash
# Whole-process throughput, as a user runs it: reading, extraction and JSON
# writing, on one core and on all, with peak memory. Beside the in-process
# divan benches (`cargo bench`), this times the real binary.
#
#   bash benches/cli.sh [MB] [RUNS]      (defaults: 50 MB, 5 runs)
#
# Generates the bench corpus once into target/bench-corpus-MB (the same
# generator and seed as `cargo bench`), then prints, for `extract --format
# jsonl` on 1 and 2 threads and for `attribute` with claims/, the best wall
# time of RUNS, MB/s and the peak RSS. Uses hyperfine when installed for the
# timing, /usr/bin/time for memory.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

mb=${1:-50}
runs=${2:-5}
dir="target/bench-corpus-$mb"
bin=target/release/whosaid

cargo build --release --quiet
if [ ! -d "$dir" ]; then
    WHOSAID_CORPUS_DIR="$dir" WHOSAID_CORPUS_MB="$mb" \
        cargo test --release --quiet --test generator -- --ignored write_corpus_to_env_dir
fi
bytes=$(find "$dir" -name '*.txt' -print0 | xargs -0 cat | wc -c)
docs=$(find "$dir" -name '*.txt' | wc -l)
echo "corpus: $dir, $docs documents, $bytes bytes"

# best-of-RUNS seconds and peak KB for one command line
measure() {
    local best="" peak=0 t rss out
    out=$(mktemp)
    for _ in $(seq "$runs"); do
        /usr/bin/time -f '%e %M' -o "$out" "$@" > /dev/null 2> /dev/null
        read -r t rss < "$out"
        if [ -z "$best" ] || awk "BEGIN {exit !($t < $best)}"; then best=$t; fi
        if [ "$rss" -gt "$peak" ]; then peak=$rss; fi
    done
    rm -f "$out"
    echo "$best $peak"
}

report() {
    local label=$1; shift
    read -r secs kb < <(measure "$@")
    awk -v l="$label" -v s="$secs" -v b="$bytes" -v k="$kb" \
        'BEGIN { printf "%-34s %7.2f s  %6.1f MB/s  peak RSS %6.1f MB\n", l, s, b / s / 1e6, k / 1024 }'
}

for threads in 1 2; do
    if command -v hyperfine > /dev/null; then
        hyperfine --warmup 1 --runs "$runs" \
            "RAYON_NUM_THREADS=$threads $bin extract --quiet --format jsonl $dir > /dev/null"
    fi
    report "extract --format jsonl, $threads thread(s)" \
        env RAYON_NUM_THREADS="$threads" "$bin" extract --quiet --format jsonl "$dir"
done
report "attribute claims/, 2 threads" "$bin" attribute --quiet --format json "$dir"
